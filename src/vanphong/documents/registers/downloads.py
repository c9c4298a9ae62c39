"""What the register pages and the API share: the file formats, the file names, and the rule
that a register listing classified documents is a logged view (or download) of each of them."""

from django.utils.text import slugify

from vanphong.core import vntext
from vanphong.documents.registers import build, pdf, xlsx
from vanphong.documents.services import files

FORMATS = {
    "xlsx": (xlsx.write, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pdf": (pdf.write, "application/pdf"),
}
FILE_NAMES = {"incoming": "so-van-ban-den", "outgoing": "so-van-ban-di", "seal": "so-con-dau"}
CLASSIFIED_SOURCES = {
    "incoming": build.incoming_documents,
    "outgoing": build.outgoing_documents,
}


def log_classified(user, kind, organization, period, how) -> None:
    source = CLASSIFIED_SOURCES.get(kind)
    if source is None:
        return
    for document in source(user, organization, period).filter(confidentiality__gt=0):
        files.log_access(user, document, how)


def file_name(kind: str, organization, period, fmt: str) -> str:
    """ "so-van-ban-den_tu_20260101-20261231.xlsx" """
    code = slugify(vntext.fold(organization.code)) or "don-vi"
    return f"{FILE_NAMES[kind]}_{code}_{period.start:%Y%m%d}-{period.end:%Y%m%d}.{fmt}"
