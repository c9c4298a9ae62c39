"""Attendance as XLSX (docs/rules/meetings.md §6): one meeting's roster with each member's
standing, presence and reason; and an organization's meetings over a period, member by meeting,
with each member's totals of present, excused and unexcused. Text typed by users is written as
text, never as a formula (core.spreadsheet). Who may download is the views' business
(views_feeds.py): those who run or oversee the meetings."""

import datetime
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from vanphong.core.spreadsheet import row_as_text
from vanphong.meetings.models import PRESENT, Attendance, Meeting, Presence

# The grid's short marks for a presence (the legend is written under the grid).
MARKS = {
    Presence.PRESENT: "x",
    Presence.LATE: "M",
    Presence.EXCUSED: "P",
    Presence.UNEXCUSED: "K",
    Presence.UNRECORDED: "?",
}


def _save(book: Workbook) -> bytes:
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")


def meeting_attendance(meeting: Meeting) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Attendance")[:31]
    sheet.append([meeting.title])
    row_as_text(sheet[sheet.max_row])
    sheet.append(
        [f"{meeting.organization.name} — {_local(meeting.started_at or meeting.starts_at)}"]
    )
    row_as_text(sheet[sheet.max_row])
    sheet.append([_("Row number"), _("Full name"), _("Standing"), _("Attendance"), _("Reason")])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    rows = meeting.attendance.select_related("member").order_by("member__name_sort", "pk")
    for number, row in enumerate(rows, start=1):
        sheet.append(
            [
                number,
                row.member.full_name,
                str(row.get_standing_display()),
                str(row.get_presence_display()),
                row.reason,
            ]
        )
        row_as_text(sheet[sheet.max_row])
    for column, width in zip("ABCDE", (6, 32, 34, 24, 40), strict=True):
        sheet.column_dimensions[column].width = width
    return _save(book)


def period_grid(organization, meetings) -> dict:
    """The member × meeting grid of `meetings` (ordered), from their rosters."""
    meetings = list(meetings)
    rows = (
        Attendance.objects.filter(meeting__in=meetings)
        .select_related("member")
        .order_by("member__name_sort", "member_id")
    )
    members: dict[int, dict] = {}
    for row in rows:
        entry = members.setdefault(
            row.member_id,
            {"name": row.member.full_name, "marks": {}, "present": 0, "excused": 0, "unexcused": 0},
        )
        entry["marks"][row.meeting_id] = row.presence
        if row.presence in PRESENT:
            entry["present"] += 1
        elif row.presence == Presence.EXCUSED:
            entry["excused"] += 1
        elif row.presence == Presence.UNEXCUSED:
            entry["unexcused"] += 1
    return {"organization": organization, "meetings": meetings, "members": list(members.values())}


def period_attendance(organization, meetings, start: datetime.date, end: datetime.date) -> bytes:
    grid = period_grid(organization, meetings)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Attendance")[:31]
    sheet.append(
        [_("Meeting attendance") + f" — {organization.name} — {start:%d/%m/%Y} – {end:%d/%m/%Y}"]
    )
    row_as_text(sheet[sheet.max_row])
    header = [_("Row number"), _("Full name")]
    header += [
        f"{timezone.localtime(m.started_at or m.starts_at):%d/%m/%Y} {m.title}"
        for m in grid["meetings"]
    ]
    header += [_("Present"), _("Absent with reason"), _("Absent without reason")]
    sheet.append(header)
    row_as_text(sheet[sheet.max_row])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for number, entry in enumerate(grid["members"], start=1):
        marks = [MARKS.get(entry["marks"].get(m.pk), "") for m in grid["meetings"]]
        sheet.append(
            [number, entry["name"], *marks, entry["present"], entry["excused"], entry["unexcused"]]
        )
        row_as_text(sheet[sheet.max_row])
    sheet.append([])
    legend = ", ".join(f"{mark} = {Presence(value).label}" for value, mark in MARKS.items())
    sheet.append([_("Marks") + ": " + legend + "; " + _("empty = not on the roster")])
    sheet.column_dimensions["B"].width = 32
    for index in range(3, 3 + len(grid["meetings"])):
        sheet.column_dimensions[get_column_letter(index)].width = 14
    return _save(book)
