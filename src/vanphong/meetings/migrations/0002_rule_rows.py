"""The first rows of the meetings area's rule tables, frozen here as data (decision 0012)."""

import datetime

from django.db import migrations

ROWS = [
    ('meeting_duration', 'regular', '2025-10-28', {'minutes': 90}, 'Chỉ thị 50-CT/TW (23/07/2025); Hướng dẫn 42-HD/BTCTW (28/10/2025)'),
    ('meeting_duration', 'thematic', '2025-10-28', {'minutes': 90}, 'VanPhong: thực tiễn, chưa có văn bản quy định (sửa được)'),
    ('meeting_duration', 'combined', '2025-10-28', {'minutes': 120}, 'Chỉ thị 50-CT/TW (23/07/2025); Hướng dẫn 42-HD/BTCTW (28/10/2025)'),
    ('meeting_notice', 'documents', '2025-10-28', {'hours': 24}, 'Chỉ thị 50-CT/TW (23/07/2025); Hướng dẫn 42-HD/BTCTW (28/10/2025)'),
    ('meeting_compliance', 'per_month', '2025-10-28', {'per_month': 1}, 'Chỉ thị 50-CT/TW (23/07/2025); Hướng dẫn 42-HD/BTCTW (28/10/2025)'),
    ('meeting_compliance', 'thematic_per_quarter', '2025-10-28', {'thematic_per_quarter': 1}, 'VanPhong: thực tiễn, chưa có văn bản quy định (sửa được)'),
    ('meeting_compliance', 'conclusion_days', '2025-10-28', {'conclusion_days': 7}, 'VanPhong: thực tiễn, chưa có văn bản quy định (sửa được)'),
    ('meeting_compliance', 'unexcused_per_year', '2011-01-19', {'unexcused_per_year': 3}, 'Điều lệ Đảng, Điều 8'),
    ('vote_threshold', 'resolution', '2011-01-19', {'numerator': 1, 'denominator': 2}, 'Điều lệ Đảng, Điều 9.5; Quy định 232-QĐ/TW (20/01/2025)'),
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
    dependencies = [("meetings", "0001_initial"), ("core", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
