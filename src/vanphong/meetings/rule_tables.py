"""The dated rule tables of the meetings area, registered with core.rules (docs/rules/meetings.md).

- `meeting_duration`: the least duration of a session, per kind (`regular`, `thematic`,
  `combined`), and a committee's own rule for its small cells (key `<kind>@<organization path>`,
  value with `cells_below`: it applies to the cells of that subtree with fewer members).
- `meeting_notice`: how many hours before the start the meeting's documents must reach members.
- `meeting_compliance`: what the overseeing committee checks (a meeting a month; thematic
  meetings a quarter), the conclusion notice's due days and the unexcused absences that flag a
  member.
- `vote_threshold`: a resolution needs more than `fraction` of the body's counted members.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vanphong.core.rules import TABLES


class RuleTable(models.TextChoices):
    DURATION = "meeting_duration", _("Least duration of a meeting")
    NOTICE = "meeting_notice", _("Meeting documents: hours ahead")
    COMPLIANCE = "meeting_compliance", _("Meetings the overseeing committee checks")
    VOTE = "vote_threshold", _("Votes needed for a resolution")


def _positive_ints(value, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> None:
    if not isinstance(value, dict):
        raise ValidationError(_("The value must be an object of named fields."), code="shape")
    for name in (*required, *optional):
        if name not in value:
            if name in required:
                raise ValidationError(
                    _("The value lacks the field “%(field)s”."),
                    code="missing",
                    params={"field": name},
                )
            continue
        if not isinstance(value[name], int) or isinstance(value[name], bool) or value[name] < 0:
            raise ValidationError(
                _("The field “%(field)s” must be a whole number, zero or more."),
                code="kind",
                params={"field": name},
            )


def validate_duration(value) -> None:
    _positive_ints(value, ("minutes",), ("cells_below",))


def validate_notice(value) -> None:
    _positive_ints(value, ("hours",))


def validate_compliance(value) -> None:
    _positive_ints(
        value,
        (),
        ("per_month", "thematic_per_quarter", "conclusion_days", "unexcused_per_year"),
    )


def validate_vote(value) -> None:
    _positive_ints(value, ("numerator", "denominator"))
    if value["denominator"] == 0 or value["numerator"] >= value["denominator"]:
        raise ValidationError(_("The fraction must be between 0 and 1."), code="fraction")


def register() -> None:
    for table, check in (
        (RuleTable.DURATION, validate_duration),
        (RuleTable.NOTICE, validate_notice),
        (RuleTable.COMPLIANCE, validate_compliance),
        (RuleTable.VOTE, validate_vote),
    ):
        TABLES.register(table, table.label, validate=check)
