"""What each role may do with the records and the archive, registered with core.access.

The clerk (and the office head, and a cell's secretary in a cell's small office) builds the year's
file plan, opens files and files documents into them, and closes them; the archivist receives the
closed files into the archive. Members and other roles see nothing of it. A file is as
classified as its most classified document (`RecordFile.confidentiality`), so core.access keeps
it from readers below that level.
"""

from enum import StrEnum

from vanphong.core import access
from vanphong.organizations.roles import Role


class RecordAction(StrEnum):
    VIEW = "records.view"
    MANAGE = "records.manage"  # the plan, the files, filing, closing
    RECEIVE = "records.receive"  # the hand-over into the archive


GRANTS = {
    Role.OFFICE_HEAD: {RecordAction.VIEW, RecordAction.MANAGE},
    Role.CLERK: {RecordAction.VIEW, RecordAction.MANAGE},
    Role.CELL_SECRETARY: {RecordAction.VIEW, RecordAction.MANAGE},
    Role.ARCHIVIST: {RecordAction.VIEW, RecordAction.RECEIVE},
}


def register() -> None:
    from vanphong.records.models import FileEntry, FilePlan, HandOver, PlanItem, RecordFile

    access.register_actions(RecordAction, GRANTS)
    for model, path in (
        (FilePlan, "organization__path"),
        (PlanItem, "plan__organization__path"),
        (RecordFile, "organization__path"),
        (FileEntry, "file__organization__path"),
        (HandOver, "organization__path"),
    ):
        access.register_model(model, path_field=path, view_action=RecordAction.VIEW)
