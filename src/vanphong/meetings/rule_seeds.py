"""First rows of the meetings area's rule tables (meetings.rule_tables). Migration 0002 carries a
frozen copy and loads it; `load` puts them back in a flushed database (the demo, tests).
Sources and readings: docs/rules/meetings.md."""

import datetime

from vanphong.core.rules import load_rows

GUIDANCE_2025 = datetime.date(2025, 10, 28)  # 42-HD/BTCTW, after Chỉ thị 50-CT/TW
CHARTER = datetime.date(2011, 1, 19)  # Điều lệ Đảng (2011), Điều 9.5
SOURCE_GUIDANCE = "Chỉ thị 50-CT/TW (23/07/2025); Hướng dẫn 42-HD/BTCTW (28/10/2025)"
SOURCE_CHARTER = "Điều lệ Đảng, Điều 9.5; Quy định 232-QĐ/TW (20/01/2025)"
SOURCE_PRACTICE = "VanPhong: thực tiễn, chưa có văn bản quy định (sửa được)"

ROWS = [
    ("meeting_duration", "regular", GUIDANCE_2025, {"minutes": 90}, SOURCE_GUIDANCE),
    ("meeting_duration", "thematic", GUIDANCE_2025, {"minutes": 90}, SOURCE_PRACTICE),
    ("meeting_duration", "combined", GUIDANCE_2025, {"minutes": 120}, SOURCE_GUIDANCE),
    ("meeting_notice", "documents", GUIDANCE_2025, {"hours": 24}, SOURCE_GUIDANCE),
    ("meeting_compliance", "per_month", GUIDANCE_2025, {"per_month": 1}, SOURCE_GUIDANCE),
    (
        "meeting_compliance",
        "thematic_per_quarter",
        GUIDANCE_2025,
        {"thematic_per_quarter": 1},
        SOURCE_PRACTICE,
    ),
    (
        "meeting_compliance",
        "conclusion_days",
        GUIDANCE_2025,
        {"conclusion_days": 7},
        SOURCE_PRACTICE,
    ),
    (
        "meeting_compliance",
        "unexcused_per_year",
        CHARTER,
        {"unexcused_per_year": 3},
        "Điều lệ Đảng, Điều 8",
    ),
    ("vote_threshold", "resolution", CHARTER, {"numerator": 1, "denominator": 2}, SOURCE_CHARTER),
]


def rows() -> list[dict]:
    return [
        {"table": t, "key": k, "effective_from": d, "value": v, "source": s}
        for t, k, d, v, s in ROWS
    ]


def load(model) -> None:
    """Insert the first rows if missing. `model` is DatedRule (or its migration-time version)."""
    load_rows(model, rows())
