"""LibreOffice may take two minutes to convert a DOCX: it never runs inside a transaction holding
row locks, so the office goes on numbering and sealing while a conversion runs (on SQLite and on
PostgreSQL). The converter is a stand-in program that waits until the test lets it finish."""

import stat
import threading
import time

import pytest
from django.db import connection

from tests import factories
from vanphong.documents.models import FileRole, OutgoingStatus
from vanphong.documents.services import dispatch, files, outgoing
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db(transaction=True)
WAIT = 30  # seconds: far more than any of these steps needs when nothing blocks it


@pytest.fixture
def slow_soffice(settings, tmp_path):
    """A converter that says it started, then waits for `release` before writing its PDF."""
    started, release = tmp_path / "started", tmp_path / "release"
    script = tmp_path / "soffice"
    script.write_text(
        "#!/usr/bin/env python3\n"
        "import pathlib, sys, time\n"
        f"pathlib.Path({str(started)!r}).touch()\n"
        f"release = pathlib.Path({str(release)!r})\n"
        f"deadline = time.monotonic() + {WAIT * 2}\n"
        "while not release.exists() and time.monotonic() < deadline:\n"
        "    time.sleep(0.05)\n"
        "args = sys.argv[1:]\n"
        "out = pathlib.Path(args[args.index('--outdir') + 1])\n"
        "(out / (pathlib.Path(args[-1]).stem + '.pdf')).write_bytes(b'%PDF-1.4\\n%%EOF\\n')\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    settings.SOFFICE_BINARY = str(script)
    settings.SOFFICE_TIMEOUT = WAIT * 3
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return started, release


def _in_thread(work):
    outcome = {}

    def run():
        try:
            outcome["value"] = work()
        except Exception as exc:  # noqa: BLE001 — reported by the test
            outcome["error"] = exc
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _wait_for(path, seconds=WAIT):
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, "the conversion never started"
        time.sleep(0.05)


def test_another_clerk_numbers_and_seals_while_a_pdf_is_made(office, slow_soffice):
    started, release = slow_soffice
    converted = office.issued()
    assert converted.files.filter(role=FileRole.ISSUED_DOCX).exists()
    waiting = office.signed()
    other_clerk = factories.user("vt2", roles=[(Role.CLERK, office.tree.province)])

    conversion, made = _in_thread(lambda: files.issued_pdf(office.clerk, converted))
    try:
        _wait_for(started)

        def number_and_seal():
            issued = outgoing.issue(acting_user=other_clerk, document=waiting)
            # The converted document's own row is free too: the seal log locks it.
            dispatch.apply_seal(acting_user=other_clerk, document=converted, copies=2)
            return issued

        work, done = _in_thread(number_and_seal)
        work.join(WAIT)
        assert not work.is_alive(), "the other clerk was kept waiting by the conversion"
        assert "error" not in done, done.get("error")
        assert conversion.is_alive()  # all of it happened while LibreOffice was still at work
        assert done["value"].status == OutgoingStatus.ISSUED and done["value"].number == 2
    finally:
        release.touch()
        conversion.join(WAIT)
    assert "error" not in made, made.get("error")
    assert made["value"].role == FileRole.ISSUED_PDF
    assert converted.files.filter(role=FileRole.ISSUED_PDF).count() == 1
    assert converted.seal_uses.get().copies == 2


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's in-memory test database refuses a second writer at once instead of waiting",
)
def test_two_clerks_making_the_pdf_at_once_keep_one_file(office, slow_soffice):
    started, release = slow_soffice
    converted = office.issued()
    other_clerk = factories.user("vt2", roles=[(Role.CLERK, office.tree.province)])
    first, one = _in_thread(lambda: files.issued_pdf(office.clerk, converted))
    second, two = _in_thread(lambda: files.issued_pdf(other_clerk, converted))
    _wait_for(started)
    release.touch()
    first.join(WAIT)
    second.join(WAIT)
    assert "error" not in one and "error" not in two, (one, two)
    assert one["value"].pk == two["value"].pk
    assert converted.files.filter(role=FileRole.ISSUED_PDF).count() == 1
