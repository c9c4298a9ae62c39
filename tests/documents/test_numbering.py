"""Party numbering (docs/rules/party-documents.md §3; invariant 2, docs/architecture.md): per
type per committee term, congress sequence, classified documents in their type's sequence,
cancelled numbers never reused."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from vanphong.core import rules
from vanphong.core.models import CancelledNumber, Clearance
from vanphong.documents.models import Congress, IncomingDocument, OutgoingStatus
from vanphong.documents.services import outgoing
from vanphong.documents.services.errors import DocumentError
from vanphong.documents.symbols import format_symbol, number_line, parse_party_symbol
from vanphong.organizations.models import CommitteeTerm

DAY = datetime.date(2025, 11, 3)


def test_symbols_d1_d7():
    assert number_line(format_symbol(15, "NQ", "TU")) == "Số 15-NQ/TU"
    assert number_line(format_symbol(141, "CV", "VPTW")) == "Số 141-CV/VPTW"
    assert format_symbol(1, "QĐ", "TW") == "01-QĐ/TW"
    assert parse_party_symbol("Số: 12/QĐ-UBND") is None
    assert parse_party_symbol("12/QĐ-UBND") is None
    assert parse_party_symbol("Số 12-QĐ/ĐU") == (12, "QĐ", "ĐU")
    assert parse_party_symbol("08-QĐi/TW") == (8, "QĐi", "TW")


def test_numbers_per_type_and_classified_shares_its_type(office):
    """D4: a classified NQ issued after NQ 12 is numbered 13; other types count on their own."""
    for _ in range(12):
        office.issued(on=DAY)
    kl = office.issued(on=DAY, doc_type="ket_luan")
    secret = office.issued(on=DAY, confidentiality=Clearance.SECRET)
    assert kl.symbol == "01-KL/TU"
    assert secret.number == 13 and secret.symbol == "13-NQ/TU"


def test_quyet_dinh_and_quy_dinh_share_qd_until_qdi_is_dated_in(office, admin_user):
    """docs/rules/party-documents.md §1, §3: at TW Quyết định and Quy định share one QĐ sequence;
    QĐi is a setting."""
    first = office.issued(on=DAY, doc_type="quyet_dinh")
    second = office.issued(on=DAY, doc_type="quy_dinh")
    assert (first.symbol, second.symbol) == ("01-QĐ/TU", "02-QĐ/TU")
    rules.set_rule(
        acting_user=admin_user,
        table="document_type",
        key="quy_dinh",
        effective_from=DAY + datetime.timedelta(days=1),
        value={"name": "Quy định", "abbreviation": "QĐi", "administrative": False},
    )
    later = office.issued(on=DAY + datetime.timedelta(days=2), doc_type="quy_dinh")
    qd = office.issued(on=DAY + datetime.timedelta(days=2), doc_type="quyet_dinh")
    assert later.symbol == "01-QĐi/TU"
    assert qd.symbol == "03-QĐ/TU"


def test_new_term_restarts_every_sequence(office):
    office.term.ends_on = datetime.date(2025, 12, 31)
    office.term.save()
    CommitteeTerm.objects.create(
        organization=office.tree.province, name="2026–2031", starts_on=datetime.date(2026, 1, 1)
    )
    office.issued(on=datetime.date(2025, 12, 30))
    last_old = office.issued(on=datetime.date(2025, 12, 31))
    first_new = office.issued(on=datetime.date(2026, 1, 1))
    assert last_old.number == 2 and first_new.number == 1
    assert first_new.term.name == "2026–2031"


def test_no_term_means_no_number_and_nothing_changes(office):
    document = office.signed()
    document.signed_at = document.signed_at.replace(year=2024)
    document.save()
    with pytest.raises(DocumentError) as error:
        outgoing.issue(acting_user=office.clerk, document=document, on=datetime.date(2025, 1, 1))
    assert error.value.code == "no_term"
    assert "Đảng bộ tỉnh Lào Cai" in error.value.message and "01/01/2025" in error.value.message
    document.refresh_from_db()
    assert document.status == OutgoingStatus.SIGNED and document.number is None


def test_office_unit_numbers_by_its_committees_term(office):
    from tests import factories
    from vanphong.organizations.models import OrgKind

    unit = factories.org(office.tree.province, "Văn phòng Tỉnh ủy", "VPTU", OrgKind.DEPARTMENT)
    document = office.issued(on=DAY, organization=unit, doc_type="cong_van")
    assert document.symbol == "01-CV/VPTU"
    assert document.term == office.term


def test_congress_has_one_sequence_for_all_types(office):
    congress = Congress.objects.create(
        organization=office.tree.province,
        name="Đại hội đại biểu Đảng bộ tỉnh lần thứ I",
        opens_on=datetime.date(2025, 9, 28),
        closes_on=datetime.date(2025, 9, 30),
    )
    day = datetime.date(2025, 9, 29)
    a = office.issued(on=day, congress=congress, doc_type="nghi_quyet")
    b = office.issued(on=day, congress=congress, doc_type="bien_ban")
    c = office.issued(on=day, congress=congress, doc_type="nghi_quyet")
    assert [a.symbol, b.symbol, c.symbol] == ["01-NQ/ĐH", "02-BB/ĐH", "03-NQ/ĐH"]
    outside = office.signed(congress=congress)
    outside.signed_at = outside.signed_at.replace(year=2024)
    outside.save()
    with pytest.raises(DocumentError) as error:
        outgoing.issue(acting_user=office.clerk, document=outside, on=DAY)
    assert error.value.code == "congress_dates"


def test_cancelled_number_is_recorded_and_never_reused(office):
    first = office.issued(on=DAY)
    outgoing.cancel(acting_user=office.clerk, document=first, reason="Ban hành nhầm")
    second = office.issued(on=DAY)
    assert second.number == 2
    cancelled = CancelledNumber.objects.get()
    assert (cancelled.number, cancelled.reason) == (1, "Ban hành nhầm")
    first.refresh_from_db()
    assert first.status == OutgoingStatus.CANCELLED and first.symbol == "01-NQ/TU"


def test_cancel_needs_a_reason(office):
    document = office.issued(on=DAY)
    with pytest.raises(DocumentError):
        outgoing.cancel(acting_user=office.clerk, document=document, reason="  ")
    assert not CancelledNumber.objects.exists()


def test_incoming_numbers_restart_each_year(office):
    a = office.register(received_at=timezone.make_aware(datetime.datetime(2025, 12, 31, 9)))
    b = office.register(received_at=timezone.make_aware(datetime.datetime(2025, 12, 31, 16)))
    c = office.register(
        received_at=timezone.make_aware(datetime.datetime(2026, 1, 2, 8)),
        document_date=datetime.date(2025, 12, 30),
    )
    assert [(a.year, a.number), (b.year, b.number), (c.year, c.number)] == [
        (2025, 1),
        (2025, 2),
        (2026, 1),
    ]


def test_next_number_creates_the_register_once(office):
    from django.db import transaction

    from vanphong.core import numbering
    from vanphong.core.models import NumberSequence
    from vanphong.documents.services.incoming import incoming_key

    key, label = incoming_key(2024)
    first = office.register(
        received_at=timezone.make_aware(datetime.datetime(2024, 5, 2, 9)),
        document_date=datetime.date(2024, 5, 1),
    )
    register = NumberSequence.objects.get(organization=office.tree.province, key=key)
    assert (first.number, register.last_number, register.label) == (1, 1, label)
    with transaction.atomic():  # an expression on PostgreSQL: nothing is taken until the INSERT
        numbering.next_number(office.tree.province, key, label)
    register.refresh_from_db()
    assert register.last_number == (1 if connection.vendor == "postgresql" else 2)


def test_a_registration_rolled_back_gives_its_number_back(office):
    from django.db import transaction

    office.register()
    with pytest.raises(InterruptedError), transaction.atomic():
        taken = office.register()
        assert taken.number == 2
        raise InterruptedError  # anything after the number fails: the transaction rolls back
    assert office.register().number == 2
    assert not IncomingDocument.objects.filter(number=0).exists()


@pytest.mark.django_db(transaction=True)
def test_next_number_outside_the_records_transaction_is_refused(office):
    from vanphong.core import numbering
    from vanphong.core.models import NumberSequence

    with pytest.raises(RuntimeError):
        numbering.next_number(office.tree.province, "incoming:2024", "Sổ 2024")
    assert not NumberSequence.objects.filter(key="incoming:2024").exists()
