"""The first rows of the records area's rule tables, frozen here as data (decision 0012)."""

import datetime

from django.db import migrations

ROWS = [
    ('record_retention', 'ho_so_dai_hoi', '2010-01-01', {'label': 'Hồ sơ đại hội', 'years': None}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'ho_so_hoi_nghi', '2010-01-01', {'label': 'Hồ sơ hội nghị, cuộc họp của cấp ủy', 'years': None}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'ho_so_cong_viec', '2010-01-01', {'label': 'Hồ sơ công việc', 'years': 10}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'ho_so_theo_doi', '2010-01-01', {'label': 'Hồ sơ theo dõi, tập văn bản gửi để biết', 'years': 5}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'nghi_quyet', '2010-01-01', {'label': 'Nghị quyết', 'years': None}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'quyet_dinh', '2010-01-01', {'label': 'Quyết định', 'years': None}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'chi_thi', '2010-01-01', {'label': 'Chỉ thị', 'years': None}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'ket_luan', '2010-01-01', {'label': 'Kết luận', 'years': None}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'quy_dinh', '2010-01-01', {'label': 'Quy định', 'years': None}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'quy_che', '2010-01-01', {'label': 'Quy chế', 'years': None}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'bien_ban', '2010-01-01', {'label': 'Biên bản', 'years': None}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'bao_cao', '2010-01-01', {'label': 'Báo cáo', 'years': 15}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'ke_hoach', '2010-01-01', {'label': 'Kế hoạch', 'years': 15}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'chuong_trinh', '2010-01-01', {'label': 'Chương trình', 'years': 15}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'de_an', '2010-01-01', {'label': 'Đề án', 'years': 15}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'huong_dan', '2010-01-01', {'label': 'Hướng dẫn', 'years': 10}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'thong_bao', '2010-01-01', {'label': 'Thông báo', 'years': 10}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'to_trinh', '2010-01-01', {'label': 'Tờ trình', 'years': 10}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'cong_van', '2010-01-01', {'label': 'Công văn', 'years': 5}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'giay_moi', '2010-01-01', {'label': 'Giấy mời', 'years': 1}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_retention', 'default', '2010-01-01', {'label': 'Văn bản khác', 'years': 10}, 'Hướng dẫn 35-HD/VPTW (2010); Công văn 160-CV/TW (1988): vĩnh viễn hoặc 1, 5, 10, 15 năm. Thời hạn từng loại: VanPhong đặt mặc định, sửa được'),
    ('record_handover', 'current_archive', '2012-07-01', {'years': 1, 'warn_days': 30}, 'Luật Lưu trữ 2011: nộp lưu trong 01 năm kể từ năm công việc kết thúc'),
    ('record_handover', 'current_archive', '2025-07-01', {'years': 1, 'warn_days': 30}, 'Luật Lưu trữ 2024 (33/2024/QH15): nộp lưu trong 01 năm kể từ năm công việc kết thúc'),
]


def load(apps, schema_editor):
    rule = apps.get_model("core", "DatedRule")
    for table, key, day, value, source in ROWS:
        rule.objects.get_or_create(
            table=table,
            key=key,
            effective_from=datetime.date.fromisoformat(day),
            defaults={"value": value, "source": source},
        )


class Migration(migrations.Migration):
    dependencies = [("records", "0001_initial"), ("core", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
