"""The records demo (decision 0013: built on purpose for any reference day). For Đảng bộ tỉnh
Phú Thọ, with Y the reference day's year:

- last year's file plan (Y-1) of five rows; a file is opened for each row that has documents
  of Y-1 of its kind, which it holds, and closed on 31/12/Y-1; those `luutru` is cleared for,
  but file 05, are handed over to the archive in one hand-over (on 15/01/Y, or the reference
  day if earlier), received by `luutru`; file 05 and any file above `luutru`'s clearance wait,
  closed, in the list of files due (due 31/12/Y); one handed-over file is out on loan to
  `chuyenvien` (approved by `chanhvanphong`, handed out by `luutru`, due back in 10 days);
- this year's plan (Y) drafted from last year's, its five files opened and holding
  the province's documents of Y so far, open.
Runs once, after the documents' demo.
"""

import datetime

from django.db import transaction

from vanphong.core import access
from vanphong.core.models import DatedRule, User
from vanphong.documents.models import IncomingDocument, OutgoingDocument, OutgoingStatus
from vanphong.organizations.models import Organization
from vanphong.records import rule_seeds
from vanphong.records.access import RecordAction
from vanphong.records.models import FilePlan, FileStatus
from vanphong.records.services import files, handover, loans, plans

PROVINCE = "Đảng bộ tỉnh Phú Thọ"
WAITING = "05"  # last year's file kept back from the hand-over: the list of files due shows it
RESOLUTIONS = {"nghi_quyet", "quyet_dinh", "chi_thi", "ket_luan", "quy_dinh", "quy_che"}
REPORTS = {"bao_cao", "ke_hoach", "chuong_trinh", "de_an", "to_trinh"}
GUIDANCE = {"nghi_quyet", "quyet_dinh", "chi_thi", "ket_luan", "quy_dinh", "huong_dan"}
ITEMS = [
    ("01", "Nghị quyết, quyết định, chỉ thị của Tỉnh ủy, Ban Thường vụ Tỉnh ủy", "nghi_quyet"),
    ("02", "Báo cáo, kế hoạch, chương trình, tờ trình của Tỉnh ủy", "bao_cao"),
    ("03", "Công văn, thông báo, giấy mời của Tỉnh ủy", "cong_van"),
    ("04", "Văn bản chỉ đạo, hướng dẫn của cấp trên gửi đến", "ho_so_theo_doi"),
    ("05", "Văn bản khác gửi đến Tỉnh ủy", "ho_so_theo_doi"),
]


def load_records(*, as_of: datetime.date | None = None, out=None) -> bool:
    if FilePlan.objects.exists():
        if out is not None:
            out.write("Demo records already loaded.")
        return False
    rule_seeds.load(DatedRule)
    province = Organization.objects.filter(name=PROVINCE).first()
    if province is None:
        return False
    from vanphong.organizations.services.members import today

    with transaction.atomic():
        _Loader(province, as_of or today()).run()
    if out is not None:
        out.write("Demo records loaded.")
    return True


def code_for(document) -> str:
    """Which of the plan's files a document goes to."""
    if isinstance(document, OutgoingDocument):
        if document.doc_type in RESOLUTIONS:
            return "01"
        return "02" if document.doc_type in REPORTS else "03"
    return "04" if document.doc_type in GUIDANCE else "05"


class _Loader:
    def __init__(self, province: Organization, as_of: datetime.date):
        self.province, self.as_of = province, as_of
        self.clerk = User.objects.filter(username="vanthu").first()
        self.archivist = User.objects.filter(username="luutru").first()

    def run(self) -> None:
        year = self.as_of.year
        last = plans.create_plan(acting_user=None, organization=self.province, year=year - 1)
        for code, title, key in ITEMS:
            plans.add_item(
                acting_user=None,
                plan=last,
                code=code,
                title=title,
                retention_key=key,
                responsible=self.clerk,
            )
        last_files = self._fill(last, only_with_documents=True)
        closed_on = datetime.date(year - 1, 12, 31)
        for file in last_files.values():
            files.close_file(acting_user=None, file=file, on=closed_on)
        cleared = [
            f
            for f in (type(f).objects.get(pk=f.pk) for f in last_files.values())
            if f.status == FileStatus.CLOSED
            and f.code != WAITING
            and self.archivist is not None
            and access.can(self.archivist, RecordAction.RECEIVE, f)
        ]
        if cleared:
            handover.receive(
                acting_user=self.archivist,
                files=cleared,
                handed_by_name=self.clerk.get_full_name() if self.clerk else "Văn thư",
                note="Hồ sơ năm " + str(year - 1) + " của Văn phòng Tỉnh ủy.",
                on=min(self.as_of, datetime.date(year, 1, 15)),
            )
            self._one_loan_out(cleared)
        current = plans.create_plan(acting_user=None, organization=self.province, year=year)
        self._fill(current)

    def _one_loan_out(self, handed: list) -> None:
        """`chuyenvien` borrows an unclassified file of the archive, approved by
        `chanhvanphong`, handed out by `luutru`."""
        reader = User.objects.filter(username="chuyenvien").first()
        head = User.objects.filter(username="chanhvanphong").first()
        plain = [f for f in handed if not f.confidentiality]
        if reader is None or head is None or not plain:
            return
        loan = loans.request_loan(
            acting_user=reader,
            file=type(plain[0]).objects.get(pk=plain[0].pk),
            purpose="Tham khảo để xây dựng báo cáo tổng kết công tác năm.",
        )
        loans.decide(acting_user=head, loan=loan, approve=True)
        loans.lend(acting_user=self.archivist, loan=loan)

    def _documents(self, year: int):
        incoming = IncomingDocument.objects.filter(organization=self.province, year=year)
        outgoing = OutgoingDocument.objects.filter(
            organization=self.province, status=OutgoingStatus.ISSUED, issued_on__year=year
        )
        return [*incoming.order_by("document_date", "pk"), *outgoing.order_by("issued_on", "pk")]

    def _fill(self, plan: FilePlan, *, only_with_documents: bool = False) -> dict:
        by_code: dict[str, list] = {}
        for document in self._documents(plan.year):
            by_code.setdefault(code_for(document), []).append(document)
        opened = {
            item.code: files.open_file(acting_user=None, item=item)
            for item in plan.items.order_by("code")
            if item.code in by_code or not only_with_documents
        }
        for code, documents in by_code.items():
            files.add_documents(acting_user=None, file=opened[code], documents=documents)
        return opened
