"""What the organization tree and the member records let each role do, registered with core.access.

The office reads the tree and the members of its scope; the office head and specialists keep the
members' records; the clerk, archivist and accountant read what their work needs; a member sees
their own profile (the self rule below) and the tree.
"""

from enum import StrEnum

from vanphong.core import access
from vanphong.core.access import Action
from vanphong.organizations.roles import Role


class OrgAction(StrEnum):
    ORG_VIEW = "organization.view"
    ORG_CHANGE = "organization.change"
    MEMBER_VIEW = "member.view"
    MEMBER_CHANGE = "member.change"
    MEMBER_PROCEDURE = "member.procedure"
    MEMBER_IMPORT = "member.import"
    MEMBER_EXPORT = "member.export"
    MEMBER_NOTICE = "member.notice"  # told of the members' procedures (admission, transfer in)


_READ = {OrgAction.ORG_VIEW, OrgAction.MEMBER_VIEW, OrgAction.MEMBER_EXPORT}
_MEMBER_WORK = {OrgAction.MEMBER_CHANGE, OrgAction.MEMBER_PROCEDURE, OrgAction.MEMBER_IMPORT}

# The office's readers also see the history of changes (core's AUDIT_VIEW).
_HISTORY = {Action.AUDIT_VIEW}
# The staff who look after an organization's members: the office's and the cell's secretary.
_STAFF = {OrgAction.MEMBER_NOTICE}

GRANTS = {
    Role.OFFICE_HEAD: _READ | _MEMBER_WORK | _HISTORY | _STAFF | {OrgAction.ORG_CHANGE},
    Role.SPECIALIST: _READ | _MEMBER_WORK | _HISTORY | _STAFF,
    Role.CLERK: {OrgAction.ORG_VIEW, OrgAction.MEMBER_VIEW},
    Role.ARCHIVIST: {OrgAction.ORG_VIEW},
    Role.ACCOUNTANT: _READ,
    Role.LEADER: _READ | _HISTORY,
    Role.CELL_SECRETARY: _READ | _HISTORY | _STAFF,
    Role.MEMBER: {OrgAction.ORG_VIEW},
}


def register() -> None:
    from vanphong.organizations.models import BRANCH_LENGTH, Member, Organization, branch_of

    access.register_actions(OrgAction, GRANTS)
    access.register_tree(
        model=Organization,
        view_action=OrgAction.ORG_VIEW,
        branch_length=BRANCH_LENGTH,
        branch_of=branch_of,
    )
    access.register_model(
        Member, path_field="organization__path", view_action=OrgAction.MEMBER_VIEW
    )
    access.register_self_rule(Member, action=OrgAction.MEMBER_VIEW, user_field="member_id")


def get_member_for(user, pk, action: StrEnum | str = OrgAction.MEMBER_VIEW):
    from vanphong.organizations.models import Member

    return access.get_for(user, Member.objects.select_related("organization"), pk, action)
