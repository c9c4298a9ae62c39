"""The first rows of the party dues' rule tables, frozen here as data (decision 0012)."""

import datetime

from django.db import migrations

ROWS = [
    ('dues_rate', 'social_insurance', '2011-01-01', {'basis': 'income', 'per_10000': 100, 'previous_month': False}, 'Quy định 342-QĐ/TW (28/12/2010)'),
    ('dues_rate', 'sickness', '2011-01-01', {'basis': 'income', 'per_10000': 100, 'previous_month': False}, 'Quy định 342-QĐ/TW (28/12/2010)'),
    ('dues_rate', 'pension', '2011-01-01', {'basis': 'income', 'per_10000': 50, 'previous_month': False}, 'Quy định 342-QĐ/TW (28/12/2010)'),
    ('dues_rate', 'student', '2011-01-01', {'fixed': 2000}, 'Quy định 342-QĐ/TW: mức cố định 2.000–30.000 đ theo đối tượng (50% khi hết tuổi lao động); mức cụ thể do VanPhong đặt tạm, chưa đối chiếu văn bản (sửa được)'),
    ('dues_rate', 'other_working', '2011-01-01', {'fixed': 5000}, 'Quy định 342-QĐ/TW: mức cố định 2.000–30.000 đ theo đối tượng (50% khi hết tuổi lao động); mức cụ thể do VanPhong đặt tạm, chưa đối chiếu văn bản (sửa được)'),
    ('dues_rate', 'other_retired', '2011-01-01', {'fixed': 2500}, 'Quy định 342-QĐ/TW: mức cố định 2.000–30.000 đ theo đối tượng (50% khi hết tuổi lao động); mức cụ thể do VanPhong đặt tạm, chưa đối chiếu văn bản (sửa được)'),
    ('dues_rate', 'social_insurance', '2026-02-01', {'basis': 'income', 'per_10000': 100, 'previous_month': True}, 'Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí'),
    ('dues_rate', 'sickness', '2026-02-01', {'basis': 'income', 'per_10000': 100, 'previous_month': False}, 'Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí'),
    ('dues_rate', 'pension', '2026-02-01', {'basis': 'income', 'per_10000': 50, 'previous_month': False}, 'Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí'),
    ('dues_rate', 'student', '2026-02-01', {'fixed': 5000}, 'Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí'),
    ('dues_rate', 'other_working', '2026-02-01', {'basis': 'minimum_wage', 'per_10000': 30, 'previous_month': False}, 'Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí'),
    ('dues_rate', 'other_retired', '2026-02-01', {'basis': 'minimum_wage', 'per_10000': 20, 'previous_month': False}, 'Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí'),
    ('dues_rate', 'other_working', '2028-01-01', {'basis': 'minimum_wage', 'per_10000': 50, 'previous_month': False}, 'Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí'),
    ('dues_rate', 'other_retired', '2028-01-01', {'basis': 'minimum_wage', 'per_10000': 30, 'previous_month': False}, 'Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí'),
    ('dues_minimum_wage', 'I', '2026-01-01', {'amount': 5310000}, 'Nghị định 293/2025/NĐ-CP (chưa đối chiếu bản gốc)'),
    ('dues_minimum_wage', 'II', '2026-01-01', {'amount': 4730000}, 'Nghị định 293/2025/NĐ-CP (chưa đối chiếu bản gốc)'),
    ('dues_minimum_wage', 'III', '2026-01-01', {'amount': 4140000}, 'Nghị định 293/2025/NĐ-CP (chưa đối chiếu bản gốc)'),
    ('dues_minimum_wage', 'IV', '2026-01-01', {'amount': 3700000}, 'Nghị định 293/2025/NĐ-CP (chưa đối chiếu bản gốc)'),
    ('dues_exemption', 'membership', '2026-02-01', {'years': 50}, 'Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí'),
    ('dues_exemption', 'social_pension', '2026-02-01', {'max_months': 0}, 'Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí'),
    ('dues_exemption', 'poor_household', '2026-02-01', {'max_months': 0}, 'Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí'),
    ('dues_exemption', 'serious_illness', '2026-02-01', {'max_months': 0}, 'Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí'),
    ('dues_exemption', 'hardship', '2011-01-01', {'max_months': 12}, 'Quy định 342-QĐ/TW (28/12/2010)'),
    ('dues_exemption', 'hardship', '2026-02-01', {'max_months': 12}, 'Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí'),
    ('dues_reduction', 'hardship', '2011-01-01', {'percents': [50], 'max_months': 12}, 'Quy định 342-QĐ/TW (28/12/2010)'),
    ('dues_reduction', 'hardship', '2026-02-01', {'percents': [30, 50, 70], 'max_months': 12}, 'Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí'),
    ('dues_setting', 'rounding', '2011-01-01', {'mode': 'half_up', 'unit': 1}, 'VanPhong: chưa có văn bản quy định (sửa được)'),
    ('dues_setting', 'flag', '2011-01-01', {'unpaid_months': 3}, 'Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí'),
    ('dues_retirement_age', 'male', '2021-01-01', {'years': 60, 'months': 3}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'male', '2022-01-01', {'years': 60, 'months': 6}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'male', '2023-01-01', {'years': 60, 'months': 9}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'male', '2024-01-01', {'years': 61, 'months': 0}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'male', '2025-01-01', {'years': 61, 'months': 3}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'male', '2026-01-01', {'years': 61, 'months': 6}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'male', '2027-01-01', {'years': 61, 'months': 9}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'male', '2028-01-01', {'years': 62, 'months': 0}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'female', '2021-01-01', {'years': 55, 'months': 4}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'female', '2022-01-01', {'years': 55, 'months': 8}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'female', '2023-01-01', {'years': 56, 'months': 0}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'female', '2024-01-01', {'years': 56, 'months': 4}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'female', '2025-01-01', {'years': 56, 'months': 8}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'female', '2026-01-01', {'years': 57, 'months': 0}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'female', '2027-01-01', {'years': 57, 'months': 4}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'female', '2028-01-01', {'years': 57, 'months': 8}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'female', '2029-01-01', {'years': 58, 'months': 0}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'female', '2030-01-01', {'years': 58, 'months': 4}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'female', '2031-01-01', {'years': 58, 'months': 8}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'female', '2032-01-01', {'years': 59, 'months': 0}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'female', '2033-01-01', {'years': 59, 'months': 4}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'female', '2034-01-01', {'years': 59, 'months': 8}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
    ('dues_retirement_age', 'female', '2035-01-01', {'years': 60, 'months': 0}, 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP'),
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
    dependencies = [("dues", "0001_initial"), ("core", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
