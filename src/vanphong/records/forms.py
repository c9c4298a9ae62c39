"""The forms of the records pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vanphong.core.form_fields import StyledForm
from vanphong.records.models import CODE_MAX, NOTE_MAX, TITLE_MAX


class PlanForm(StyledForm):
    organization = forms.ChoiceField(label=_("Organization"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    from_last_year = forms.BooleanField(
        label=_("Draft it from last year's plan"), required=False, initial=True
    )

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [(o.pk, o.name) for o in organizations]


class ItemForm(StyledForm):
    code = forms.CharField(label=_("File code"), max_length=CODE_MAX)
    title = forms.CharField(label=_("File title"), max_length=TITLE_MAX)
    retention_key = forms.ChoiceField(label=_("Retention"))
    responsible = forms.ChoiceField(label=_("Responsible person"), required=False)

    def __init__(self, *args, retention=(), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["retention_key"].choices = list(retention)
        self.fields["responsible"].choices = [("", "—")] + [
            (u.pk, u.get_full_name() or u.username) for u in people
        ]


class FilingForm(StyledForm):
    documents = forms.MultipleChoiceField(label=_("Documents"))

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].choices = [(c["token"], c["label"]) for c in candidates]


class ReceiveForm(StyledForm):
    files = forms.MultipleChoiceField(label=_("Files"))
    handed_by_name = forms.CharField(label=_("Handed over by"), max_length=TITLE_MAX)
    note = forms.CharField(
        label=_("Note"), max_length=NOTE_MAX, required=False, widget=forms.Textarea({"rows": 2})
    )

    def __init__(self, *args, files=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].choices = [(f.pk, f"{f.code} {f.title}") for f in files]
