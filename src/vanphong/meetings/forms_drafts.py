"""The forms of the draft resolution pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vanphong.core.form_fields import StyledForm, datetime_field
from vanphong.core.models import Clearance
from vanphong.meetings.models import COMMENT_MAX, NOTE_MAX, TEXT_MAX, TITLE_MAX, Disposition


class DraftForm(StyledForm):
    organization = forms.ChoiceField(label=_("Organization"))
    meeting = forms.ChoiceField(label=_("Meeting that adopts it"), required=False)
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    confidentiality = forms.TypedChoiceField(
        label=_("Confidentiality"), choices=Clearance.choices, coerce=int, initial=0
    )
    text = forms.CharField(
        label=_("Text of the draft"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Each paragraph is a part members comment on."),
    )

    def __init__(self, *args, organizations=(), meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [(o.pk, o.name) for o in organizations]
        self.fields["meeting"].choices = [("", "—")] + [(m.pk, str(m)) for m in meetings]


class SendForm(StyledForm):
    members = forms.MultipleChoiceField(label=_("Members"), required=False)
    organizations = forms.MultipleChoiceField(label=_("Organizations"), required=False)
    deadline = datetime_field(_("Comments until"))

    def __init__(self, *args, members=(), organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].choices = [(m.pk, m.full_name) for m in members]
        self.fields["organizations"].choices = [(o.pk, o.name) for o in organizations]

    def clean(self):
        data = super().clean()
        if not data.get("members") and not data.get("organizations"):
            self.add_error("members", _("Choose at least one member or organization."))
        return data


class CommentForm(StyledForm):
    part = forms.TypedChoiceField(label=_("Part of the draft"), coerce=int)
    text = forms.CharField(
        label=_("Comment"), max_length=COMMENT_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    on_behalf = forms.BooleanField(label=_("On behalf of my organization"), required=False)

    def __init__(self, *args, parts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].choices = [(0, _("The draft as a whole"))] + [
            (number, f"{number}. {text[:80]}") for number, text in enumerate(parts, start=1)
        ]


class DecideForm(StyledForm):
    disposition = forms.ChoiceField(label=_("Taken up"), choices=Disposition.choices)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class IssueForm(StyledForm):
    revised_text = forms.CharField(
        label=_("Revised text"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 12})
    )
