"""The invitation (giấy mời) to a meeting as a DOCX in the party's layout (docs/rules/meetings.md
§7): the party organ and "ĐẢNG CỘNG SẢN VIỆT NAM" at the head, the place and date, "GIẤY MỜI",
the body that invites, whom it invites (the guests, else the members of the body), the time
(HH:MM, dd/mm/yyyy), the place, the content (the agenda), and the signature of the cell's
secretary: "T/M CHI ỦY" when the cell has a committee that day, "T/M CHI BỘ" when it elects only
a secretary."""

import datetime
import io

from django.db.models import Q
from django.utils import timezone
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from vanphong.core.formats import party_date_line
from vanphong.core.party_docx import (
    NATIONAL_TITLE,
    center,
    line,
    new_document,
    run,
    two_columns,
)
from vanphong.meetings.models import Body, Meeting
from vanphong.organizations.models import Organization, Position, PositionTitle

# On behalf of whom the secretary signs, by the body that meets (a cell: see `_on_behalf`).
ON_BEHALF = {
    Body.COMMITTEE: "T/M BAN CHẤP HÀNH",
    Body.STANDING: "T/M BAN THƯỜNG VỤ",
    Body.ASSEMBLY: "T/M BAN CHẤP HÀNH",
}
COMMITTEE_TITLES = (
    PositionTitle.DEPUTY_SECRETARY,
    PositionTitle.STANDING_MEMBER,
    PositionTitle.COMMITTEE_MEMBER,
)


def _held_on(organization: Organization, day: datetime.date):
    return Position.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=day),
        organization=organization,
        starts_on__lte=day,
    )


def _on_behalf(meeting: Meeting, day: datetime.date) -> str:
    if meeting.body not in (Body.CELL, Body.CELL_COMMITTEE):
        return ON_BEHALF[meeting.body]
    committee = _held_on(meeting.organization, day).filter(title__in=COMMITTEE_TITLES).exists()
    return "T/M CHI ỦY" if committee else "T/M CHI BỘ"


def content_of(meeting: Meeting, today: datetime.date | None = None) -> dict:
    """Every element of the invitation, as text."""
    organization = meeting.organization
    parent = Organization.objects.get_parent(organization)
    start = timezone.localtime(meeting.starts_at)
    secretary = (
        _held_on(organization, start.date())
        .filter(title=PositionTitle.SECRETARY)
        .select_related("member")
        .order_by("-starts_on")
        .first()
    )
    guests = [
        f"Đồng chí {guest.name}" + (f", {guest.position}" if guest.position else "")
        for guest in meeting.guests.all()
    ]
    return {
        "superior": parent.name if parent else "",
        "organization": organization.name,
        "date_line": party_date_line(
            meeting.locality or meeting.place, today or timezone.localdate()
        ),
        "title": meeting.title,
        "theme": meeting.theme,
        "guests": guests,
        "time": f"{start:%H:%M}, ngày {start:%d/%m/%Y}",
        "place": meeting.place,
        "agenda": [item.title for item in meeting.agenda.all()],
        "on_behalf": _on_behalf(meeting, start.date()),
        "signer": secretary.member.full_name if secretary else "",
    }


def render(content: dict) -> bytes:
    document = new_document()
    left, right = two_columns(document)
    if content["superior"]:
        center(left, content["superior"].upper())
    center(left, content["organization"].upper(), bold=True)
    center(left, "*")
    center(right, NATIONAL_TITLE, size=15, bold=True)
    center(right, content["date_line"], italic=True)

    middle = WD_ALIGN_PARAGRAPH.CENTER
    line(document, "GIẤY MỜI", size=15, bold=True, align=middle).paragraph_format.space_before = Pt(
        18
    )
    line(document, f"{content['organization']} trân trọng kính mời:", indent=False)
    for guest in content["guests"] or ["Các đồng chí đảng viên trong chi bộ"]:
        line(document, guest, bold=True)
    line(document, f"Tới dự: {content['title']}.")
    if content["theme"]:
        line(document, f"Chuyên đề: {content['theme']}.")
    line(document, f"Thời gian: {content['time']}.")
    line(document, f"Địa điểm: {content['place']}.")
    if content["agenda"]:
        line(document, "Nội dung:")
        for number, item in enumerate(content["agenda"], start=1):
            line(document, f"{number}. {item}.")
    line(document, "Rất mong các đồng chí đến dự đúng giờ.", italic=True)

    left, right = two_columns(document, (85, 85))
    center(right, content["on_behalf"], bold=True)
    center(right, "BÍ THƯ", bold=True)
    paragraph = right.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(60)
    if content["signer"]:
        run(paragraph, content["signer"], bold=True)

    properties = document.core_properties
    properties.title, properties.author = f"Giấy mời: {content['title']}", content["organization"]
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
