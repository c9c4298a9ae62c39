"""The forms of the meetings pages: dates typed dd/mm/yyyy, text limited as the models are."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vanphong.core.form_fields import StyledForm, date_field, datetime_field
from vanphong.core.models import Clearance
from vanphong.meetings.models import NOTE_MAX, SPEECH_MAX, TEXT_MAX, TITLE_MAX, Body, Kind, Method

AGENDA_HELP = _(
    "One item per line; a line may end with “| minutes”, e.g. “Review of October | 30”."
)


class PlanForm(StyledForm):
    organization = forms.ChoiceField(label=_("Organization"))
    body = forms.ChoiceField(label=_("Body"), choices=Body.choices)
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=Kind.choices)
    starts_at = datetime_field(_("Scheduled start"))
    planned_minutes = forms.IntegerField(
        label=_("Planned duration (minutes)"), min_value=15, max_value=600, initial=120
    )
    place = forms.CharField(label=_("Place"), max_length=TITLE_MAX)
    locality = forms.CharField(label=_("Place name on the minutes"), max_length=100, required=False)
    theme = forms.CharField(label=_("Thematic topic"), max_length=TITLE_MAX, required=False)
    resolution = forms.CharField(
        label=_("Resolution studied"),
        max_length=64,
        required=False,
        help_text=_("For a study session: its number and symbol, e.g. 57-NQ/TW."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        required=False,
        help_text=_("Left empty, it is made from the body, the kind and the month."),
    )
    confidentiality = forms.TypedChoiceField(
        label=_("Confidentiality"), choices=Clearance.choices, coerce=int, initial=0
    )
    agenda = forms.CharField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=TEXT_MAX,
        help_text=AGENDA_HELP,
    )

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [(o.pk, o.name) for o in organizations]

    def clean(self):
        data = super().clean()
        if data.get("kind") in (Kind.THEMATIC, Kind.COMBINED, Kind.STUDY) and not data.get("theme"):
            self.add_error("theme", _("A thematic meeting or a study session needs its topic."))
        items = []
        for number, line in enumerate((data.get("agenda") or "").splitlines(), start=1):
            if not line.strip():
                continue
            title, _sep, minutes = line.partition("|")
            try:
                minutes = int(minutes.strip() or 15)
            except ValueError:
                self.add_error(
                    "agenda", _("Line %(n)s: the minutes must be a number.") % {"n": number}
                )
                continue
            if not 1 <= minutes <= 600 or len(title.strip()) > TITLE_MAX:
                self.add_error(
                    "agenda", _("Line %(n)s is not a valid agenda item.") % {"n": number}
                )
                continue
            items.append({"title": title.strip(), "minutes": minutes})
        data["agenda_items"] = items
        return data


class MakeupForm(StyledForm):
    starts_at = datetime_field(_("Scheduled start"))
    place = forms.CharField(label=_("Place"), max_length=TITLE_MAX)


class StudyCoverageForm(StyledForm):
    resolution = forms.CharField(label=_("Resolution"), max_length=64)
    organization = forms.ChoiceField(label=_("Organization"))

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [(o.pk, o.name) for o in organizations]


class OpenForm(StyledForm):
    chair = forms.ChoiceField(label=_("Chair"))
    secretary = forms.ChoiceField(label=_("Secretary of the meeting"))
    started_at = datetime_field(_("Started at"))
    purpose = forms.CharField(
        label=_("Purpose and guests introduced"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(m.pk, m.full_name) for m in members]
        self.fields["chair"].choices = self.fields["secretary"].choices = choices


class CloseForm(StyledForm):
    ended_at = datetime_field(_("Ended at"))
    conclusions = forms.CharField(
        label=_("Conclusions"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class SpeechForm(StyledForm):
    speaker = forms.ChoiceField(label=_("Speaker"))
    content = forms.CharField(
        label=_("What was said"), max_length=SPEECH_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, members=(), guests=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"].choices = [(f"m{m.pk}", m.full_name) for m in members] + [
            (f"g{g.pk}", f"{g.name} ({_('guest')})") for g in guests
        ]


class InitiativeForm(StyledForm):
    author = forms.ChoiceField(label=_("Raised by"))
    content = forms.CharField(label=_("Initiative"), max_length=NOTE_MAX)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author"].choices = [(m.pk, m.full_name) for m in members]


class MotionForm(StyledForm):
    question = forms.CharField(label=_("Question put to the vote"), max_length=TITLE_MAX)
    method = forms.ChoiceField(label=_("Voting method"), choices=Method.choices)


class CountForm(StyledForm):
    yes = forms.IntegerField(label=_("For"), min_value=0, max_value=100000)
    no = forms.IntegerField(label=_("Against"), min_value=0, max_value=100000)
    abstain = forms.IntegerField(label=_("Abstain"), min_value=0, max_value=100000)


class GuestForm(StyledForm):
    name = forms.CharField(label=_("Full name"), max_length=200)
    position = forms.CharField(
        label=_("Position and organization"), max_length=TITLE_MAX, required=False
    )


class PresentationForm(StyledForm):
    member = forms.ChoiceField(label=_("Presenter"))
    topic = forms.CharField(label=_("Topic"), max_length=TITLE_MAX)
    due_on = date_field(_("Due"))

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [(m.pk, m.full_name) for m in members]


class SubmitPresentationForm(StyledForm):
    text = forms.CharField(
        label=_("Text of the presentation"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
    )


class ReviewForm(StyledForm):
    remarks = forms.CharField(
        label=_("Remarks"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MinutesForm(StyledForm):
    other_matters = forms.CharField(
        label=_("Other matters"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class CorrectionForm(StyledForm):
    reason = forms.CharField(label=_("Reason for the correction"), max_length=NOTE_MAX)


class ComplianceForm(StyledForm):
    organization = forms.ChoiceField(label=_("Organization"), required=False)
    day = date_field(_("Month of"), required=False)

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [(o.pk, o.name) for o in organizations]


class MonthPlanForm(StyledForm):
    """A body's standing plan: the day of the month, the hour, the place, the planned length."""

    day = forms.IntegerField(
        label=_("Day of the month"),
        min_value=1,
        max_value=28,
        initial=5,
        help_text=_("From 1 to 28, so that every month has it."),
    )
    time = forms.TimeField(
        label=_("Hour"),
        input_formats=["%H:%M"],
        widget=forms.TextInput(attrs={"placeholder": "14:00"}),
    )
    place = forms.CharField(label=_("Place"), max_length=TITLE_MAX)
    planned_minutes = forms.IntegerField(
        label=_("Planned duration (minutes)"), min_value=15, max_value=600, initial=120
    )
