"""Reader watermarks: every page of a PDF handed to a reader carries who opened it and when.

The stamp (the name across the page diagonal, and once more in small type at its foot, where text
extraction can read it) is drawn by reportlab on a transparent page of the same size and merged ON TOP of each
page with pypdf (a full-page scan would hide anything drawn underneath), light grey and
half-transparent so the document stays readable. The text is real text in an embedded TrueType
font with Vietnamese glyphs, so the name keeps its diacritics and a copy can be traced by
searching for it. Without such a font the name is written without diacritics in Helvetica
(and a warning logged): a watermark is never left out.
"""

import datetime
import functools
import hashlib
import io
import logging
import math
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader, PdfWriter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from vanphong.core import vntext
from vanphong.core.errors import ServiceError

logger = logging.getLogger(__name__)


class WatermarkError(ServiceError):
    MALFORMED = (
        "malformed_pdf",
        _("The PDF file cannot be read: it is damaged or not a PDF."),
    )
    ENCRYPTED = (
        "encrypted_pdf",
        _("The PDF file is protected by a password, so the reader's watermark cannot be added."),
    )


# Searched in this order after settings.WATERMARK_FONT; each is used only if it has every glyph
# of the text (Liberation 1, for instance, lacks most Vietnamese letters).
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSerif.ttf",
    "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/times.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
FALLBACK_FONT = "Helvetica"
_GREY = 0.55
_ALPHA = 0.35
_MAX_SIZE = 54
_MIN_SIZE = 9
_FOOTER_SIZE = 8
_FOOTER_MARGIN = 12


def reader_stamp(name: str, when: datetime.datetime | None = None) -> str:
    """'Nguyễn Văn Hùng — 23/11/2026 14:05', the time in the local time zone."""
    moment = timezone.localtime(when or timezone.now())
    return f"{vntext.canonical(name)} — {moment:%d/%m/%Y %H:%M}"


@functools.lru_cache(maxsize=32)
def _load_font(path: str) -> tuple[str, frozenset[int]] | None:
    """Register a TrueType font once; its reportlab name and the characters it can draw."""
    if not path or not Path(path).is_file():
        return None
    font_name = (
        "VanPhongWatermark-" + hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()[:10]
    )
    try:
        font = TTFont(font_name, path)
    except Exception:  # reportlab raises TTFError, struct.error, … on a bad or unsupported font
        logger.warning("Cannot use %s as the watermark font", path, exc_info=True)
        return None
    pdfmetrics.registerFont(font)
    return font_name, frozenset(font.face.charToGlyph)


def font_for(text: str) -> tuple[str, str]:
    """(reportlab font name, text to draw): the first font that has every glyph of the text,
    else Helvetica and the text without diacritics. Cached: fonts are read once per process."""
    configured = getattr(settings, "WATERMARK_FONT", "") or ""
    return _font_for(configured, tuple(FONT_CANDIDATES), text)


@functools.lru_cache(maxsize=1024)
def _font_for(configured: str, candidates: tuple[str, ...], text: str) -> tuple[str, str]:
    needed = {ord(ch) for ch in text if not ch.isspace()}
    for path in ([configured] if configured else []) + list(candidates):
        loaded = _load_font(path)
        if loaded and needed <= loaded[1]:
            return loaded[0], text
        if path == configured:
            logger.warning("WATERMARK_FONT %s is missing or lacks glyphs for %r", path, text)
    logger.warning("No TrueType font with the glyphs of %r: watermark without diacritics", text)
    folded = vntext.fold(text).replace("—", "-")
    plain = "".join(ch if ord(ch) < 256 else "?" for ch in folded)
    return FALLBACK_FONT, plain


def _overlay(width: float, height: float, font: str, text: str):
    """A transparent page of this size with the text on its diagonal, as a pypdf page."""
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=(width, height))
    diagonal = math.hypot(width, height)
    size = 0.8 * diagonal / max(pdfmetrics.stringWidth(text, font, 1), 1)
    size = max(_MIN_SIZE, min(_MAX_SIZE, size))
    sheet.saveState()
    sheet.setFillGray(_GREY)
    sheet.setFillAlpha(_ALPHA)
    sheet.setFont(font, size)
    sheet.translate(width / 2, height / 2)
    sheet.rotate(math.degrees(math.atan2(height, width)))
    sheet.drawCentredString(0, -size / 3, text)
    sheet.restoreState()
    # The same words once more, small and level at the foot of the page: text extraction and
    # search read level lines only (pdftotext splits diagonal text into single letters).
    small = max(4, min(_FOOTER_SIZE, 0.9 * width / max(pdfmetrics.stringWidth(text, font, 1), 1)))
    sheet.setFillGray(_GREY)
    sheet.setFillAlpha(_ALPHA * 2)
    sheet.setFont(font, small)
    sheet.drawCentredString(width / 2, min(_FOOTER_MARGIN, height / 4), text)
    sheet.showPage()
    sheet.save()
    return PdfReader(io.BytesIO(buffer.getvalue())).pages[0]


def watermark_pdf(pdf: bytes, text: str) -> bytes:
    """Stamp `text` across every page of `pdf`; raise `WatermarkError` if it cannot be read."""
    font, drawn = font_for(vntext.canonical(text))
    try:
        reader = PdfReader(io.BytesIO(pdf))
        if reader.is_encrypted and not reader.decrypt(""):
            raise WatermarkError(WatermarkError.ENCRYPTED)
        writer = PdfWriter(clone_from=reader)
        if not writer.pages:
            raise WatermarkError(WatermarkError.MALFORMED)
        overlays = {}
        for page in writer.pages:
            if page.rotation:
                page.transfer_rotation_to_content()  # so "diagonal" is as the reader sees it
            box = page.cropbox
            key = (float(box.left), float(box.bottom), float(box.width), float(box.height))
            if key not in overlays:
                overlays[key] = _overlay(key[2], key[3], font, drawn)
            if key[0] or key[1]:
                page.merge_translated_page(overlays[key], key[0], key[1], over=True)
            else:
                page.merge_page(overlays[key], over=True)
        out = io.BytesIO()
        writer.write(out)
    except WatermarkError:
        raise
    except Exception:
        # pypdf reports damage through many exception types (PdfReadError, KeyError, zlib.error,
        # RecursionError…), depending on where it meets it: all of them mean "cannot be read".
        logger.info("Cannot watermark a PDF", exc_info=True)
        raise WatermarkError(WatermarkError.MALFORMED) from None
    return out.getvalue()
