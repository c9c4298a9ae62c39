"""The content of the demo documents (documents/demo.py makes them through the services): the
seed-004 documents, the bloc's terms, who sends what, the subjects of the year and their windows."""

import datetime

# Seed 004 reports the conference that reviewed the committee offices' work of 2017 and the
# direction given there by the bloc's deputy secretary, Phạm Quang Thao, but not the documents'
# dates or numbers: the dates below are plausible (after 06/02/2017, when the document-type table
# starts) and the numbers are made up.
SEED_004 = [
    {
        "received": datetime.datetime(2017, 12, 22, 9, 15),  # noqa: DTZ001 — a wall-clock time, made aware by the loader
        "issuer": "Văn phòng Đảng ủy Khối các cơ quan Trung ương",
        "original_number": "86-BC/VPĐUK",
        "document_date": datetime.date(2017, 12, 20),
        "doc_type": "bao_cao",
        "summary": "Báo cáo tổng kết công tác văn phòng cấp ủy năm 2017, phương hướng nhiệm vụ "
        "công tác năm 2018",
        "pages": 14,
        "result": "Đã trình Thường trực Đảng ủy Khối; báo cáo tại Hội nghị tổng kết công tác văn "
        "phòng cấp ủy năm 2017.",
    },
    {
        "received": datetime.datetime(2018, 1, 12, 14, 30),  # noqa: DTZ001 — a wall-clock time, made aware by the loader
        "issuer": "Đảng ủy Khối các cơ quan Trung ương",
        "original_number": "105-TB/ĐUK",
        "document_date": datetime.date(2018, 1, 11),
        "doc_type": "thong_bao",
        "summary": "Thông báo ý kiến chỉ đạo của đồng chí Phạm Quang Thao, Phó Bí thư Đảng ủy Khối, "
        "tại Hội nghị tổng kết công tác văn phòng cấp ủy năm 2017, phương hướng nhiệm vụ năm 2018",
        "pages": 4,
        "result": "Văn phòng Đảng ủy Khối triển khai sáu nhiệm vụ trọng tâm năm 2018: tham mưu, "
        "giúp việc cấp ủy; văn thư, lưu trữ, quản lý con dấu, bảo mật; ứng dụng công nghệ thông "
        "tin; tài chính đảng; điều hòa chương trình công tác của thường trực cấp ủy; kỷ niệm 70 "
        "năm Ngày truyền thống Đảng bộ Khối các cơ quan Trung ương.",
    },
]

# Bloc committee terms: the XII congress met 13–15/10/2015 and the XIII congress 27–29/10/2020
# (press reports); from 2025–2030 on, the demo's five-year terms, dated like the province's.
BLOC_TERMS = [
    ("2015–2020", datetime.date(2015, 10, 15)),
    ("2020–2025", datetime.date(2020, 10, 29)),
]
BLOC_NEXT_TERMS_FROM = datetime.date(2025, 10, 1)

# Incoming: (issuer, issuer code or None for a state body, doc_type, abbreviation, summaries).
CENTRE_SOURCES = [
    (
        "Ban Bí thư",
        "TW",
        "chi_thi",
        "CT",
        [
            "Chỉ thị về tổ chức Tết Bính Ngọ năm 2026",
            "Chỉ thị về tăng cường công tác bảo vệ bí mật nhà nước trong tình hình mới",
            "Chỉ thị về lãnh đạo cuộc bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng "
            "nhân dân các cấp nhiệm kỳ 2026–2031",
        ],
    ),
    (
        "Ban Bí thư",
        "TW",
        "ket_luan",
        "KL",
        [
            "Kết luận về tiếp tục thực hiện Chỉ thị về công tác văn thư, lưu trữ trong các cơ "
            "quan đảng",
            "Kết luận về đẩy mạnh chuyển đổi số trong các cơ quan đảng",
        ],
    ),
    (
        "Bộ Chính trị",
        "TW",
        "nghi_quyet",
        "NQ",
        [
            "Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển "
            "đổi số quốc gia",
            "Nghị quyết về công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân",
        ],
    ),
    (
        "Bộ Chính trị",
        "TW",
        "quy_dinh",
        "QĐ",
        ["Quy định về kiểm soát quyền lực trong công tác cán bộ"],
    ),
    (
        "Văn phòng Trung ương Đảng",
        "VPTW",
        "cong_van",
        "CV",
        [
            "V/v thực hiện chế độ thông tin, báo cáo định kỳ năm 2026",
            "V/v báo cáo kết quả thực hiện Quy chế làm việc của Tỉnh ủy",
            "V/v chuẩn bị nội dung làm việc của Thường trực Ban Bí thư",
            "V/v rà soát danh mục hồ sơ, tài liệu nộp lưu vào Lưu trữ Đảng",
            "V/v triển khai phần mềm quản lý văn bản và hồ sơ công việc",
            "V/v góp ý dự thảo Hướng dẫn thể thức và kỹ thuật trình bày văn bản của Đảng",
        ],
    ),
    (
        "Văn phòng Trung ương Đảng",
        "VPTW",
        "huong_dan",
        "HD",
        [
            "Hướng dẫn lập hồ sơ và nộp lưu hồ sơ, tài liệu vào lưu trữ cơ quan",
            "Hướng dẫn quản lý và sử dụng con dấu trong các cơ quan, tổ chức đảng",
        ],
    ),
    (
        "Văn phòng Trung ương Đảng",
        "VPTW",
        "thong_bao",
        "TB",
        [
            "Thông báo kết luận của Thường trực Ban Bí thư về công tác văn phòng cấp ủy",
            "Thông báo lịch làm việc của Bộ Chính trị, Ban Bí thư quý I/2026",
        ],
    ),
    (
        "Ban Tổ chức Trung ương",
        "BTCTW",
        "huong_dan",
        "HD",
        [
            "Hướng dẫn kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2025",
            "Hướng dẫn một số vấn đề cụ thể về nghiệp vụ công tác đảng viên",
            "Hướng dẫn quy trình giới thiệu nhân sự ứng cử",
            "Hướng dẫn xét tặng Huy hiệu Đảng đợt 03/02/2026",
        ],
    ),
    (
        "Ban Tổ chức Trung ương",
        "BTCTW",
        "cong_van",
        "CV",
        [
            "V/v báo cáo thống kê số lượng, chất lượng đảng viên năm 2025",
            "V/v rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2026–2031",
            "V/v cập nhật cơ sở dữ liệu đảng viên",
        ],
    ),
    (
        "Ủy ban Kiểm tra Trung ương",
        "UBKTTW",
        "ke_hoach",
        "KH",
        [
            "Kế hoạch kiểm tra, giám sát năm 2026",
            "Kế hoạch giám sát chuyên đề việc thực hiện chế độ thu, nộp, quản lý đảng phí",
        ],
    ),
    (
        "Ủy ban Kiểm tra Trung ương",
        "UBKTTW",
        "thong_bao",
        "TB",
        ["Thông báo kết quả kiểm tra khi có dấu hiệu vi phạm đối với tổ chức đảng"],
    ),
    (
        "Ban Tuyên giáo và Dân vận Trung ương",
        "BTGDVTW",
        "huong_dan",
        "HD",
        [
            "Hướng dẫn tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam",
            "Hướng dẫn học tập, quán triệt Nghị quyết Đại hội XIV của Đảng",
        ],
    ),
    (
        "Ban Nội chính Trung ương",
        "BNCTW",
        "cong_van",
        "CV",
        ["V/v báo cáo công tác phòng, chống tham nhũng, lãng phí, tiêu cực năm 2025"],
    ),
]
LOCAL_SOURCES = [
    (
        "Đảng ủy Cơ quan Văn phòng HĐND tỉnh",
        "ĐU",
        "bao_cao",
        "BC",
        [
            "Báo cáo kết quả sinh hoạt chuyên đề của các chi bộ",
            "Báo cáo kiểm điểm tập thể Ban Thường vụ Đảng ủy năm 2025",
            "Báo cáo kết quả thu, nộp đảng phí 6 tháng đầu năm 2026",
        ],
    ),
    (
        "Đảng ủy Cơ quan Văn phòng HĐND tỉnh",
        "ĐU",
        "to_trinh",
        "TTr",
        ["Tờ trình đề nghị công nhận đảng viên chính thức", "Tờ trình đề nghị tặng Huy hiệu Đảng"],
    ),
    (
        "Đảng ủy xã Thanh Sơn",
        "ĐU",
        "bao_cao",
        "BC",
        [
            "Báo cáo tình hình hoạt động sau sắp xếp đơn vị hành chính cấp xã",
            "Báo cáo kết quả lãnh đạo thực hiện nhiệm vụ quý I/2026",
        ],
    ),
    (
        "Đảng ủy xã Thanh Sơn",
        "ĐU",
        "to_trinh",
        "TTr",
        ["Tờ trình đề nghị kiện toàn Ban Chấp hành Đảng bộ xã nhiệm kỳ 2025–2030"],
    ),
    (
        "Ủy ban nhân dân tỉnh Phú Thọ",
        None,
        "cong_van",
        "CV",
        [
            "V/v đề nghị cho ý kiến về chủ trương đầu tư dự án đường tỉnh",
            "V/v báo cáo tình hình kinh tế – xã hội tháng",
        ],
    ),
]

RESULTS = [
    "Đã tham mưu Thường trực Tỉnh ủy cho ý kiến; văn bản trả lời đã gửi.",
    "Đã tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy.",
    "Đã sao gửi các đảng ủy trực thuộc để thực hiện.",
    "Đã đưa vào chương trình công tác tháng của Văn phòng Tỉnh ủy.",
    "Đã cập nhật số liệu và gửi báo cáo đúng hạn.",
    "Lưu hồ sơ; không phải trả lời.",
]
PROGRESS = [
    "Đã xin ý kiến các ban đảng của Tỉnh ủy.",
    "Đang tổng hợp số liệu từ các đảng ủy trực thuộc.",
    "Đã dự thảo văn bản, đang trình lãnh đạo Văn phòng.",
    "Đã làm việc với Ban Tổ chức Tỉnh ủy về nội dung liên quan.",
]
DIRECTIONS = [
    "Giao Văn phòng Tỉnh ủy chủ trì, phối hợp các ban đảng tham mưu, báo cáo Thường trực.",
    "Văn phòng nghiên cứu, đề xuất; báo cáo trước hạn.",
    "Sao gửi các đảng ủy trực thuộc để thực hiện.",
]

# Outgoing of the province: (doc_type, summaries, recipients).
RECIPIENTS_SUBORDINATES = (
    "Các đảng ủy trực thuộc Tỉnh ủy\nCác ban đảng, Văn phòng Tỉnh ủy\nLưu Văn phòng Tỉnh ủy"
)
RECIPIENTS_CENTRE = "Văn phòng Trung ương Đảng\nBan Tổ chức Trung ương\nLưu Văn phòng Tỉnh ủy"
OUTGOING_KINDS = [
    (
        "nghi_quyet",
        [
            "về lãnh đạo thực hiện nhiệm vụ chính trị năm 2026",
            "về đẩy mạnh chuyển đổi số trong các cơ quan đảng của tỉnh",
            "về nâng cao chất lượng sinh hoạt chi bộ giai đoạn 2025–2030",
            "về công tác cán bộ trước bầu cử đại biểu Quốc hội và Hội đồng nhân dân các cấp",
        ],
        RECIPIENTS_SUBORDINATES,
    ),
    (
        "quyet_dinh",
        [
            "về việc thành lập Tổ giúp việc Ban Chỉ đạo chuyển đổi số của Tỉnh ủy",
            "về việc ban hành Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2025–2030",
            "về việc chuẩn y kết quả bầu bổ sung Ban Chấp hành Đảng bộ xã Thanh Sơn",
            "về việc tặng Huy hiệu Đảng đợt 03/02/2026",
            "về việc tặng Huy hiệu Đảng đợt 19/5/2026",
            "về việc phân công nhiệm vụ các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy",
            "về việc thành lập Đoàn kiểm tra thực hiện Quy chế làm việc",
            "về việc ban hành Danh mục hồ sơ của Văn phòng Tỉnh ủy năm 2026",
            "về việc kiện toàn Hội đồng xác định giá trị tài liệu",
            "về việc công nhận đảng viên chính thức",
        ],
        RECIPIENTS_SUBORDINATES,
    ),
    (
        "chi_thi",
        [
            "về tổ chức Tết Bính Ngọ năm 2026",
            "về tăng cường công tác bảo vệ bí mật nhà nước trong các cơ quan đảng",
        ],
        RECIPIENTS_SUBORDINATES,
    ),
    (
        "ket_luan",
        [
            "của Ban Thường vụ Tỉnh ủy tại hội nghị giao ban tháng 1/2026",
            "của Ban Thường vụ Tỉnh ủy về tình hình kinh tế – xã hội quý I/2026",
            "của Ban Thường vụ Tỉnh ủy về công tác chuẩn bị bầu cử",
            "của Ban Thường vụ Tỉnh ủy về kết quả sơ kết 6 tháng đầu năm 2026",
        ],
        RECIPIENTS_SUBORDINATES,
    ),
    (
        "ke_hoach",
        [
            "học tập, quán triệt và triển khai thực hiện Nghị quyết Đại hội XIV của Đảng",
            "kiểm tra, giám sát của Ban Thường vụ Tỉnh ủy năm 2026",
            "tổ chức các hoạt động kỷ niệm 96 năm Ngày thành lập Đảng",
            "lập hồ sơ và nộp lưu tài liệu vào Lưu trữ Tỉnh ủy năm 2026",
            "kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2026",
            "triển khai phần mềm quản lý văn bản và hồ sơ công việc",
        ],
        RECIPIENTS_SUBORDINATES,
    ),
    (
        "bao_cao",
        [
            "tổng kết công tác văn phòng cấp ủy năm 2025, phương hướng nhiệm vụ năm 2026",
            "kết quả kiểm điểm, đánh giá, xếp loại tổ chức đảng, đảng viên năm 2025",
            "kết quả thực hiện Quy chế làm việc của Tỉnh ủy",
            "tình hình thực hiện chế độ thông tin, báo cáo quý I/2026",
            "công tác phòng, chống tham nhũng, lãng phí, tiêu cực năm 2025",
            "thống kê số lượng, chất lượng đảng viên năm 2025",
            "sơ kết 6 tháng đầu năm 2026",
            "kết quả thu, nộp đảng phí năm 2025",
        ],
        RECIPIENTS_CENTRE,
    ),
    (
        "thong_bao",
        [
            "kết luận của Thường trực Tỉnh ủy tại buổi làm việc với Đảng ủy xã Thanh Sơn",
            "lịch làm việc của Thường trực Tỉnh ủy tháng 1/2026",
            "ý kiến của Ban Thường vụ Tỉnh ủy về chủ trương đầu tư dự án đường tỉnh",
            "lịch làm việc của Thường trực Tỉnh ủy tháng 3/2026",
            "kết luận của Thường trực Tỉnh ủy về công tác chuẩn bị bầu cử",
            "phân công trực lãnh đạo dịp Tết Bính Ngọ 2026",
            "lịch làm việc của Thường trực Tỉnh ủy tháng 6/2026",
            "kết luận của Thường trực Tỉnh ủy về công tác văn thư, lưu trữ",
        ],
        RECIPIENTS_SUBORDINATES,
    ),
    (
        "cong_van",
        [
            "V/v thực hiện chế độ thông tin, báo cáo định kỳ",
            "V/v rà soát danh mục hồ sơ nộp lưu năm 2026",
            "V/v chuẩn bị nội dung hội nghị Ban Chấp hành Đảng bộ tỉnh",
            "V/v góp ý dự thảo văn kiện",
            "V/v cập nhật cơ sở dữ liệu đảng viên",
            "V/v triển khai sử dụng chữ ký số trong các cơ quan đảng của tỉnh",
            "V/v báo cáo kết quả thu, nộp đảng phí",
            "V/v tổ chức sinh hoạt chi bộ chuyên đề",
            "V/v bảo đảm an toàn, bảo mật thông tin trên không gian mạng",
            "V/v chuẩn bị làm việc với Đoàn công tác của Trung ương",
            "V/v đôn đốc thực hiện các kết luận của Ban Thường vụ",
            "V/v lập hồ sơ công việc trên phần mềm",
        ],
        RECIPIENTS_SUBORDINATES,
    ),
    (
        "to_trinh",
        [
            "đề nghị phê duyệt Danh mục hồ sơ của Văn phòng Tỉnh ủy năm 2026",
            "đề nghị tặng Huy hiệu Đảng đợt 03/02/2026",
            "đề nghị cấp kinh phí chuyển đổi số của các cơ quan đảng tỉnh",
        ],
        "Ban Thường vụ Tỉnh ủy\nLưu Văn phòng Tỉnh ủy",
    ),
    (
        "bien_ban",
        [
            "hội nghị Ban Thường vụ Tỉnh ủy tháng 1/2026",
            "hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5",
            "kiểm phiếu bầu bổ sung Ủy viên Ban Thường vụ Tỉnh ủy",
        ],
        "Lưu Văn phòng Tỉnh ủy",
    ),
    (
        "giay_moi",
        [
            "dự hội nghị tổng kết công tác văn phòng cấp ủy năm 2025",
            "dự hội nghị quán triệt Nghị quyết Đại hội XIV của Đảng",
            "dự lễ trao tặng Huy hiệu Đảng đợt 03/02/2026",
            "dự hội nghị sơ kết 6 tháng đầu năm 2026",
            "dự hội nghị tập huấn nghiệp vụ văn thư, lưu trữ",
            "dự hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 6",
        ],
        RECIPIENTS_SUBORDINATES,
    ),
]


# Subjects tied to a moment of the year are dated inside its window (first match wins), so that
# no invitation to the Tết of 2026 is issued in August; other subjects fall anywhere in the year.
_D = datetime.date
WINDOWS = [
    ("Tết Bính Ngọ", _D(2025, 12, 3), _D(2026, 1, 31)),
    ("Tết Đinh Mùi", _D(2026, 11, 1), _D(2026, 12, 31)),
    ("03/02/2026", _D(2026, 1, 5), _D(2026, 1, 30)),
    ("19/5/2026", _D(2026, 4, 15), _D(2026, 5, 15)),
    ("07/11/2026", _D(2026, 10, 15), _D(2026, 11, 6)),
    ("tháng 1/2026", _D(2025, 12, 26), _D(2026, 1, 30)),
    ("tháng 3/2026", _D(2026, 2, 24), _D(2026, 3, 10)),
    ("tháng 6/2026", _D(2026, 5, 25), _D(2026, 6, 10)),
    ("quý I/2026", _D(2026, 3, 25), _D(2026, 4, 24)),
    ("quý II/2026", _D(2026, 5, 4), _D(2026, 6, 30)),
    ("6 tháng đầu năm 2026", _D(2026, 6, 10), _D(2026, 7, 24)),
    ("96 năm", _D(2025, 12, 15), _D(2026, 1, 31)),
    ("Đại hội XIV", _D(2026, 2, 2), _D(2026, 4, 30)),
    ("bầu cử", _D(2025, 12, 10), _D(2026, 3, 10)),
    ("bầu bổ sung", _D(2026, 3, 20), _D(2026, 5, 30)),
    ("lần thứ 5", _D(2026, 1, 12), _D(2026, 1, 30)),
    ("lần thứ 6", _D(2026, 7, 6), _D(2026, 7, 24)),
    ("cuối năm 2026", _D(2026, 10, 1), _D(2026, 12, 31)),
    ("năm 2027", _D(2026, 10, 15), _D(2026, 12, 31)),
    ("năm 2025", _D(2025, 12, 1), _D(2026, 2, 13)),
    ("năm 2026", _D(2025, 12, 1), _D(2026, 3, 31)),
    ("nhiệm kỳ 2025–2030", _D(2025, 12, 1), _D(2026, 2, 27)),
]
