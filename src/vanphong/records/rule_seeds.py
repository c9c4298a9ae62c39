"""First rows of the records area's rule tables (records.rule_tables). Migration 0002 carries a
frozen copy and loads it; `load` puts them back in a flushed database (the demo, tests).
Sources and readings: docs/rules/records.md. The party's retention table itself was not found:
the periods below are VanPhong's editable defaults within the periods the party allows
(permanent, 1, 5, 10 or 15 years)."""

import datetime

from vanphong.core.rules import load_rows

RETENTION_FROM = datetime.date(2010, 1, 1)
LAW_2011 = datetime.date(2012, 7, 1)  # Luật Lưu trữ 2011, in force 01/07/2012
LAW_2024 = datetime.date(2025, 7, 1)  # Luật Lưu trữ 2024 (33/2024/QH15), in force 01/07/2025
SOURCE_RETENTION = (
    "Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. "
    "Thời hạn từng loại: VanPhong đặt mặc định, sửa được"
)
SOURCE_2011 = "Luật Lưu trữ 2011: nộp lưu trong 01 năm kể từ năm công việc kết thúc"
SOURCE_2024 = "Luật Lưu trữ 2024 (33/2024/QH15): nộp lưu trong 01 năm kể từ năm công việc kết thúc"
SOURCE_LOAN = "VanPhong: thực tiễn, chưa có văn bản quy định (sửa được)"

PERMANENT = None
RETENTION = [
    ("ho_so_dai_hoi", "Hồ sơ đại hội", PERMANENT),
    ("ho_so_hoi_nghi", "Hồ sơ hội nghị, cuộc họp của cấp ủy", PERMANENT),
    ("ho_so_cong_viec", "Hồ sơ công việc", 10),
    ("ho_so_theo_doi", "Hồ sơ theo dõi, tập văn bản gửi để biết", 5),
    ("nghi_quyet", "Nghị quyết", PERMANENT),
    ("quyet_dinh", "Quyết định", PERMANENT),
    ("chi_thi", "Chỉ thị", PERMANENT),
    ("ket_luan", "Kết luận", PERMANENT),
    ("quy_dinh", "Quy định", PERMANENT),
    ("quy_che", "Quy chế", PERMANENT),
    ("bien_ban", "Biên bản", PERMANENT),
    ("bao_cao", "Báo cáo", 15),
    ("ke_hoach", "Kế hoạch", 15),
    ("chuong_trinh", "Chương trình", 15),
    ("de_an", "Đề án", 15),
    ("huong_dan", "Hướng dẫn", 10),
    ("thong_bao", "Thông báo", 10),
    ("to_trinh", "Tờ trình", 10),
    ("cong_van", "Công văn", 5),
    ("giay_moi", "Giấy mời", 1),
    ("default", "Văn bản khác", 10),
]

ROWS = [
    ("record_retention", key, RETENTION_FROM, {"label": label, "years": years}, SOURCE_RETENTION)
    for key, label, years in RETENTION
] + [
    ("record_handover", "current_archive", LAW_2011, {"years": 1, "warn_days": 30}, SOURCE_2011),
    ("record_handover", "current_archive", LAW_2024, {"years": 1, "warn_days": 30}, SOURCE_2024),
    ("record_loan", "days", LAW_2024, {"days": 10}, SOURCE_LOAN),
]


def rows() -> list[dict]:
    return [
        {"table": t, "key": k, "effective_from": d, "value": v, "source": s}
        for t, k, d, v, s in ROWS
    ]


def load(model) -> None:
    """Insert the first rows if missing. `model` is DatedRule (or its migration-time version)."""
    load_rows(model, rows())
