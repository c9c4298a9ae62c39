"""Who may see and record party dues, registered with core.access.

The cell's secretary and the accountant (of the cell or a committee above it) see and record
the cell's dues; the accountant also reads the roll-up of the subtree. A party member sees their
own ledger lines (the participant rule) and nothing else; every other role sees nothing."""

from enum import StrEnum

from vanphong.core import access
from vanphong.organizations.roles import Role


class DuesAction(StrEnum):
    VIEW = "dues.view"
    RECORD = "dues.record"  # compute a month, record payments, categories, bases, reliefs
    OVERSEE = "dues.oversee"  # the roll-up of a subtree


GRANTS = {
    Role.ACCOUNTANT: {DuesAction.VIEW, DuesAction.RECORD, DuesAction.OVERSEE},
    Role.CELL_SECRETARY: {DuesAction.VIEW, DuesAction.RECORD},
}


def register() -> None:
    from vanphong.dues.models import Basis, LedgerLine, MemberCategory, Payment, Relief

    access.register_actions(DuesAction, GRANTS)
    access.register_model(LedgerLine, path_field="organization__path", view_action=DuesAction.VIEW)
    access.register_participant_rule(LedgerLine, action=DuesAction.VIEW, member_lookup="member_id")
    for model in (MemberCategory, Basis, Relief):
        access.register_model(
            model, path_field="member__organization__path", view_action=DuesAction.VIEW
        )
    access.register_model(
        Payment, path_field="line__organization__path", view_action=DuesAction.VIEW
    )
