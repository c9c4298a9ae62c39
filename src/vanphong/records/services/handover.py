"""The hand-over of closed files to the organization's archive (nộp lưu): the archivist
receives them, with the list of files handed over (mục lục hồ sơ nộp lưu) and the minutes
(biên bản giao nhận); from then on the files and their documents' membership are read-only
(docs/rules/records.md §3)."""

import datetime

from django.db import transaction
from django.db.models import QuerySet

from vanphong.core import access, audit, numbering
from vanphong.core.vntext import canonical
from vanphong.records import rules
from vanphong.records.access import RecordAction
from vanphong.records.errors import RecordError
from vanphong.records.models import FileStatus, HandOver, RecordFile
from vanphong.records.services.common import ensure, today


def receive(
    *,
    acting_user,
    files: list[RecordFile],
    handed_by_name: str,
    note: str = "",
    on: datetime.date | None = None,
) -> HandOver:
    """The archivist receives closed files of one organization into its archive."""
    if not files:
        raise RecordError(RecordError.NOTHING_TO_RECEIVE)
    organizations = {f.organization_id for f in files}
    if len(organizations) != 1:
        raise RecordError(RecordError.MIXED_ORGANIZATIONS)
    organization = files[0].organization
    for file in files:
        ensure(acting_user, RecordAction.RECEIVE, file)
    handed_by_name = canonical(handed_by_name or "")
    if not handed_by_name:
        raise RecordError(RecordError.NAME_NEEDED)
    day = on or today()
    if day > today():
        raise RecordError(RecordError.IN_FUTURE)
    with transaction.atomic():
        locked = list(
            RecordFile.objects.select_for_update()
            .filter(pk__in=[f.pk for f in files])
            .order_by("code", "pk")
        )
        for file in locked:
            if file.status == FileStatus.HANDED_OVER:
                raise RecordError(RecordError.HANDED_OVER)
            if file.status != FileStatus.CLOSED:
                raise RecordError(RecordError.NOT_CLOSED, code=file.code)
        _sequence, number = numbering.allocate(
            organization, f"records:handover:{day.year}", "Biên bản giao nhận hồ sơ"
        )
        with audit.change(acting_user, None, "records.handover", organization=organization) as rec:
            rec.target = handover = HandOver.objects.create(
                organization=organization,
                number=number,
                received_on=day,
                received_by=acting_user,
                handed_by_name=handed_by_name,
                note=canonical(note or ""),
                confidentiality=max(f.confidentiality for f in locked),
            )
            rec.extra_after = {"files": [f"{f.code} {f.title}" for f in locked]}
        for file in locked:
            with audit.change(acting_user, file, "records.file_hand_over"):
                file.status, file.handover = FileStatus.HANDED_OVER, handover
                file.save(update_fields=["status", "handover"])
    return handover


def due_files(user, *, warned: bool = False, on: datetime.date | None = None) -> QuerySet:
    """Closed files not yet handed over that the user may see, by due date; with `warned` only
    those whose warning has begun (the due date is at most the rule's warning days ahead, or
    past)."""
    files = access.visible(user, RecordFile.objects.all()).filter(status=FileStatus.CLOSED)
    if warned:
        files = files.filter(warn_on__lte=on or today())
    return files.select_related("organization").order_by("due_on", "code")


def warning_days(on: datetime.date | None = None) -> int:
    """The warning days of the hand-over rule in force (30 by the first rows)."""
    try:
        due = rules.handover_due(on or today())
    except RecordError:
        return 0
    return (due.due_on - due.warn_from).days
