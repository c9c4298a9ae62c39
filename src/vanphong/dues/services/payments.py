"""Payments of a month's dues: cash to the cell, numbered on the cell's receipt register of the
year, or on the national public-services portal with its reference. The line is locked while a
payment is recorded, so two people recording the same month cannot both be taken."""

import datetime

from django.db import transaction

from vanphong.core import audit, numbering
from vanphong.core.formats import money_vn
from vanphong.dues.errors import DuesError
from vanphong.dues.models import Channel, LedgerLine, Payment
from vanphong.dues.services.common import amount, ensure_record
from vanphong.organizations.services.members import today


def receipt_key(year: int) -> str:
    return f"dues-receipt:{year}"


def record_payment(
    *,
    acting_user,
    line: LedgerLine,
    value,
    paid_on: datetime.date | None = None,
    channel: str = Channel.CASH,
    reference: str = "",
) -> Payment:
    """Record what was paid for the line's month. Refused, with nothing saved: an amount that is
    not a positive whole number of đồng, a month already paid or with nothing due, more than
    what is owed, a date in the future or before the month, the portal without its reference."""
    ensure_record(acting_user, line.organization)
    number = amount(value)
    paid_on = paid_on or today()
    month_label = line.month.strftime("%m/%Y")
    if channel not in Channel.values:
        raise DuesError(DuesError.UNKNOWN_CHANNEL)
    reference = (reference or "").strip()
    if channel == Channel.PORTAL and not reference:
        raise DuesError(DuesError.REFERENCE_NEEDED)
    if paid_on > today():
        raise DuesError(DuesError.PAID_IN_FUTURE)
    if paid_on < line.month:
        raise DuesError(DuesError.PAID_BEFORE_MONTH, month=month_label)
    with transaction.atomic():
        locked = LedgerLine.objects.select_for_update().get(pk=line.pk)
        if locked.due == 0:
            raise DuesError(DuesError.NOTHING_DUE, month=month_label)
        if locked.paid >= locked.due:
            raise DuesError(DuesError.ALREADY_PAID, month=month_label)
        if number > locked.due - locked.paid:
            raise DuesError(
                DuesError.MORE_THAN_DUE,
                amount=money_vn(number),
                month=month_label,
                owed=money_vn(locked.due - locked.paid),
            )
        receipt = None
        if channel == Channel.CASH:
            _seq, receipt = numbering.allocate(
                locked.organization, receipt_key(paid_on.year), "Biên lai thu đảng phí"
            )
        with audit.change(
            acting_user, None, "dues.payment", organization=locked.organization
        ) as rec:
            rec.target = Payment.objects.create(
                line=locked,
                amount=number,
                paid_on=paid_on,
                channel=channel,
                reference=reference,
                receipt_number=receipt,
                recorded_by=acting_user
                if getattr(acting_user, "is_authenticated", False)
                else None,
            )
        with audit.change(acting_user, locked, "dues.paid", organization=locked.organization):
            locked.paid += number
            locked.save(update_fields=["paid"])
    line.paid = locked.paid
    return rec.target
