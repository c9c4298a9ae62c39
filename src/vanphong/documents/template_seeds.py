"""First rows of the drafting templates per document type (the `document_template` rule table).

Each row gives what a new draft of that type starts with: the subject's usual opening, the body's
skeleton (one paragraph per line; "{co_quan}" is replaced by the issuing body, "{CO_QUAN}" by it in
capitals), the signature block and the usual recipients. They follow common practice under
36-HD/VPTW; administrators date in new versions in the admin when the party's forms change.
"""

import datetime

EFFECTIVE = datetime.date(2017, 2, 6)
SOURCE = "Mẫu soạn thảo theo thực tiễn (36-HD/VPTW); quản trị viên có thể sửa"

_LEGAL_BASIS = [
    "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
    "- Căn cứ Quy chế làm việc của {co_quan};",
    "- Xét đề nghị của …,",
]
_STANDING = {"authority_line": "T/M BAN THƯỜNG VỤ", "signer_position": "BÍ THƯ"}
_OFFICE = {"authority_line": "T/L BAN THƯỜNG VỤ", "signer_position": "CHÁNH VĂN PHÒNG"}
_FILE = ["Lưu Văn phòng."]

TEMPLATES = {
    "nghi_quyet": {
        "summary": "về …",
        "body": _LEGAL_BASIS + ["{CO_QUAN} QUYẾT NGHỊ:", "1. …", "2. …", "3. Tổ chức thực hiện: …"],
        "recipients": ["Các đảng ủy trực thuộc,", "Các đồng chí Tỉnh ủy viên,", *_FILE],
        **_STANDING,
    },
    "quyet_dinh": {
        "summary": "về việc …",
        "body": _LEGAL_BASIS
        + [
            "{CO_QUAN} QUYẾT ĐỊNH",
            "Điều 1. …",
            "Điều 2. …",
            "Điều 3. Các cơ quan, tổ chức và cá nhân có liên quan căn cứ Quyết định thi hành.",
        ],
        "recipients": ["Như Điều 3,", *_FILE],
        **_STANDING,
    },
    "quy_dinh": {
        "summary": "về …",
        "body": [
            "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
            "- Căn cứ Quy chế làm việc của {co_quan},",
            "Chương I. QUY ĐỊNH CHUNG",
            "Điều 1. Phạm vi điều chỉnh, đối tượng áp dụng",
            "Điều 2. …",
            "Chương II. NỘI DUNG",
            "Điều 3. …",
            "Chương III. TỔ CHỨC THỰC HIỆN",
            "Điều … Hiệu lực thi hành",
        ],
        "recipients": ["Các đảng ủy trực thuộc,", *_FILE],
        **_STANDING,
    },
    "quy_che": {
        "summary": "làm việc của …",
        "body": [
            "Chương I. NHỮNG QUY ĐỊNH CHUNG",
            "Điều 1. Phạm vi, đối tượng điều chỉnh",
            "Điều 2. Nguyên tắc làm việc",
            "Chương II. TRÁCH NHIỆM, QUYỀN HẠN",
            "Điều 3. …",
            "Chương III. ĐIỀU KHOẢN THI HÀNH",
            "Điều … Quy chế có hiệu lực kể từ ngày ký.",
        ],
        "recipients": ["Các đồng chí Ủy viên Ban Thường vụ,", *_FILE],
        **_STANDING,
    },
    "chi_thi": {
        "summary": "về tăng cường sự lãnh đạo của Đảng đối với …",
        "body": [
            "Thời gian qua, … (tình hình, kết quả, hạn chế và nguyên nhân).",
            "Để …, {co_quan} yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt các nhiệm vụ sau:",
            "1. …",
            "2. …",
            "3. Tổ chức thực hiện: …",
            "Chỉ thị này được phổ biến đến chi bộ.",
        ],
        "recipients": ["Các đảng ủy trực thuộc,", *_FILE],
        **_STANDING,
    },
    "ket_luan": {
        "summary": "của {co_quan} về …",
        "body": [
            "Ngày … tháng … năm …, {co_quan} họp, nghe … báo cáo về …. Sau khi thảo luận, "
            "{co_quan} kết luận như sau:",
            "1. …",
            "2. …",
            "3. Giao … chủ trì, phối hợp với … tổ chức thực hiện.",
        ],
        "recipients": ["Các đảng ủy trực thuộc,", *_FILE],
        **_STANDING,
    },
    "huong_dan": {
        "summary": "thực hiện …",
        "body": [
            "Thực hiện …, {co_quan} hướng dẫn một số nội dung như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. NỘI DUNG",
            "III. TỔ CHỨC THỰC HIỆN",
        ],
        "recipients": ["Các đảng ủy trực thuộc,", *_FILE],
        **_STANDING,
    },
    "thong_bao": {
        "summary": "kết luận của {co_quan} về …",
        "body": [
            "Ngày … tháng … năm …, {co_quan} đã họp, nghe … báo cáo về ….",
            "{co_quan} thông báo ý kiến như sau:",
            "1. …",
            "2. …",
        ],
        "recipients": ["Các đảng ủy trực thuộc,", *_FILE],
        **_OFFICE,
    },
    "bao_cao": {
        "summary": "kết quả …",
        "body": [
            "I. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN",
            "1. …",
            "II. HẠN CHẾ, NGUYÊN NHÂN",
            "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
            "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        ],
        "recipients": ["Ban Bí thư Trung ương Đảng (để b/c),", *_FILE],
        **_STANDING,
    },
    "ke_hoach": {
        "summary": "thực hiện …",
        "body": [
            "Thực hiện …, {co_quan} xây dựng Kế hoạch … như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. NỘI DUNG, THỜI GIAN THỰC HIỆN",
            "III. TỔ CHỨC THỰC HIỆN",
        ],
        "recipients": ["Các đảng ủy trực thuộc,", *_FILE],
        **_STANDING,
    },
    "chuong_trinh": {
        "summary": "hành động thực hiện …",
        "body": [
            "Thực hiện …, {co_quan} ban hành Chương trình … như sau:",
            "I. MỤC TIÊU",
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "III. TỔ CHỨC THỰC HIỆN",
        ],
        "recipients": ["Các đảng ủy trực thuộc,", *_FILE],
        **_STANDING,
    },
    "to_trinh": {
        "summary": "về việc …",
        "body": [
            "Kính gửi: …",
            "Căn cứ …; xét …, {co_quan} kính trình … xem xét, quyết định các nội dung sau:",
            "1. …",
            "2. …",
            "Kính trình … xem xét, quyết định.",
        ],
        "recipients": ["Như trên,", *_FILE],
        **_OFFICE,
    },
    "cong_van": {
        "summary": "…",
        "body": ["Kính gửi: …", "…", "Trân trọng."],
        "recipients": ["Như trên,", *_FILE],
        **_OFFICE,
    },
    "bien_ban": {
        "summary": "hội nghị …",
        "body": [
            "Thời gian: … giờ … phút, ngày … tháng … năm …",
            "Địa điểm: …",
            "Thành phần: …",
            "Chủ trì: đồng chí …; thư ký: đồng chí …",
            "NỘI DUNG",
            "…",
            "Hội nghị kết thúc lúc … giờ … phút cùng ngày.",
        ],
        "recipients": _FILE,
        "authority_line": "",
        "signer_position": "CHỦ TRÌ",
    },
    "giay_moi": {
        "summary": "dự …",
        "body": [
            "{co_quan} trân trọng kính mời:",
            "Đồng chí …",
            "Đến dự …",
            "Thời gian: … giờ … phút, ngày … tháng … năm …",
            "Địa điểm: …",
            "Rất mong đồng chí đến dự đúng thời gian.",
        ],
        "recipients": ["Như trên,", *_FILE],
        **_OFFICE,
    },
    "giay_gioi_thieu": {
        "summary": "đồng chí … đến liên hệ công tác",
        "body": [
            "{co_quan} trân trọng giới thiệu:",
            "Đồng chí …, chức vụ …",
            "Được cử đến: …",
            "Về việc: …",
            "Đề nghị … giúp đỡ đồng chí hoàn thành nhiệm vụ.",
            "Giấy này có giá trị đến hết ngày … tháng … năm …",
        ],
        "recipients": _FILE,
        **_OFFICE,
    },
}


def template_rows():
    for key, value in TEMPLATES.items():
        yield {
            "table": "document_template",
            "key": key,
            "effective_from": EFFECTIVE,
            "value": value,
            "source": SOURCE,
        }
