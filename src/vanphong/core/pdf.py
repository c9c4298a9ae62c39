"""DOCX → PDF through LibreOffice in headless mode, for every area's party-format files.

Each conversion runs its own `soffice` with its own throw-away user profile: two conversions that
share a profile at the same moment can silently lose one. A conversion that hangs is
stopped after `settings.SOFFICE_TIMEOUT` seconds (default 120), together with the processes it
started (the `soffice` wrapper forks `soffice.bin`, so the whole process group is ended).
"""

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from vanphong.core.errors import ServiceError

__all__ = ["PdfConversionError", "docx_to_pdf", "soffice_available"]

DEFAULT_TIMEOUT_SECONDS = 120


class PdfConversionError(ServiceError):
    NOT_INSTALLED = (
        "soffice_missing",
        _(
            "LibreOffice is not installed on the server, so the PDF cannot be made. The DOCX file is still available."
        ),
    )
    FAILED = (
        "soffice_failed",
        _(
            "LibreOffice could not convert the document to PDF. Try again; if it fails again, tell the administrator."
        ),
    )
    TIMED_OUT = (
        "soffice_timeout",
        _(
            "LibreOffice took more than %(seconds)s seconds to convert the document to PDF and was stopped."
        ),
    )


def soffice_binary() -> str | None:
    """The full path of LibreOffice's `soffice`, or None when it is not installed."""
    return shutil.which(getattr(settings, "SOFFICE_BINARY", "soffice") or "soffice")


def soffice_available() -> bool:
    return soffice_binary() is not None


def docx_to_pdf(docx: bytes) -> bytes:
    """The PDF of a DOCX file; raises PdfConversionError when LibreOffice is missing or fails."""
    binary = soffice_binary()
    if binary is None:
        raise PdfConversionError(PdfConversionError.NOT_INSTALLED)
    timeout = getattr(settings, "SOFFICE_TIMEOUT", DEFAULT_TIMEOUT_SECONDS)
    with tempfile.TemporaryDirectory(prefix="vanphong-soffice-") as scratch:
        scratch = Path(scratch)
        source = scratch / "document.docx"
        source.write_bytes(docx)
        output_dir = scratch / "out"
        output_dir.mkdir()
        command = [
            binary,
            f"-env:UserInstallation={(scratch / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(output_dir),
            str(source),
        ]
        _run(command, timeout=timeout, cwd=scratch)
        target = output_dir / "document.pdf"
        # soffice answers 0 even when it could not load or convert the file: check the result.
        if not target.is_file() or not target.read_bytes().startswith(b"%PDF-"):
            raise PdfConversionError(PdfConversionError.FAILED)
        return target.read_bytes()


def _run(command: list[str], *, timeout: float, cwd: Path) -> None:
    environment = dict(os.environ, HOME=str(cwd))  # nothing written to the service user's home
    try:
        process = subprocess.Popen(  # noqa: S603 — our converter, argument list, no shell
            command,
            cwd=cwd,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as error:
        raise PdfConversionError(PdfConversionError.NOT_INSTALLED) from error
    try:
        process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as error:
        _kill_group(process)
        raise PdfConversionError(PdfConversionError.TIMED_OUT, seconds=timeout) from error
    except BaseException:
        _kill_group(process)
        raise
    if process.returncode != 0:
        raise PdfConversionError(PdfConversionError.FAILED)


def _kill_group(process: subprocess.Popen) -> None:
    """End the soffice we started and what it forked (its own session, so its own group)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
