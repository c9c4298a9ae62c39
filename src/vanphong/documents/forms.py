"""Forms of the document pages. They parse input; the services check the rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vanphong.core.form_fields import StyledForm, date_field, datetime_field
from vanphong.core.models import Clearance
from vanphong.documents.models import (
    BODY_MAX,
    NOTE_MAX,
    RECIPIENTS_MAX,
    SUMMARY_MAX,
    Channel,
    DeliveryStatus,
    Urgency,
    Verdict,
)
from vanphong.documents.services.clearance import require_clearance
from vanphong.documents.services.errors import DocumentError
from vanphong.documents.types import type_choices


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return "— " * max(obj.depth - 1, 0) + obj.name


class ClearanceCheckedForm(StyledForm):
    """A form with a confidentiality field: refused above the user's own clearance, with the
    message the services give, next to the field."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confidentiality(self):
        level = self.cleaned_data["confidentiality"]
        if self.user is not None:
            try:
                require_clearance(self.user, level)
            except DocumentError as exc:
                raise forms.ValidationError(exc.message, code=exc.code) from exc
        return level


class IncomingForm(ClearanceCheckedForm):
    organization = OrganizationChoiceField(queryset=None, label=_("Register of"))
    received_at = datetime_field(_("Received at"))
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    issuer = forms.CharField(label=_("Issuing body"), max_length=255)
    original_number = forms.CharField(
        label=_("Number and symbol"), max_length=64, help_text=_("For example 42-HD/BTCTW.")
    )
    document_date = date_field(_("Document date"))
    doc_type = forms.ChoiceField(label=_("Document type"))
    summary = forms.CharField(
        label=_("Summary"), max_length=SUMMARY_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
    pages = forms.IntegerField(label=_("Pages"), min_value=1, max_value=9999, initial=1)
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices, required=False)
    confidentiality = forms.TypedChoiceField(
        label=_("Confidentiality"), choices=Clearance.choices, coerce=int, initial=0
    )
    file = forms.FileField(label=_("File (PDF, DOCX, image)"), required=False)
    confirm_duplicate = forms.BooleanField(
        label=_("Register anyway: it is not the same document"), required=False
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["doc_type"].choices = type_choices(timezone.localdate())
        self.fields["received_at"].initial = timezone.localtime().replace(second=0, microsecond=0)


def _person_with_roles(user) -> str:
    from vanphong.core.roles import ROLES

    roles = sorted({str(ROLES.label(ra.role)) for ra in user.role_assignments.all()})
    name = user.get_full_name() or user.username
    return f"{name} — {', '.join(roles)}" if roles else name


class AssignForm(StyledForm):
    lead = forms.ModelChoiceField(queryset=None, label=_("Lead handler"))
    co_handlers = forms.ModelMultipleChoiceField(
        queryset=None, label=_("Co-handlers"), required=False
    )
    readers = forms.ModelMultipleChoiceField(
        queryset=None, label=_("For information"), required=False
    )
    department = OrganizationChoiceField(
        queryset=None, label=_("Handling department"), required=False
    )
    deadline = date_field(_("Deadline"), required=False)
    direction = forms.CharField(
        label=_("Leader's direction"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, people, departments, handlers=None, **kwargs):
        """`handlers`: who may lead or co-handle (the holders of the handling action); `people`:
        who may read it. Each is shown with the roles they hold, so the clerk, the archivist or
        the administrator is not mistaken for a handler."""
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        handlers = people if handlers is None else handlers
        for name, queryset in (("lead", handlers), ("co_handlers", handlers), ("readers", people)):
            self.fields[name].queryset = queryset.prefetch_related("role_assignments")
            self.fields[name].label_from_instance = _person_with_roles
            # searchable with static/js/picker.js; a plain select without JavaScript
            self.fields[name].widget.attrs.update(
                {
                    "data-picker": "",
                    "data-picker-placeholder": _("Search by name or role"),
                    "data-picker-found": _("Matching:"),
                }
            )


class TextForm(StyledForm):
    text = forms.CharField(
        label=_("Content"), max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReasonForm(StyledForm):
    """Returning, recalling or cancelling a document: the reason is kept with it."""

    text = forms.CharField(
        label=_("Reason"), max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )


class UploadForm(StyledForm):
    file = forms.FileField(label=_("File"))


class OutgoingForm(ClearanceCheckedForm):
    organization = OrganizationChoiceField(queryset=None, label=_("Issuing organization"))
    doc_type = forms.ChoiceField(label=_("Document type"))
    summary = forms.CharField(
        label=_("Summary"), max_length=SUMMARY_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
    body = forms.CharField(
        label=_("Content"),
        required=False,
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("One paragraph per line."),
    )
    superior_body = forms.CharField(label=_("Superior body"), required=False, max_length=255)
    issuing_body = forms.CharField(label=_("Issuing body"), max_length=255)
    place = forms.CharField(label=_("Place"), max_length=100)
    authority_line = forms.CharField(
        label=_("Signing on behalf of"),
        required=False,
        max_length=100,
        help_text=_("For example T/M BAN THƯỜNG VỤ."),
    )
    signer_position = forms.CharField(label=_("Signer's position"), max_length=100)
    recipients = forms.CharField(
        label=_("Recipients"),
        required=False,
        max_length=RECIPIENTS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line."),
    )
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices, required=False)
    confidentiality = forms.TypedChoiceField(
        label=_("Confidentiality"), choices=Clearance.choices, coerce=int, initial=0
    )
    note = forms.CharField(label=_("Note on this version"), required=False, max_length=300)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["doc_type"].choices = type_choices(timezone.localdate())


class AppraiseForm(StyledForm):
    verdict = forms.ChoiceField(label=_("Verdict"), choices=Verdict.choices)
    text = forms.CharField(
        label=_("Comments"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SubmitForm(StyledForm):
    signer = forms.ModelChoiceField(queryset=None, label=_("Signer"))

    def __init__(self, *args, signers, organization=None, day=None, **kwargs):
        """With `organization` and `day`, each signer is shown with the signature block they
        would sign with (documents/signature_block.py), so the choice shows the printed title."""
        super().__init__(*args, **kwargs)
        self.fields["signer"].queryset = signers
        self.fields["signer"].label_from_instance = lambda u: _signer_label(u, organization, day)


def _signer_label(user, organization, day) -> str:
    from vanphong.documents.signature_block import block_for

    name = user.get_full_name() or user.username
    block = block_for(user, organization, day) if organization is not None else None
    return f"{name} — {block}" if block else name


class SignForm(StyledForm):
    confirm = forms.BooleanField(
        label=_("I have read the document shown above and sign it with this signature block."),
        error_messages={"required": _("Confirm that you have read the document before signing.")},
    )


class IssueForm(StyledForm):
    issued_on = date_field(_("Issue date"), required=False)


class DispatchForm(StyledForm):
    recipients = forms.CharField(
        label=_("Recipients"),
        required=False,
        max_length=RECIPIENTS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line; empty: the document's list of recipients."),
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    sent_on = date_field(_("Sent on"), required=False)


class DeliveryForm(StyledForm):
    status = forms.ChoiceField(
        label=_("Delivery status"),
        choices=[
            (DeliveryStatus.SENT, DeliveryStatus.SENT.label),
            (DeliveryStatus.DELIVERED, DeliveryStatus.DELIVERED.label),
            (DeliveryStatus.RETURNED, DeliveryStatus.RETURNED.label),
        ],
    )


class SealForm(StyledForm):
    copies = forms.IntegerField(label=_("Copies sealed"), min_value=1, max_value=9999, initial=1)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class PassphraseForm(StyledForm):
    passphrase = forms.CharField(
        label=_("Certificate passphrase"), widget=forms.PasswordInput, strip=False
    )
