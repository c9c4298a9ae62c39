import datetime

import pytest

from tests.factories import user
from vanphong.core import rules
from vanphong.core.models import AuditEntry, DatedRule
from vanphong.documents import rule_seeds

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _seed_rows(db):
    """The data migration loads these; transactional tests elsewhere may have flushed them."""
    rule_seeds.load(DatedRule)


def test_document_types_of_399_are_loaded():
    table = rules.table_as_of("document_type", datetime.date(2026, 2, 1))

    assert table["nghi_quyet"]["abbreviation"] == "NQ"
    assert table["cong_van"]["abbreviation"] == "CV"
    assert table["quy_dinh"]["name"] == "Quy định"
    assert len(table) == 33


def test_rules_are_looked_up_as_of_a_date():
    """GIVEN Quy định abbreviated QĐi from 2018 and QĐ from 09/01/2026
    WHEN looked up before and after THEN each date gets the rule then in force."""
    admin = user("admin", is_superuser=True)
    rules.set_rule(
        acting_user=admin,
        table="document_type",
        key="quy_dinh",
        effective_from=datetime.date(2018, 1, 1),
        value={"name": "Quy định", "abbreviation": "QĐi"},
        source="08-QĐi/TW",
    )

    def abbr(day):
        return rules.value_as_of("document_type", "quy_dinh", day)["abbreviation"]

    assert abbr(datetime.date(2018, 10, 25)) == "QĐi"
    assert abbr(datetime.date(2026, 1, 8)) == "QĐi"
    assert abbr(datetime.date(2026, 1, 9)) == "QĐ"
    assert rules.value_as_of("document_type", "quy_dinh", datetime.date(2017, 1, 1)) is None
    assert AuditEntry.objects.filter(action="rule.set", actor=admin).count() == 1


def test_a_second_version_on_the_same_date_is_refused_and_changes_nothing():
    count = DatedRule.objects.count()

    with pytest.raises(rules.RuleError) as error:
        rules.set_rule(
            acting_user=None,
            table="document_type",
            key="nghi_quyet",
            effective_from=datetime.date(2026, 1, 9),
            value={"name": "Nghị quyết", "abbreviation": "NQu"},
        )

    assert error.value.code == "duplicate_version"
    assert DatedRule.objects.count() == count
    assert not AuditEntry.objects.exists()


def test_rule_tables_are_kept_per_process_and_cleared_by_a_change(settings, admin_user):
    """With the cache on, a row written behind the application's back is seen only after the
    cache time; a change made through set_rule is seen at once."""
    settings.RULES_CACHE_SECONDS = 30
    rules.clear_cache()
    day = datetime.date(2026, 2, 1)
    assert rules.value_as_of("document_type", "nghi_quyet", day)["abbreviation"] == "NQ"
    DatedRule.objects.create(
        table="document_type",
        key="nghi_quyet",
        effective_from=datetime.date(2026, 1, 20),
        value={"name": "Nghị quyết", "abbreviation": "NQx", "administrative": False},
    )
    assert rules.value_as_of("document_type", "nghi_quyet", day)["abbreviation"] == "NQ"
    rules.set_rule(
        acting_user=admin_user,
        table="document_type",
        key="ket_luan",
        effective_from=datetime.date(2026, 1, 25),
        value={"name": "Kết luận", "abbreviation": "KLu", "administrative": False},
    )
    assert rules.value_as_of("document_type", "ket_luan", day)["abbreviation"] == "KLu"
    assert rules.value_as_of("document_type", "nghi_quyet", day)["abbreviation"] == "NQx"
    rules.clear_cache()
