"""What each role may do with the records and the archive, registered with core.access.

The clerk (and the office head, and a cell's secretary in a cell's small office) builds the year's
file plan, opens files and files documents into them, and closes them; the archivist receives the
closed files into the archive and lends them out. The office's staff and the committee's
leaders may borrow a file of the archive; the office head decides a loan of an unclassified file,
a leader of the committee any loan (a classified file needs that higher authority). Members see
nothing of it. A file is as
classified as its most classified document (`RecordFile.confidentiality`), so core.access keeps
it from readers below that level.
"""

from enum import StrEnum

from vanphong.core import access
from vanphong.organizations.roles import Role


class RecordAction(StrEnum):
    VIEW = "records.view"
    MANAGE = "records.manage"  # the plan, the files, filing, closing
    RECEIVE = "records.receive"  # the hand-over into the archive; lending out, returns
    LOAN_REQUEST = "records.loan_request"  # borrow a file of the archive
    LOAN_APPROVE = "records.loan_approve"  # decide a loan of an unclassified file
    LOAN_APPROVE_CLASSIFIED = "records.loan_approve_classified"  # and of a classified one


R = RecordAction
GRANTS = {
    Role.OFFICE_HEAD: {R.VIEW, R.MANAGE, R.LOAN_REQUEST, R.LOAN_APPROVE},
    Role.CLERK: {R.VIEW, R.MANAGE, R.LOAN_REQUEST},
    Role.CELL_SECRETARY: {R.VIEW, R.MANAGE, R.LOAN_REQUEST},
    Role.ARCHIVIST: {R.VIEW, R.RECEIVE, R.LOAN_REQUEST},
    Role.SPECIALIST: {R.LOAN_REQUEST},
    Role.LEADER: {R.LOAN_REQUEST, R.LOAN_APPROVE, R.LOAN_APPROVE_CLASSIFIED},
}


def register() -> None:
    from vanphong.records.models import FileEntry, FilePlan, HandOver, Loan, PlanItem, RecordFile

    access.register_actions(RecordAction, GRANTS)
    for model, path in (
        (FilePlan, "organization__path"),
        (PlanItem, "plan__organization__path"),
        (RecordFile, "organization__path"),
        (FileEntry, "file__organization__path"),
        (HandOver, "organization__path"),
        (Loan, "organization__path"),
    ):
        access.register_model(model, path_field=path, view_action=RecordAction.VIEW)
