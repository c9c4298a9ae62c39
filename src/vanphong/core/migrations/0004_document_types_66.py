import datetime

from django.db import migrations

# The rows as they were first loaded, copied here so that this migration never runs live code.
ROWS = [
    {
        "table": "document_type",
        "key": "cuong_linh",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Cương lĩnh chính trị", "abbreviation": "CL", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "dieu_le",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Điều lệ", "abbreviation": "ĐL", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "chien_luoc",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Chiến lược", "abbreviation": "CLc", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "nghi_quyet",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Nghị quyết", "abbreviation": "NQ", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "quyet_dinh",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Quyết định", "abbreviation": "QĐ", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "chi_thi",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Chỉ thị", "abbreviation": "CT", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "ket_luan",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Kết luận", "abbreviation": "KL", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "quy_che",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Quy chế", "abbreviation": "QC", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "quy_dinh",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Quy định", "abbreviation": "QĐ", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "thong_tri",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Thông tri", "abbreviation": "TT", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "huong_dan",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Hướng dẫn", "abbreviation": "HD", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "thong_bao",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Thông báo", "abbreviation": "TB", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "thong_cao",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Thông cáo", "abbreviation": "TC", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "tuyen_bo",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Tuyên bố", "abbreviation": "TBo", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "loi_keu_goi",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Lời kêu gọi", "abbreviation": "LKG", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "bao_cao",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Báo cáo", "abbreviation": "BC", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "ke_hoach",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Kế hoạch", "abbreviation": "KH", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "quy_hoach",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Quy hoạch", "abbreviation": "QH", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "chuong_trinh",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Chương trình", "abbreviation": "CTr", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "de_an",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Đề án", "abbreviation": "ĐA", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "phuong_an",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Phương án", "abbreviation": "PA", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "du_an",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Dự án", "abbreviation": "DA", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "to_trinh",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Tờ trình", "abbreviation": "TTr", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "cong_van",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Công văn", "abbreviation": "CV", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "bien_ban",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Biên bản", "abbreviation": "BB", "administrative": False},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "giay_gioi_thieu",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Giấy giới thiệu", "abbreviation": "GGT", "administrative": True},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "giay_chung_nhan",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Giấy chứng nhận", "abbreviation": "GCN", "administrative": True},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "giay_di_duong",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Giấy đi đường", "abbreviation": "GĐĐ", "administrative": True},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "giay_nghi_phep",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Giấy nghỉ phép", "abbreviation": "GNP", "administrative": True},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "giay_moi",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Giấy mời", "abbreviation": "GM", "administrative": True},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "phieu_chuyen",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Phiếu chuyển", "abbreviation": "PC", "administrative": True},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "phieu_gui",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Phiếu gửi", "abbreviation": "PG", "administrative": True},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
    {
        "table": "document_type",
        "key": "thu_cong",
        "effective_from": datetime.date(2017, 2, 6),
        "value": {"name": "Thư công", "abbreviation": "ThC", "administrative": True},
        "source": "66-QĐ/TW (06/02/2017); danh mục lấy theo 399-QĐ/TW, chưa đối chiếu văn bản 66",
    },
]


def load(apps, schema_editor):
    DatedRule = apps.get_model("core", "DatedRule")
    for row in ROWS:
        DatedRule.objects.get_or_create(
            table=row["table"],
            key=row["key"],
            effective_from=row["effective_from"],
            defaults={"value": row["value"], "source": row["source"]},
        )


def unload(apps, schema_editor):
    apps.get_model("core", "DatedRule").objects.filter(
        table="document_type", effective_from=datetime.date(2017, 2, 6)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0003_numbering_and_document_notices")]
    operations = [migrations.RunPython(load, unload)]
