"""The dues area's addresses for the access sweep (tests/test_access_sweep.py): cell A1's month
of November 2026 computed by the system, one line for its member."""

import datetime

from tests.access_sweep_support import Sample

NOV = datetime.date(2026, 11, 1)


def _line(world):
    if not hasattr(world, "_dues_line"):
        from vanphong.dues.models import LedgerLine
        from vanphong.dues.services import ledger, profile

        profile.set_category(
            acting_user=None, member=world.member, category="student", starts_on=NOV
        )
        ledger.compute_month(acting_user=None, organization=world.tree.cell_a1, month=NOV)
        world._dues_line = LedgerLine.objects.get(member=world.member, month=NOV)
    return world._dues_line


SAMPLES = [
    Sample("dues:home"),
    Sample("dues:month", lambda w: [(_line(w), w.tree.cell_a1)[1].pk, 2026, 11]),
    Sample("dues:compute", lambda w: [w.tree.cell_a1.pk, 2026, 11], post=True, post_only=True),
    Sample("dues:pay", lambda w: [_line(w).pk], post=True, post_only=True),
    Sample("dues:flagged"),
    Sample("dues:mine"),
    Sample("dues:rollup"),
    Sample("dues:rollup", query="nam=abc"),
]
