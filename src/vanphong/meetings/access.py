"""What each role may do with meetings, registered with core.access.

The cell's secretary runs the cell's meetings; the office (its head and specialists) runs the
committee's and oversees the subtree's; the committee's leaders read and oversee. A party member
reaches the meetings whose roster holds them (the participant rule) and nothing else.
"""

from enum import StrEnum

from vanphong.core import access
from vanphong.organizations.roles import Role


class MeetingAction(StrEnum):
    VIEW = "meeting.view"
    MANAGE = "meeting.manage"  # plan, prepare, record the session, minutes
    OVERSEE = "meeting.oversee"  # the compliance view of a subtree


GRANTS = {
    Role.OFFICE_HEAD: {MeetingAction.VIEW, MeetingAction.MANAGE, MeetingAction.OVERSEE},
    Role.SPECIALIST: {MeetingAction.VIEW, MeetingAction.MANAGE, MeetingAction.OVERSEE},
    Role.LEADER: {MeetingAction.VIEW, MeetingAction.OVERSEE},
    Role.CELL_SECRETARY: {MeetingAction.VIEW, MeetingAction.MANAGE},
}


def register() -> None:
    from vanphong.meetings.models import DraftResolution, Meeting

    access.register_actions(MeetingAction, GRANTS)
    access.register_model(Meeting, path_field="organization__path", view_action=MeetingAction.VIEW)
    access.register_participant_rule(
        Meeting, action=MeetingAction.VIEW, member_lookup="attendance__member_id"
    )
    access.register_model(
        DraftResolution, path_field="organization__path", view_action=MeetingAction.VIEW
    )
    access.register_participant_rule(
        DraftResolution, action=MeetingAction.VIEW, member_lookup="recipients__member_id"
    )
