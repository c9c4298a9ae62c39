"""The world of the access sweep (tests/test_access_sweep.py) and the shape of a URL sample.

Each area lists the addresses it serves in `tests/<app>/access_samples.py` as `SAMPLES`, a list
of `Sample`s built from the `World` below; the sweep fails for a URL pattern no area lists, so a
new page cannot be added without being swept."""

import io
from collections.abc import Callable
from dataclasses import dataclass, field

import docx
import openpyxl
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from tests import factories
from tests.documents.office import Office
from vanphong.core.models import Clearance
from vanphong.organizations.roles import Role

# Summaries only a reader with the clearance may ever see, in any page, list, search or file.
MARKERS = {
    Clearance.TOP_SECRET: "DauVetToiMat7Q",
    Clearance.ABSOLUTE_SECRET: "DauVetTuyetMat3Z",
}


@dataclass
class Sample:
    """One address to sweep: the URL name, its arguments and query from the world, and whether
    a POST is swept too (a write refused must change nothing)."""

    name: str
    args: Callable[["World"], list] = lambda world: []
    query: str = ""
    post: bool = False
    public: bool = False  # answers an anonymous visitor (the login page)
    post_only: bool = False  # GET answers 405 by design
    tags: set[str] = field(default_factory=set)


class World:
    """The demo's roles (load_demo) on a small tree, and one record of each kind, classified
    ones marked with MARKERS."""

    ROLES = (
        "admin",
        "office_head",
        "specialist",
        "clerk",
        "archivist",
        "accountant",
        "leader",
        "cell_secretary",
        "member",
        "sibling_clerk",
    )

    def __init__(self, tree):
        self.tree = tree
        self.office = office = Office(tree)
        p = tree.province
        admin = factories.user("admin", is_superuser=True, is_staff=True, clearance=3)
        factories.grant(admin, Role.ADMIN, tree.centre)
        self.users = {
            "admin": admin,
            "office_head": factories.user(
                "chanhvanphong", roles=[(Role.OFFICE_HEAD, p)], clearance=2
            ),
            "specialist": factories.user("chuyenvien", roles=[(Role.SPECIALIST, p)], clearance=1),
            "clerk": factories.user("vanthu", roles=[(Role.CLERK, p)], clearance=2),
            "archivist": factories.user("luutru", roles=[(Role.ARCHIVIST, p)], clearance=1),
            "accountant": factories.user("ketoan", roles=[(Role.ACCOUNTANT, p)]),
            "leader": office.leader,  # clearance 3
            "cell_secretary": factories.user(
                "bithuchibo", roles=[(Role.CELL_SECRETARY, tree.cell_a1)]
            ),
            "member": factories.user(
                "dangvien", roles=[(Role.MEMBER, tree.cell_a1)], member_=tree.member_a1
            ),
            "sibling_clerk": office.sibling_clerk,
        }
        self.member = tree.member_a1
        self.term = office.term
        self.incoming = office.register(summary="Báo cáo công tác văn thư")
        self.secret_incoming = office.register(
            confidentiality=Clearance.TOP_SECRET,
            summary=f"Phương án nhân sự {MARKERS[Clearance.TOP_SECRET]}",
        )
        from django.core.files.uploadedfile import SimpleUploadedFile

        from vanphong.documents.services import files

        self.secret_file = files.add_upload(
            office.cleared_clerk, self.secret_incoming, SimpleUploadedFile("mat.pdf", _pdf())
        )
        self.draft = office.draft()
        self.secret_draft = office.draft(
            confidentiality=Clearance.ABSOLUTE_SECRET,
            summary=f"về nhân sự {MARKERS[Clearance.ABSOLUTE_SECRET]}",
        )
        self.issued = office.issued()


def _pdf() -> bytes:
    out = io.BytesIO()
    sheet = canvas.Canvas(out)
    sheet.drawString(72, 720, "Tai lieu mat")
    sheet.showPage()
    sheet.save()
    return out.getvalue()


def text_of(response) -> str:
    """What a reader of the response sees: the page, the JSON, or the text of an XLSX, PDF or
    DOCX file."""
    content_type = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content or b""
    if "spreadsheetml" in content_type:
        workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        return " ".join(
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    if content_type.startswith("application/pdf"):
        return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(body)).pages)
    if "wordprocessingml" in content_type:
        return " ".join(p.text for p in docx.Document(io.BytesIO(body)).paragraphs)
    return body.decode("utf-8", errors="replace")
