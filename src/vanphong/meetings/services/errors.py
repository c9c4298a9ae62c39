from django.utils.translation import gettext_lazy as _

from vanphong.core.errors import ServiceError


class MeetingError(ServiceError):
    NOT_A_BODY = (
        "not_a_body",
        _("This organization has no such body: a cell meets as a cell or a cell committee."),
    )
    MONTH_TAKEN = (
        "month_taken",
        _("%(body)s already has its meeting of %(month)s."),
    )
    WRONG_STEP = ("wrong_step", _("This step cannot be taken now: the meeting is %(status)s."))
    FROZEN = (
        "frozen",
        _("The minutes are signed: the record of this meeting can no longer change."),
    )
    END_BEFORE_START = ("end_before_start", _("The end must come after the start."))
    IN_FUTURE = ("in_future", _("%(field)s cannot be later than now."))
    NOT_ON_ROSTER = ("not_on_roster", _("%(name)s is not on this meeting's roster."))
    REASON_NEEDED = ("reason_needed", _("An absence with reason needs the reason."))
    NOT_PRESENT = ("not_present", _("%(name)s is not recorded as present at this meeting."))
    NO_VOTE = ("no_vote", _("%(name)s is not counted in this body's vote."))
    TOO_MANY_VOTES = (
        "too_many_votes",
        _("%(given)s votes recorded, but only %(present)s members who may vote are present."),
    )
    VOTE_CLOSED = ("vote_closed", _("This vote is closed."))
    ALREADY_VOTED = ("already_voted", _("Comrade has already voted on this question."))
    SECRET_COUNTS = (
        "secret_counts",
        _("A secret ballot is counted from the members' own ballots, not typed."),
    )
    NO_VOTE_RULE = (
        "no_vote_rule",
        _("No voting rule is in force on %(day)s: ask the administrator."),
    )
    NOT_SIGNABLE = ("not_signable", _("Only adopted minutes can be signed."))
    WRONG_SIGNER = ("wrong_signer", _("Only the chair or the secretary of the meeting signs."))
    NEEDS_CHAIR = (
        "needs_chair",
        _("Appoint the chair and the secretary of the meeting first."),
    )
    ATTENDANCE_OPEN = (
        "attendance_open",
        _("Record the attendance of every member on the roster first (%(left)s left)."),
    )
    DUE_AFTER_MEETING = ("due_after_meeting", _("The due date must be before the meeting."))
    NOT_SUBMITTED = ("not_submitted", _("Only a submitted presentation can be reviewed."))
    NOT_YOURS = ("not_yours", _("This presentation is assigned to another member."))
    REMARKS_NEEDED = ("remarks_needed", _("A returned presentation needs remarks."))
    EMPTY_TEXT = ("empty_text", _("The text is empty."))
    OWNER_NEEDED = (
        "owner_needed",
        _("An adopted initiative needs who carries it out and by when."),
    )
    CLEARANCE = (
        "clearance",
        _("Comrade's clearance does not reach the confidentiality chosen."),
    )
    RESOLUTION_NEEDED = (
        "resolution_needed",
        _("A study session names the resolution studied (its number and symbol)."),
    )
    NOT_MAKEUP = (
        "not_makeup",
        _("A make-up session follows a held study session of the same organization."),
    )
    NOBODY_TO_MAKE_UP = (
        "nobody_to_make_up",
        _("Every member of the roster has studied this resolution: no make-up is needed."),
    )
    NOTICE_EXISTS = ("notice_exists", _("This meeting already has its conclusion notice."))
    NO_CONCLUSIONS = (
        "no_conclusions",
        _("Record the meeting's conclusions before drafting the notice."),
    )
    DRAFT_STEP = ("draft_step", _("This step cannot be taken now: the draft is %(status)s."))
    TOO_LONG = ("too_long", _("%(field)s is longer than %(limit)s characters."))
    OTHER_ORGANIZATION = (
        "other_organization",
        _("The meeting or organization chosen is not one comrade runs."),
    )
    DEADLINE_PAST = ("deadline_past", _("The deadline for comments must be later than now."))
    NO_RECIPIENTS = ("no_recipients", _("Choose at least one member or organization."))
    TOO_MANY_RECIPIENTS = (
        "too_many_recipients",
        _("A round reaches at most %(limit)s members."),
    )
    NOT_A_RECIPIENT = ("not_a_recipient", _("This draft was not sent to comrade for comment."))
    COMMENTS_CLOSED = (
        "comments_closed",
        _("The deadline for comments has passed: the comment was not recorded."),
    )
    NO_SUCH_PART = ("no_such_part", _("The draft has no such part."))
    NO_DISPOSITION = (
        "no_disposition",
        _("Choose accepted, explained or not accepted."),
    )
    REASON_FOR_DISPOSITION = (
        "reason_for_disposition",
        _("An explained or not accepted comment needs its reason."),
    )
    ROUND_NOT_OVER = (
        "round_not_over",
        _("The comment round is not over: close it or wait for its deadline."),
    )
    COMMENTS_UNDECIDED = (
        "comments_undecided",
        _("%(left)s comments have no answer yet in the synthesis."),
    )
