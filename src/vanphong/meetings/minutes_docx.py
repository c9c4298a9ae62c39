"""The minutes as a DOCX in the party's layout: the two bodies and the national title at the
head, the place and date, "BIÊN BẢN" and what the meeting was, then each element of the record,
and the secretary's and the chair's signatures side by side (docs/rules/meetings.md §4)."""

import datetime
import io

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from vanphong.core.formats import party_date_line
from vanphong.core.party_docx import NATIONAL_TITLE, new_document
from vanphong.core.party_docx import center as _center
from vanphong.core.party_docx import line as _line
from vanphong.core.party_docx import run as _run
from vanphong.core.party_docx import two_columns as _two_columns


def render(content: dict, place_name: str) -> bytes:
    document = new_document()

    left, right = _two_columns(document)
    if content["superior"]:
        _center(left, content["superior"].upper(), size=14)
    _center(left, content["organization"].upper(), size=14, bold=True)
    _center(left, "*", size=14)
    _center(right, NATIONAL_TITLE, size=15, bold=True)
    day = datetime.date.fromisoformat(content["day"])
    _center(right, party_date_line(place_name, day), size=14, italic=True)

    center = WD_ALIGN_PARAGRAPH.CENTER
    _line(
        document, "BIÊN BẢN", size=15, bold=True, align=center
    ).paragraph_format.space_before = Pt(18)
    _line(document, content["title"], size=14, bold=True, align=center)
    if content["theme"]:
        _line(document, f"Chuyên đề: {content['theme']}", italic=True, align=center)
    _line(document, "-----", align=center)

    _line(document, f"Thời gian bắt đầu: {content['started']}.")
    _line(document, f"Địa điểm: {content['place']}.")
    if content["guests"]:
        _line(document, "Khách mời: " + "; ".join(content["guests"]) + ".")
    _line(document, f"Chủ trì: đồng chí {content['chair']}.")
    _line(document, f"Thư ký: đồng chí {content['secretary']}.")
    late = f", trong đó {len(content['late'])} đồng chí đến muộn" if content["late"] else ""
    _line(
        document,
        f"Đảng viên có mặt: {content['present']}/{content['total']} đồng chí{late}.",
    )
    if content["absent"]:
        _line(document, f"Vắng mặt: {len(content['absent'])} đồng chí:")
        for row in content["absent"]:
            reason = f" ({row['reason']})" if row["reason"] else ""
            _line(document, f"- Đồng chí {row['name']}: {row['presence'].lower()}{reason}.")
    if content["purpose"]:
        _line(document, f"Mục đích: {content['purpose']}")

    _line(document, "I. CHƯƠNG TRÌNH", bold=True, indent=False)
    for number, item in enumerate(content["agenda"], start=1):
        _line(document, f"{number}. {item}")
    if content["agenda_adopted"]:
        _line(document, "Chương trình được hội nghị thông qua.", italic=True)

    _line(document, "II. Ý KIẾN PHÁT BIỂU", bold=True, indent=False)
    if not content["speeches"]:
        _line(document, "Không có ý kiến phát biểu.")
    for speech in content["speeches"]:
        paragraph = _line(document)
        _run(paragraph, f"Đồng chí {speech['speaker']}: ", bold=True)
        _run(paragraph, speech["content"])

    if content["initiatives"]:
        _line(document, "III. SÁNG KIẾN, ĐỀ XUẤT", bold=True, indent=False)
        for item in content["initiatives"]:
            _line(document, f"- Đồng chí {item['author']}: {item['content']}")

    _line(document, "IV. KẾT LUẬN", bold=True, indent=False)
    for text in (content["conclusions"] or "").splitlines() or ["(chưa ghi)"]:
        if text.strip():
            _line(document, text.strip())

    if content["votes"]:
        _line(document, "V. BIỂU QUYẾT", bold=True, indent=False)
        for vote in content["votes"]:
            excluded = len(vote["excluded"] or [])
            outcome = "được thông qua" if vote["passed"] else "không được thông qua"
            _line(
                document,
                f"{vote['question']} ({vote['method'].lower()}): tán thành {vote['yes']}, "
                f"không tán thành {vote['no']}, không biểu quyết {vote['abstain']}. "
                f"Số đảng viên của tổ chức {vote['body_size']}, không tính {excluded}, "
                f"được tính {vote['counted']}; cần ít nhất {vote['threshold']} phiếu tán thành: "
                f"{outcome}.",
            )
            for row in vote["excluded"] or []:
                _line(document, f"- Không tính: đồng chí {row['name']} ({row['reason'].lower()}).")

    if content["other_matters"]:
        _line(document, "VI. CÁC VẤN ĐỀ KHÁC", bold=True, indent=False)
        for text in content["other_matters"].splitlines():
            if text.strip():
                _line(document, text.strip())

    _line(document, f"Hội nghị kết thúc lúc {content['ended']}.")

    left, right = _two_columns(document, (85, 85))
    _center(left, "THƯ KÝ", bold=True)
    _center(right, "CHỦ TRÌ", bold=True)
    for cell, name in ((left, content["secretary"]), (right, content["chair"])):
        paragraph = cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(60)
        _run(paragraph, name, bold=True)

    properties = document.core_properties
    properties.title, properties.author = f"Biên bản: {content['title']}", content["organization"]
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
