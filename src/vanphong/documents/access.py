"""What the documents area lets each role do, registered with core.access.

The clerk registers and issues, the office head routes and appraises, the specialist handles and
drafts, the leader directs and signs; a cell secretary runs a cell's small office alone.
"""

from enum import StrEnum

from vanphong.core import access
from vanphong.organizations.roles import Role


class DocumentAction(StrEnum):
    VIEW = "document.view"
    REGISTER = "document.register"
    ROUTE = "document.route"
    HANDLE = "document.handle"
    DRAFT = "document.draft"
    APPRAISE = "document.appraise"
    SIGN = "document.sign"
    ISSUE = "document.issue"


A = DocumentAction
GRANTS = {
    Role.OFFICE_HEAD: {A.VIEW, A.REGISTER, A.ROUTE, A.HANDLE, A.DRAFT, A.APPRAISE},
    Role.SPECIALIST: {A.VIEW, A.HANDLE, A.DRAFT},
    Role.CLERK: {A.VIEW, A.REGISTER, A.ISSUE},
    Role.ARCHIVIST: {A.VIEW},
    Role.LEADER: {A.VIEW, A.ROUTE, A.SIGN},
    Role.CELL_SECRETARY: {A.VIEW, A.REGISTER, A.DRAFT, A.APPRAISE, A.SIGN, A.ISSUE},
}


def register() -> None:
    access.register_actions(DocumentAction, GRANTS)
