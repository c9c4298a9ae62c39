"""First rows of the documents area's dated rule tables (documents.rule_tables). The core
migrations 0002, 0004 and 0005 (and documents migration 0011, the issue date's bound) carry a
frozen copy of these rows and load it; `load` puts them back
in a database that was flushed (the demo, tests). Administrators add later versions in the admin.
Sources: docs/rules/party-documents.md §1; rows marked "chưa đối chiếu" are abbreviations seen in
practice whose official table was not found (same place)."""

import datetime

from vanphong.core.rules import load_rows

DOCUMENT_TYPES_399 = datetime.date(2026, 1, 9)
SOURCE_399 = "399-QĐ/TW (09/01/2026)"
UNVERIFIED = "399-QĐ/TW; ký hiệu theo thực tiễn, chưa đối chiếu bảng chính thức"

# (key, name, abbreviation, verified abbreviation?, administrative paper?)
DOCUMENT_TYPES = [
    ("cuong_linh", "Cương lĩnh chính trị", "CL", False, False),
    ("dieu_le", "Điều lệ", "ĐL", False, False),
    ("chien_luoc", "Chiến lược", "CLc", False, False),
    ("nghi_quyet", "Nghị quyết", "NQ", True, False),
    ("quyet_dinh", "Quyết định", "QĐ", True, False),
    ("chi_thi", "Chỉ thị", "CT", True, False),
    ("ket_luan", "Kết luận", "KL", True, False),
    ("quy_che", "Quy chế", "QC", True, False),
    ("quy_dinh", "Quy định", "QĐ", True, False),
    ("thong_tri", "Thông tri", "TT", False, False),
    ("huong_dan", "Hướng dẫn", "HD", True, False),
    ("thong_bao", "Thông báo", "TB", True, False),
    ("thong_cao", "Thông cáo", "TC", False, False),
    ("tuyen_bo", "Tuyên bố", "TBo", False, False),
    ("loi_keu_goi", "Lời kêu gọi", "LKG", False, False),
    ("bao_cao", "Báo cáo", "BC", False, False),
    ("ke_hoach", "Kế hoạch", "KH", True, False),
    ("quy_hoach", "Quy hoạch", "QH", False, False),
    ("chuong_trinh", "Chương trình", "CTr", False, False),
    ("de_an", "Đề án", "ĐA", False, False),
    ("phuong_an", "Phương án", "PA", False, False),
    ("du_an", "Dự án", "DA", False, False),
    ("to_trinh", "Tờ trình", "TTr", False, False),
    ("cong_van", "Công văn", "CV", True, False),
    ("bien_ban", "Biên bản", "BB", False, False),
    ("giay_gioi_thieu", "Giấy giới thiệu", "GGT", False, True),
    ("giay_chung_nhan", "Giấy chứng nhận", "GCN", False, True),
    ("giay_di_duong", "Giấy đi đường", "GĐĐ", False, True),
    ("giay_nghi_phep", "Giấy nghỉ phép", "GNP", False, True),
    ("giay_moi", "Giấy mời", "GM", False, True),
    ("phieu_chuyen", "Phiếu chuyển", "PC", False, True),
    ("phieu_gui", "Phiếu gửi", "PG", False, True),
    ("thu_cong", "Thư công", "ThC", False, True),
]


# Documents dated before 399-QĐ/TW (registers reach back years, and 2017–2018 ones are still cited)
# were typed under 66-QĐ/TW (06/02/2017). Its own list was not found: the same names and
# abbreviations are dated from then, marked unchecked, so that older records can be entered.
DOCUMENT_TYPES_66 = datetime.date(2017, 2, 6)
SOURCE_66 = "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66"


def document_type_rows():
    for key, name, abbreviation, verified, administrative in DOCUMENT_TYPES:
        value = {"name": name, "abbreviation": abbreviation, "administrative": administrative}
        yield {
            "table": "document_type",
            "key": key,
            "effective_from": DOCUMENT_TYPES_66,
            "value": value,
            "source": SOURCE_66,
        }
        yield {
            "table": "document_type",
            "key": key,
            "effective_from": DOCUMENT_TYPES_399,
            "value": value,
            "source": SOURCE_399 if verified else UNVERIFIED,
        }


# How many days before its deadline an assignment is "due soon": shown on the deadline dashboard
# and reminded once (docs/rules/deadlines.md). VanPhong's own rule; documents migration 0010.
DEADLINE_ROWS = [
    {
        "table": "document_deadline",
        "key": "due_soon_days",
        "effective_from": DOCUMENT_TYPES_66,
        "value": {"days": 3},
        "source": "VanPhong: thực tiễn, chưa có văn bản quy định (sửa được)",
    }
]

# An issue date lies from the signing day to a few days ahead of the day it is issued
# (docs/rules/party-documents.md §3a): the office's practice, no regulation found.
ISSUE_DATE_FROM = DOCUMENT_TYPES_66
SOURCE_PRACTICE = "VanPhong: thực tiễn, chưa có văn bản quy định (sửa được)"
ISSUE_DAYS_AHEAD = 3


def issue_date_rows():
    yield {
        "table": "issue_date",
        "key": "outgoing",
        "effective_from": ISSUE_DATE_FROM,
        "value": {"days_ahead": ISSUE_DAYS_AHEAD},
        "source": SOURCE_PRACTICE,
    }


def load(model) -> None:
    """Insert the first rows if missing. `model` is DatedRule (or its migration-time version)."""
    from vanphong.documents.template_seeds import template_rows

    load_rows(model, [*document_type_rows(), *template_rows(), *DEADLINE_ROWS, *issue_date_rows()])
