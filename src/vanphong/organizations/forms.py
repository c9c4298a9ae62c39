"""Forms of the organization and member pages. They only parse input: the services check the
rules and raise MemberError, which the views show as a form error."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vanphong.core import vntext
from vanphong.core.form_fields import DATE_INPUT_FORMATS, DateInput, StyledForm, date_field
from vanphong.organizations.filters import age_group_choices
from vanphong.organizations.models import (
    CELL_KINDS,
    CommitteeTerm,
    Gender,
    Member,
    MemberStatus,
    Organization,
    OrgKind,
    PositionTitle,
    TransferKind,
)
from vanphong.organizations.services.members import PROFILE_FIELDS


def _member_field(name: str, **kwargs) -> forms.Field:
    """A form field made from the Member model field, with its Vietnamese label and choices."""
    field = Member._meta.get_field(name)
    if field.get_internal_type() == "DateField":
        kwargs.setdefault("widget", DateInput())
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
    return field.formfield(**kwargs)


def _date(label, required=True) -> forms.DateField:
    return date_field(label, required)


def _decision() -> forms.CharField:
    return forms.CharField(label=_("Decision number"), max_length=100, required=False)


class AdmitForm(StyledForm):
    heading = _("Admit a new member")

    full_name = _member_field("full_name")
    gender = _member_field("gender")
    birth_date = _member_field("birth_date")
    admitted_on = _member_field("admitted_on")
    decision = _decision()
    ethnicity = _member_field("ethnicity")
    religion = _member_field("religion")
    hometown = _member_field("hometown")
    citizen_id = _member_field("citizen_id")
    card_number = _member_field("card_number")
    education = _member_field("education")
    professional_level = _member_field("professional_level")
    theory_level = _member_field("theory_level")
    phone = _member_field("phone")

    def profile(self) -> dict:
        return {key: self.cleaned_data[key] for key in PROFILE_FIELDS}


class RecognizeOfficialForm(StyledForm):
    heading = _("Recognize as official member")

    on = _date(_("Recognized on"))
    decision = _decision()


class TransferForm(StyledForm):
    heading = _("Transfer party activity")

    kind = forms.ChoiceField(label=_("Kind of transfer"), choices=TransferKind.choices)
    on = _date(_("Transfer date"))
    to_organization = forms.ModelChoiceField(
        label=_("Receiving cell in VanPhong"),
        queryset=Organization.objects.none(),
        required=False,
    )
    to_organization_name = forms.CharField(
        label=_("Or a receiving organization outside VanPhong"), max_length=255, required=False
    )
    returns_on = _date(_("Return date (temporary transfer)"), required=False)
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)
    letter_number = forms.CharField(label=_("Letter number"), max_length=64, required=False)

    def __init__(self, *args, cells=None, **kwargs):
        super().__init__(*args, **kwargs)
        if cells is not None:
            self.fields["to_organization"].queryset = cells

    def clean(self):
        data = super().clean()
        inside, outside = data.get("to_organization"), (data.get("to_organization_name") or "")
        if bool(inside) == bool(outside.strip()):
            raise forms.ValidationError(
                _("Choose a receiving cell or type the name of an organization outside, not both."),
                code="destination",
            )
        return data


class ExemptForm(StyledForm):
    heading = _("Exempt from activity")

    starts_on = _date(_("From"))
    ends_on = _date(_("To"), required=False)
    reason = forms.CharField(label=_("Reason"), max_length=300)
    decision = _decision()


class EndExemptionForm(StyledForm):
    heading = _("End the exemption")

    on = _date(_("Exemption ends on"))


class RemoveForm(StyledForm):
    heading = _("Remove from the party")

    on = _date(_("Removed on"))
    reason = forms.CharField(label=_("Reason"), max_length=300)
    decision = _decision()


class DeathForm(StyledForm):
    heading = _("Record death")

    on = _date(_("Date of death"))


class PositionForm(StyledForm):
    heading = _("Assign a position")

    organization = forms.ModelChoiceField(
        label=_("Committee"), queryset=Organization.objects.none()
    )
    title = forms.ChoiceField(label=_("Position"), choices=PositionTitle.choices)
    starts_on = _date(_("From"))
    ends_on = _date(_("To"), required=False)

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organizations is not None:
            self.fields["organization"].queryset = organizations


class MemberFilterForm(StyledForm):
    """The member list's filters; only rendered here, filters.filter_members reads the values."""

    q = forms.CharField(label=_("Name"), required=False)
    to_chuc = forms.ChoiceField(label=_("Organization"), required=False)
    trang_thai = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + MemberStatus.choices
    )
    chuc_vu = forms.ChoiceField(
        label=_("Current position"),
        required=False,
        choices=[("", _("All"))] + PositionTitle.choices,
    )
    gioi_tinh = forms.ChoiceField(
        label=_("Gender"), required=False, choices=[("", _("All"))] + Gender.choices
    )
    nhom_tuoi = forms.ChoiceField(label=_("Age group"), required=False)

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        organizations = list(organizations)
        top = min((org.depth for org in organizations), default=1)
        self.fields["to_chuc"].choices = [("", _("Whole scope"))] + [
            (org.pk, "\u2003" * (org.depth - top) + org.name) for org in organizations
        ]
        self.fields["nhom_tuoi"].choices = [("", _("All"))] + age_group_choices()


# --- editing pages (views_manage) --------------------------------------------------------------


def _same(field: str, old, new) -> bool:
    """Would saving `new` leave `old` as it is? Names are compared in their stored form."""
    if field in ("full_name", "name"):
        return vntext.canonical(old) == vntext.canonical(new)
    return (old or None) == (new or None)


class MemberEditForm(StyledForm):
    """The profile fields that `update_member` changes (not status, dates of the party life or
    the cell: those change through the procedures)."""

    heading = _("Edit the profile")

    full_name = _member_field("full_name")
    gender = _member_field("gender")
    birth_date = _member_field("birth_date")
    ethnicity = _member_field("ethnicity")
    religion = _member_field("religion")
    hometown = _member_field("hometown")
    citizen_id = _member_field("citizen_id")
    card_number = _member_field("card_number")
    education = _member_field("education")
    professional_level = _member_field("professional_level")
    theory_level = _member_field("theory_level")
    phone = _member_field("phone")

    @staticmethod
    def initial_for(member: Member) -> dict:
        return {key: getattr(member, key) for key in PROFILE_FIELDS}

    def changes(self, member: Member) -> dict:
        """Only the fields whose value differs from the member's."""
        return {
            key: self.cleaned_data[key]
            for key in PROFILE_FIELDS
            if not _same(key, getattr(member, key), self.cleaned_data[key])
        }


def _org_field(name: str, **kwargs) -> forms.Field:
    field = Organization._meta.get_field(name)
    if field.get_internal_type() == "DateField":
        kwargs.setdefault("widget", DateInput())
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
    return field.formfield(**kwargs)


def _kind_choices(kinds) -> list:
    return [(value, label) for value, label in OrgKind.choices if value in kinds]


class OrganizationForm(StyledForm):
    """Name, code, kind and establishment date of an organization (new or existing)."""

    ORG_FIELDS = ("name", "code", "kind", "established_on")

    name = _org_field("name")
    code = _org_field("code")
    kind = _org_field("kind")
    established_on = _org_field("established_on")

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = kinds if kinds is not None else [k for k in OrgKind.values if k != OrgKind.CENTRAL]
        self.fields["kind"].choices = _kind_choices(kinds)

    @staticmethod
    def kinds_for(org: Organization) -> list[str]:
        """The kinds an existing organization may take: the root stays the Centre, and an
        organization with members stays a party cell (members attend cells)."""
        if org.is_root():
            return [OrgKind.CENTRAL]
        if org.is_cell and org.members.exists():
            return list(CELL_KINDS)
        return [k for k in OrgKind.values if k != OrgKind.CENTRAL]

    @classmethod
    def initial_for(cls, org: Organization) -> dict:
        return {key: getattr(org, key) for key in cls.ORG_FIELDS}

    def changes(self, org: Organization) -> dict:
        return {
            key: self.cleaned_data[key]
            for key in self.ORG_FIELDS
            if not _same(key, getattr(org, key), self.cleaned_data[key])
        }


class MergeForm(StyledForm):
    into = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Organization.objects.none(),
        error_messages={"invalid_choice": _("Choose an active organization that you manage.")},
    )
    on = _date(_("Merged on"))

    def __init__(self, *args, targets=None, offered=None, **kwargs):
        """`targets`: every organization the user may merge into (checked on POST);
        `offered`: the ones listed in the menu (the same level, nearby)."""
        super().__init__(*args, **kwargs)
        if targets is not None:
            self.fields["into"].queryset = targets
        if offered is not None:
            self.fields["into"].choices = [("", "---------")] + [
                (org.pk, f"{org.name} ({org.code})") for org in offered
            ]


class DissolveForm(StyledForm):
    on = _date(_("Dissolved on"))
    confirm = forms.BooleanField(
        label=_("I confirm that this organization is dissolved."),
        error_messages={"required": _("Tick the box to confirm the dissolution.")},
    )


def _term_field(name: str, **kwargs) -> forms.Field:
    field = CommitteeTerm._meta.get_field(name)
    if field.get_internal_type() == "DateField":
        kwargs.setdefault("widget", DateInput())
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
    return field.formfield(**kwargs)


class TermForm(StyledForm):
    name = _term_field("name")
    starts_on = _term_field("starts_on")
    ends_on = _term_field("ends_on")


class TermEndForm(StyledForm):
    ends_on = _term_field("ends_on", help_text=_("Leave empty while the term is still running."))
