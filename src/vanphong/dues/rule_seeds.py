"""First rows of the party dues' rule tables (dues.rule_tables). Migration 0002 carries a frozen
copy and loads it; `load` puts them back in a flushed database (the demo, tests).
Sources and readings: docs/rules/dues.md."""

import datetime

from vanphong.core.rules import load_rows

LEGACY = datetime.date(2011, 1, 1)  # 342-QĐ/TW (28/12/2010), for the months before 01-QĐ/TW
REGULATION_2026 = datetime.date(2026, 2, 1)  # 01-QĐ/TW: from the month of February 2026
STEP_2028 = datetime.date(2028, 1, 1)  # 01-QĐ/TW: the higher shares of the minimum wage
WAGES_2026 = datetime.date(2026, 1, 1)
SOURCE_LEGACY = "Quy định 342-QĐ/TW (28/12/2010)"
SOURCE_LEGACY_FIXED = (
    "Quy định 342-QĐ/TW: mức cố định 2.000–30.000 đ theo đối tượng (50% khi hết tuổi lao động); "
    "mức cụ thể do VanPhong đặt tạm, chưa đối chiếu văn bản (sửa được)"
)
SOURCE_2026 = "Quy định 01-QĐ/TW (03/02/2026) về chế độ đảng phí"
SOURCE_WAGES = "Nghị định 293/2025/NĐ-CP (chưa đối chiếu bản gốc)"
SOURCE_RETIREMENT = "Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP"
SOURCE_PRACTICE = "VanPhong: chưa có văn bản quy định (sửa được)"


def _income(per_10000: int, previous_month: bool) -> dict:
    return {"basis": "income", "per_10000": per_10000, "previous_month": previous_month}


def _wage(per_10000: int) -> dict:
    return {"basis": "minimum_wage", "per_10000": per_10000, "previous_month": False}


ROWS = [
    # the legacy rates (342-QĐ/TW)
    ("dues_rate", "social_insurance", LEGACY, _income(100, False), SOURCE_LEGACY),
    ("dues_rate", "sickness", LEGACY, _income(100, False), SOURCE_LEGACY),
    ("dues_rate", "pension", LEGACY, _income(50, False), SOURCE_LEGACY),
    ("dues_rate", "student", LEGACY, {"fixed": 2000}, SOURCE_LEGACY_FIXED),
    ("dues_rate", "other_working", LEGACY, {"fixed": 5000}, SOURCE_LEGACY_FIXED),
    ("dues_rate", "other_retired", LEGACY, {"fixed": 2500}, SOURCE_LEGACY_FIXED),
    # 01-QĐ/TW
    ("dues_rate", "social_insurance", REGULATION_2026, _income(100, True), SOURCE_2026),
    ("dues_rate", "sickness", REGULATION_2026, _income(100, False), SOURCE_2026),
    ("dues_rate", "pension", REGULATION_2026, _income(50, False), SOURCE_2026),
    ("dues_rate", "student", REGULATION_2026, {"fixed": 5000}, SOURCE_2026),
    ("dues_rate", "other_working", REGULATION_2026, _wage(30), SOURCE_2026),
    ("dues_rate", "other_retired", REGULATION_2026, _wage(20), SOURCE_2026),
    ("dues_rate", "other_working", STEP_2028, _wage(50), SOURCE_2026),
    ("dues_rate", "other_retired", STEP_2028, _wage(30), SOURCE_2026),
    # regional minimum wages
    ("dues_minimum_wage", "I", WAGES_2026, {"amount": 5_310_000}, SOURCE_WAGES),
    ("dues_minimum_wage", "II", WAGES_2026, {"amount": 4_730_000}, SOURCE_WAGES),
    ("dues_minimum_wage", "III", WAGES_2026, {"amount": 4_140_000}, SOURCE_WAGES),
    ("dues_minimum_wage", "IV", WAGES_2026, {"amount": 3_700_000}, SOURCE_WAGES),
    # exemptions and reductions
    ("dues_exemption", "membership", REGULATION_2026, {"years": 50}, SOURCE_2026),
    ("dues_exemption", "social_pension", REGULATION_2026, {"max_months": 0}, SOURCE_2026),
    ("dues_exemption", "poor_household", REGULATION_2026, {"max_months": 0}, SOURCE_2026),
    ("dues_exemption", "serious_illness", REGULATION_2026, {"max_months": 0}, SOURCE_2026),
    ("dues_exemption", "hardship", LEGACY, {"max_months": 12}, SOURCE_LEGACY),
    ("dues_exemption", "hardship", REGULATION_2026, {"max_months": 12}, SOURCE_2026),
    ("dues_reduction", "hardship", LEGACY, {"percents": [50], "max_months": 12}, SOURCE_LEGACY),
    (
        "dues_reduction",
        "hardship",
        REGULATION_2026,
        {"percents": [30, 50, 70], "max_months": 12},
        SOURCE_2026,
    ),
    # settings
    ("dues_setting", "rounding", LEGACY, {"mode": "half_up", "unit": 1}, SOURCE_PRACTICE),
    ("dues_setting", "flag", LEGACY, {"unpaid_months": 3}, SOURCE_2026),
]


def _retirement_rows() -> list:
    """The Labour Code's steps: men 60 years 3 months in 2021, 3 months more a year up to 62 in
    2028; women 55 years 4 months in 2021, 4 months more a year up to 60 in 2035."""
    rows = []
    for year in range(2021, 2029):
        months = 3 * (year - 2021) + 3
        value = {"years": 60 + months // 12, "months": months % 12}
        rows.append(("dues_retirement_age", "male", datetime.date(year, 1, 1), value))
    for year in range(2021, 2036):
        months = 4 * (year - 2021) + 4
        value = {"years": 55 + months // 12, "months": months % 12}
        rows.append(("dues_retirement_age", "female", datetime.date(year, 1, 1), value))
    return [(*row, SOURCE_RETIREMENT) for row in rows]


ROWS += _retirement_rows()


def rows() -> list[dict]:
    return [
        {"table": t, "key": k, "effective_from": d, "value": v, "source": s}
        for t, k, d, v, s in ROWS
    ]


def load(model) -> None:
    """Insert the first rows if missing. `model` is DatedRule (or its migration-time version)."""
    load_rows(model, rows())
