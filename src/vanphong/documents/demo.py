"""A year of demo documents, made THROUGH the services so that register numbers,
audit entries, assignments, versions, dispatches and the seal-use log are the real ones.

    load_documents(stdout)   # called at the end of `manage.py load_demo`; once only

What it makes, from 01/12/2025 to today, in chronological order per register:
- Đảng bộ tỉnh Phú Thọ: ~120 incoming documents from the Centre's bodies and the province's own
  subordinates, routed by `chanhvanphong` to `chuyenvien` (done, open, overdue, due within three
  days, a few still waiting to be routed; a few Mật/Tối mật, a few urgent), and ~65 outgoing ones of
  every usual type, numbered per type in the 2025–2030 term, mostly dispatched and sealed, some
  answering incoming ones, one recalled, one number cancelled, and work in progress: drafts, drafts
  in appraisal, documents waiting for `bithu`'s signature and signed ones waiting for `vanthu`.
- Đảng bộ Khối các cơ quan Trung ương: the two documents of 2017–2018 (the office-work
  review report and the direction), a few incoming documents of 2026 and three outgoing ones;
  its committee terms.
- Chi bộ Kinh tế - Ngân sách (run by `bithuchibo`): a few incoming and outgoing documents.
- The demo signing certificate of the province (passphrase `vanphong-demo`) and the demo root CA.

Backdating. The services stamp "now" (auto_now_add, timezone.now()) and refuse what would be wrong
for a live user: a deadline before today (`assign`), an issue date before the signature (`issue`).
A demo year is history, so each step runs through its service and then its timestamps are moved
to the planned moment with queryset `.update()` (no service rule is bypassed for the outcome:
the same rows exist as if the step had been taken on that day). `_at(when)` does this for the
audit entries and notifications a step wrote. Numbers are never touched: every register is filled
in date order, so numbers follow dates and have no gap.
"""

import datetime
import random
import zoneinfo
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from vanphong.core.models import (
    AuditEntry,
    CancelledNumber,
    Clearance,
    DatedRule,
    Notification,
    User,
)
from vanphong.documents import demo_pki, rule_seeds
from vanphong.documents.demo_data import (
    BLOC_TERMS,
    CENTRE_SOURCES,
    DIRECTIONS,
    LOCAL_SOURCES,
    OUTGOING_KINDS,
    PROGRESS,
    RECIPIENTS_SUBORDINATES,
    RESULTS,
    SEED_004,
    WINDOWS,
)
from vanphong.documents.models import (
    AppraisalComment,
    Assignment,
    DraftVersion,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    OutgoingStatus,
    ProgressNote,
    SealUse,
    Urgency,
)
from vanphong.documents.services import certificates, dispatch, incoming, outgoing
from vanphong.organizations.models import CommitteeTerm, Organization
from vanphong.organizations.services import orgs

TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
START = datetime.date(2025, 12, 1)
PROVINCE = "Đảng bộ tỉnh Phú Thọ"
BLOC = "Đảng bộ Khối các cơ quan Trung ương"
CELL = "Chi bộ Kinh tế - Ngân sách"
DEMO_PASSPHRASE = demo_pki.DEMO_PASSPHRASE.decode()


def _window(summary: str) -> tuple[datetime.date, datetime.date] | None:
    for words, first, last in WINDOWS:
        if words in summary:
            return first, last
    return None


def _fits(summary: str, day: datetime.date) -> bool:
    window = _window(summary)
    return window is None or window[0] <= day <= window[1]


def _aware(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=TZ)


def _work_day(day: datetime.date) -> datetime.date:
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


class _Loader:
    def __init__(self, out):
        self.out = out
        self.rng = random.Random(2026)
        self.today = timezone.localdate()
        self.now = timezone.localtime()
        self.users = {u.username: u for u in User.objects.all()}
        self.admin = self.users["admin"]
        self.province = Organization.objects.get(name=PROVINCE)
        self.bloc = Organization.objects.get(name=BLOC)
        self.cell = Organization.objects.get(name=CELL)

    def clamp(self, when: datetime.datetime) -> datetime.datetime:
        """A planned time, but never after now (today's work happened up to this moment)."""
        return min(when, self.now)

    def user(self, name):
        return self.users[name]

    # -- moving a step's timestamps to its planned moment -----------------------------------
    @contextmanager
    def _at(self, when: datetime.datetime):
        """Whatever audit entries and notifications the block writes are dated `when`; the
        notifications of steps older than two weeks are marked read (they were, back then)."""
        when = min(when, timezone.now())
        last_audit = AuditEntry.objects.aggregate(m=Max("id"))["m"] or 0
        last_note = Notification.objects.aggregate(m=Max("id"))["m"] or 0
        yield when
        AuditEntry.objects.filter(id__gt=last_audit).update(at=when)
        read = when + datetime.timedelta(hours=2) if when < self.now - _TWO_WEEKS else None
        Notification.objects.filter(id__gt=last_note).update(created_at=when, read_at=read)

    def run(self):
        self.terms_and_certificate()
        replies = self.province_incoming()
        self.province_outgoing(replies)
        self.bloc_documents()
        self.cell_documents()

    def _receive(
        self, clerk, organization, received, channel, issuer, number, doc_type, summary, pages
    ):
        """A document received the day after its date, registered at `received`."""
        with self._at(received):
            document = incoming.register_incoming(
                acting_user=clerk,
                organization=organization,
                received_at=received,
                channel=channel,
                issuer=issuer,
                original_number=number,
                document_date=received.date() - datetime.timedelta(days=1),
                doc_type=doc_type,
                summary=summary,
                pages=pages,
            )
        IncomingDocument.objects.filter(pk=document.pk).update(created_at=received)
        return document

    # -- terms and the signing certificate -------------------------------------------------
    def terms_and_certificate(self):
        for name, starts in BLOC_TERMS:
            if not CommitteeTerm.objects.filter(organization=self.bloc, name=name).exists():
                orgs.add_term(
                    acting_user=self.admin, organization=self.bloc, name=name, starts_on=starts
                )
        identity = demo_pki.demo_identity(PROVINCE)
        certificates.add_signing_certificate(
            self.admin, self.province, identity.pkcs12, identity.passphrase
        )
        certificates.add_trusted_root(self.admin, demo_pki.DEMO_CA_NAME, identity.root_pem)

    # -- incoming ---------------------------------------------------------------------------
    def _incoming_plan(self) -> list[dict]:
        rng = self.rng
        plan = []
        day = START
        while day <= self.today:
            if day.weekday() < 5:
                count = rng.choices([0, 1, 2], weights=[6, 3, 1])[0]  # ~120 a year
                for _i in range(count):
                    local = rng.random() < 0.25
                    for _try in range(20):
                        source = rng.choice(LOCAL_SOURCES if local else CENTRE_SOURCES)
                        issuer, code, doc_type, abbr, summaries = source
                        summaries = [s for s in summaries if _fits(s, day)]
                        if summaries:
                            break
                    else:
                        continue
                    electronic = rng.random() < 0.45
                    lag = 0 if electronic else rng.randint(1, 5)
                    document_date = day - datetime.timedelta(days=lag)
                    if code is None:
                        number = f"{rng.randint(300, 4800)}/UBND-TH"
                    else:
                        number = (
                            f"{rng.randint(1 if local else 10, 60 if local else 480)}-{abbr}/{code}"
                        )
                    plan.append(
                        {
                            "received": _aware(
                                day, rng.randint(7, 16), rng.choice([0, 15, 30, 45])
                            ),
                            "issuer": issuer,
                            "original_number": number,
                            "document_date": document_date,
                            "doc_type": doc_type,
                            "summary": rng.choice(summaries),
                            "channel": "electronic" if electronic else "paper",
                            "pages": rng.randint(1, 12),
                        }
                    )
            day += datetime.timedelta(days=1)
        plan.sort(key=lambda p: p["received"])
        plan = [p for p in plan if p["received"] <= self.now]
        # Classified and urgent ones (the Centre's documents are the ones that are classified).
        centre = [i for i, p in enumerate(plan) if p["issuer"] in _CENTRE_ISSUERS]
        for i in rng.sample(centre, 7):
            plan[i]["confidentiality"] = Clearance.SECRET
        for i in rng.sample([i for i in centre if "confidentiality" not in plan[i]], 2):
            plan[i]["confidentiality"] = Clearance.TOP_SECRET
        for i in rng.sample(range(len(plan)), 10):
            plan[i]["urgency"] = rng.choice([Urgency.URGENT, Urgency.URGENT, Urgency.VERY_URGENT])
        plan[-3]["urgency"] = Urgency.FLASH
        return plan

    def province_incoming(self) -> list[IncomingDocument]:
        """Register and route the province's incoming documents; the ones to be answered by an
        outgoing reply are returned open (the reply closes them)."""
        clerk, head = self.user("vanthu"), self.user("chanhvanphong")
        specialist, leader = self.user("chuyenvien"), self.user("bithu")
        plan = self._incoming_plan()
        to_answer = []
        for index, p in enumerate(plan):
            rng = self.rng
            received = p["received"]
            with self._at(received):
                document = incoming.register_incoming(
                    acting_user=clerk,
                    organization=self.province,
                    received_at=received,
                    channel=p["channel"],
                    issuer=p["issuer"],
                    original_number=p["original_number"],
                    document_date=p["document_date"],
                    doc_type=p["doc_type"],
                    summary=p["summary"],
                    pages=p["pages"],
                    urgency=p.get("urgency", ""),
                    confidentiality=p.get("confidentiality", Clearance.NONE),
                )
            IncomingDocument.objects.filter(pk=document.pk).update(created_at=received)
            if index >= len(plan) - 3:
                continue  # waiting for the office head to route it
            urgent = bool(p.get("urgency"))
            assigned_at = received + datetime.timedelta(hours=rng.randint(1, 5))
            assigned_day = _work_day(assigned_at.date())
            if assigned_day != assigned_at.date():
                assigned_at = _aware(assigned_day, 8, 30)
            assigned_at = self.clamp(assigned_at)
            deadline = assigned_day + datetime.timedelta(
                days=rng.randint(2, 4) if urgent else rng.randint(5, 20)
            )
            top = p.get("confidentiality") == Clearance.TOP_SECRET
            lead = head if top else specialist
            self._assign(document, head, lead, leader, assigned_at, deadline)
            # What happened next: older ones are mostly done; some are overdue; recent ones open.
            roll = rng.random()
            if deadline < self.today and roll < 0.12:
                self._progress(document, lead, deadline - datetime.timedelta(days=1))
                continue  # overdue
            if deadline >= self.today:
                if roll < 0.5:
                    self._progress(
                        document, lead, min(assigned_day + datetime.timedelta(days=1), self.today)
                    )
                continue  # open, not yet due
            if p["doc_type"] in ("cong_van", "to_trinh") and roll < 0.3 and not top:
                to_answer.append(document)
                continue  # answered by an outgoing reply (province_outgoing)
            done_day = min(
                _work_day(assigned_day + datetime.timedelta(days=rng.randint(1, 6))), deadline
            )
            self._close(document, lead, _aware(done_day, rng.randint(8, 16), 30))
        # A couple due within three days, whatever the dice said.
        soon = self.today + datetime.timedelta(days=2)
        for document in IncomingDocument.objects.filter(
            organization=self.province, status=IncomingStatus.ASSIGNED, deadline__gt=soon
        ).order_by("-received_at")[:2]:
            IncomingDocument.objects.filter(pk=document.pk).update(deadline=soon)
            document.assignments.exclude(role="reader").update(deadline=soon)
        self._say(f"  {len(plan)} incoming documents of {self.province.name}")
        return to_answer

    def _assign(self, document, head, lead, leader, when, deadline):
        """Route with the deadline planned back then: `assign` refuses a deadline before today
        (right for a live office head), so it runs without one and the deadline is set after."""
        readers = [leader] if document.confidentiality or document.urgency else []
        direction = self.rng.choice(DIRECTIONS) if document.urgency else ""
        with self._at(when):
            incoming.assign(
                acting_user=head,
                document=document,
                lead=lead,
                readers=readers,
                direction=direction,
            )
        IncomingDocument.objects.filter(pk=document.pk).update(
            deadline=deadline, directed_at=when if direction else None
        )
        Assignment.objects.filter(document=document).update(assigned_at=when)
        Assignment.objects.filter(document=document).exclude(role="reader").update(
            deadline=deadline
        )
        document.refresh_from_db()

    def _progress(self, document, author, day):
        when = self.clamp(_aware(day, 10, 30))
        with self._at(when):
            note = incoming.add_progress(
                acting_user=author, document=document, text=self.rng.choice(PROGRESS)
            )
        ProgressNote.objects.filter(pk=note.pk).update(at=when)
        document.refresh_from_db()

    def _close(self, document, author, when, result=None):
        with self._at(when):
            incoming.close(
                acting_user=author, document=document, result=result or self.rng.choice(RESULTS)
            )
        IncomingDocument.objects.filter(pk=document.pk).update(closed_at=when)
        Assignment.objects.filter(document=document).update(done_at=when)

    # -- outgoing ---------------------------------------------------------------------------
    def _outgoing_plan(self, replies: list[IncomingDocument]) -> list[dict]:
        rng = self.rng
        plan = []
        for doc_type, summaries, recipients in OUTGOING_KINDS:
            for summary in summaries:
                plan.append({"doc_type": doc_type, "summary": summary, "recipients": recipients})
        plan = rng.sample(plan, 52)  # of 66 subjects, with the replies about 60 in a year
        # Spread over the year up to three weeks ago; the last ones are the work in progress.
        span = (self.today - datetime.timedelta(days=21) - START).days
        last_day = START + datetime.timedelta(days=span)
        for p in plan:
            first, last = _window(p["summary"]) or (START, last_day)
            first, last = max(first, START + datetime.timedelta(days=2)), min(last, last_day)
            if first > last:  # the window lies ahead: not issued in this demo year
                p["issue_day"] = None
                continue
            day = first + datetime.timedelta(days=rng.randint(0, (last - first).days))
            p["issue_day"] = min(_work_day(day), last_day)
        plan = [p for p in plan if p["issue_day"] is not None]
        for document in replies:
            received = timezone.localdate(document.received_at)
            kind = "bao_cao" if document.doc_type == "cong_van" else "cong_van"
            plan.append(
                {
                    "doc_type": kind,
                    "summary": _reply_summary(kind, document),
                    "recipients": f"{document.issuer}\nLưu Văn phòng Tỉnh ủy",
                    "issue_day": _work_day(received + datetime.timedelta(days=rng.randint(5, 8))),
                    "in_reply_to": document,
                }
            )
        plan.sort(key=lambda p: p["issue_day"])
        for p in plan:
            if p["doc_type"] in ("ket_luan", "nghi_quyet") and rng.random() < 0.3:
                p["confidentiality"] = Clearance.SECRET
            if p["doc_type"] == "cong_van" and rng.random() < 0.15:
                p["urgency"] = Urgency.URGENT
        return plan

    def province_outgoing(self, replies):
        specialist, head = self.user("chuyenvien"), self.user("chanhvanphong")
        leader, clerk = self.user("bithu"), self.user("vanthu")
        plan = self._outgoing_plan(replies)
        issued = []
        for p in plan:
            document = self._through_signature(
                p,
                organization=self.province,
                drafter=specialist,
                appraiser=head,
                signer=leader,
                issuing_body="Tỉnh ủy Phú Thọ",
                superior_body="",
                place="Phú Thọ",
            )
            self._issue(document, clerk, p["issue_day"], copies=self.rng.randint(2, 30))
            issued.append(document)
        # One meeting invitation recalled (the meeting moved), one number cancelled (issued by
        # mistake twice), both recorded through the services.
        invitation = next(d for d in reversed(issued) if d.doc_type == "giay_moi")
        when = _aware(_work_day(invitation.issued_on + datetime.timedelta(days=1)), 9)
        with self._at(when):
            outgoing.recall(
                acting_user=clerk,
                document=invitation,
                reason="Thay đổi thời gian tổ chức hội nghị; sẽ có giấy mời khác.",
            )
        OutgoingDocument.objects.filter(pk=invitation.pk).update(ended_at=when)
        notice = next(d for d in reversed(issued) if d.doc_type == "thong_bao")
        when = _aware(notice.issued_on, 16, 45)
        with self._at(when):
            outgoing.cancel(
                acting_user=clerk,
                document=notice,
                reason="Trùng nội dung với thông báo đã ban hành; hủy số, không sử dụng lại.",
            )
        OutgoingDocument.objects.filter(pk=notice.pk).update(ended_at=when)
        CancelledNumber.objects.filter(target_id=str(notice.pk)).update(cancelled_at=when)
        self._work_in_progress(specialist, head, leader)
        self._say(f"  {len(plan)} outgoing documents issued by {self.province.name}")

    def _through_signature(
        self,
        p,
        *,
        organization,
        drafter,
        appraiser,
        signer,
        issuing_body,
        superior_body,
        place,
        stop=OutgoingStatus.SIGNED,
    ):
        """Draft → appraisal → submission → signature, dated on the days before `issue_day`."""
        day = p["issue_day"]
        drafted = self.clamp(_aware(_back(day, 3), 8, 30))
        appraised = self.clamp(_aware(_back(day, 2), 10))
        submitted = self.clamp(_aware(_back(day, 1), 14))
        signed = self.clamp(_aware(day, 8, 15))
        with self._at(drafted):
            document = outgoing.create_draft(
                acting_user=drafter,
                organization=organization,
                doc_type=p["doc_type"],
                summary=p["summary"],
                body=_body(p),
                issuing_body=issuing_body,
                superior_body=superior_body,
                place=place,
                signer_position="Bí thư",
                authority_line="T/M Chi ủy" if organization == self.cell else "T/M Ban Thường vụ",
                recipients=p["recipients"],
                urgency=p.get("urgency", ""),
                confidentiality=p.get("confidentiality", Clearance.NONE),
                in_reply_to=p.get("in_reply_to"),
            )
        OutgoingDocument.objects.filter(pk=document.pk).update(created_at=drafted)
        DraftVersion.objects.filter(document=document).update(created_at=drafted)
        if stop == OutgoingStatus.DRAFT:
            return document
        with self._at(appraised):
            outgoing.send_to_appraisal(acting_user=drafter, document=document)
        if stop == OutgoingStatus.APPRAISAL:
            return document
        with self._at(appraised):
            outgoing.appraise(
                acting_user=appraiser, document=document, verdict="agree", text="Đồng ý trình ký."
            )
        with self._at(submitted):
            outgoing.submit_for_signature(acting_user=drafter, document=document, signer=signer)
        AppraisalComment.objects.filter(document=document).update(at=appraised)
        if stop == OutgoingStatus.SUBMITTED:
            return document
        with self._at(signed):
            outgoing.sign(acting_user=signer, document=document)
        # `issue` refuses a day before the signature: the signature gets its planned time first.
        OutgoingDocument.objects.filter(pk=document.pk).update(signed_at=signed)
        document.refresh_from_db()
        return document

    def _issue(self, document, clerk, day, copies, dispatched=True):
        when = _aware(day, 9, 30)
        with self._at(when):
            outgoing.issue(acting_user=clerk, document=document, on=day)
        OutgoingDocument.objects.filter(pk=document.pk).update(issued_at=when)
        if document.in_reply_to_id:  # the reply closed the incoming document as it was issued
            IncomingDocument.objects.filter(pk=document.in_reply_to_id).update(closed_at=when)
            Assignment.objects.filter(document_id=document.in_reply_to_id).update(done_at=when)
        document.refresh_from_db()
        if not dispatched:
            return document
        sealed = when + datetime.timedelta(minutes=20)
        with self._at(sealed):
            row = dispatch.apply_seal(acting_user=clerk, document=document, copies=copies)
            dispatch.send(
                acting_user=clerk,
                document=document,
                recipients=[],
                channel="electronic" if self.rng.random() < 0.6 else "paper",
                sent_on=day,
            )
        SealUse.objects.filter(pk=row.pk).update(used_at=sealed)
        return document

    def _work_in_progress(self, specialist, head, leader):
        """What the demo users find on their desks today."""
        days = [_back(self.today, n) for n in (6, 5, 4, 3, 2, 1, 1, 0, 0, 0)]
        pending = [
            (
                "cong_van",
                "V/v chuẩn bị nội dung hội nghị Ban Chấp hành Đảng bộ tỉnh cuối năm 2026",
                OutgoingStatus.SIGNED,
            ),
            (
                "giay_moi",
                "dự hội nghị tổng kết công tác văn phòng cấp ủy năm 2026",
                OutgoingStatus.SIGNED,
            ),
            (
                "bao_cao",
                "tổng kết công tác văn phòng cấp ủy năm 2026, phương hướng nhiệm vụ năm 2027",
                OutgoingStatus.SUBMITTED,
            ),
            (
                "ke_hoach",
                "kiểm tra, giám sát của Ban Thường vụ Tỉnh ủy năm 2027",
                OutgoingStatus.SUBMITTED,
            ),
            ("nghi_quyet", "về nhiệm vụ năm 2027", OutgoingStatus.SUBMITTED),
            ("quyet_dinh", "về việc tặng Huy hiệu Đảng đợt 07/11/2026", OutgoingStatus.APPRAISAL),
            (
                "thong_bao",
                "kết luận của Thường trực Tỉnh ủy về chương trình công tác năm 2027",
                OutgoingStatus.APPRAISAL,
            ),
            ("chi_thi", "về tổ chức Tết Đinh Mùi năm 2027", OutgoingStatus.DRAFT),
            (
                "to_trinh",
                "đề nghị phê duyệt Danh mục hồ sơ của Văn phòng Tỉnh ủy năm 2027",
                OutgoingStatus.DRAFT,
            ),
            ("cong_van", "V/v rà soát hồ sơ đến hạn nộp lưu năm 2027", OutgoingStatus.DRAFT),
        ]
        for day, (doc_type, summary, stop) in zip(days, pending, strict=True):
            p = {
                "doc_type": doc_type,
                "summary": summary,
                "recipients": RECIPIENTS_SUBORDINATES,
                "issue_day": day,
            }
            self._through_signature(
                p,
                organization=self.province,
                drafter=specialist,
                appraiser=head,
                signer=leader,
                issuing_body="Tỉnh ủy Phú Thọ",
                superior_body="",
                place="Phú Thọ",
                stop=stop,
            )

    # -- the bloc committee and a cell ------------------------------------------------------
    def bloc_documents(self):
        admin = self.admin
        for seed in SEED_004:
            received = seed["received"].replace(tzinfo=TZ)
            with self._at(received):
                document = incoming.register_incoming(
                    acting_user=admin,
                    organization=self.bloc,
                    received_at=received,
                    channel="paper",
                    issuer=seed["issuer"],
                    original_number=seed["original_number"],
                    document_date=seed["document_date"],
                    doc_type=seed["doc_type"],
                    summary=seed["summary"],
                    pages=seed["pages"],
                )
            IncomingDocument.objects.filter(pk=document.pk).update(created_at=received)
            closed = received + datetime.timedelta(days=2)
            with self._at(closed):
                incoming.close(acting_user=admin, document=document, result=seed["result"])
            IncomingDocument.objects.filter(pk=document.pk).update(closed_at=closed)
        recent = [
            (
                "Ban Tổ chức Trung ương",
                "15-HD/BTCTW",
                "huong_dan",
                "Hướng dẫn kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2025",
            ),
            (
                "Văn phòng Trung ương Đảng",
                "141-CV/VPTW",
                "cong_van",
                "V/v thực hiện chế độ thông tin, báo cáo định kỳ năm 2026",
            ),
            (
                "Ủy ban Kiểm tra Trung ương",
                "42-KH/UBKTTW",
                "ke_hoach",
                "Kế hoạch kiểm tra, giám sát năm 2026",
            ),
        ]
        for i, (issuer, number, doc_type, summary) in enumerate(recent):
            received = _aware(
                _work_day(datetime.date(2026, 1, 8) + datetime.timedelta(days=14 * i)), 9, 45
            )
            self._receive(
                admin, self.bloc, received, "electronic", issuer, number, doc_type, summary, 6
            )
        outgoing_plan = [
            (
                "ke_hoach",
                "tổ chức các hoạt động kỷ niệm Ngày truyền thống Đảng bộ Khối",
                datetime.date(2026, 2, 10),
            ),
            ("bao_cao", "tổng kết công tác văn phòng cấp ủy năm 2025", datetime.date(2026, 1, 20)),
            (
                "cong_van",
                "V/v thực hiện chế độ báo cáo thu, nộp đảng phí",
                datetime.date(2026, 3, 16),
            ),
        ]
        for doc_type, summary, day in sorted(outgoing_plan, key=lambda t: t[2]):
            p = {
                "doc_type": doc_type,
                "summary": summary,
                "issue_day": _work_day(day),
                "recipients": "Các đảng ủy trực thuộc\nLưu Văn phòng Đảng ủy Khối",
            }
            document = self._through_signature(
                p,
                organization=self.bloc,
                drafter=admin,
                appraiser=admin,
                signer=admin,
                issuing_body="Đảng ủy Khối các cơ quan Trung ương",
                superior_body="",
                place="Hà Nội",
            )
            self._issue(document, admin, p["issue_day"], copies=5)
        self._say(
            f"  {len(SEED_004) + len(recent)} incoming, {len(outgoing_plan)} outgoing documents of {self.bloc.name}"
        )

    def cell_documents(self):
        secretary = self.user("bithuchibo")
        recent = [
            (
                "Đảng ủy Cơ quan Văn phòng HĐND tỉnh",
                "12-HD/ĐU",
                "huong_dan",
                "Hướng dẫn sinh hoạt chi bộ chuyên đề năm 2026",
                datetime.date(2026, 1, 14),
            ),
            (
                "Đảng ủy Cơ quan Văn phòng HĐND tỉnh",
                "25-CV/ĐU",
                "cong_van",
                "V/v báo cáo kết quả thu, nộp đảng phí 6 tháng đầu năm 2026",
                datetime.date(2026, 6, 17),
            ),
            (
                "Đảng ủy Cơ quan Văn phòng HĐND tỉnh",
                "31-KH/ĐU",
                "ke_hoach",
                "Kế hoạch kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm 2026",
                datetime.date(2026, 11, 4),
            ),
        ]
        for issuer, number, doc_type, summary, day in recent:
            received = _aware(_work_day(day), 15, 0)
            self._receive(
                secretary, self.cell, received, "paper", issuer, number, doc_type, summary, 3
            )
        outgoing_plan = [
            ("nghi_quyet", "về lãnh đạo thực hiện nhiệm vụ năm 2026", datetime.date(2026, 1, 22)),
            ("bien_ban", "sinh hoạt chi bộ chuyên đề quý II/2026", datetime.date(2026, 5, 20)),
            (
                "bao_cao",
                "kết quả thu, nộp đảng phí 6 tháng đầu năm 2026",
                datetime.date(2026, 6, 24),
            ),
        ]
        for doc_type, summary, day in outgoing_plan:
            p = {
                "doc_type": doc_type,
                "summary": summary,
                "issue_day": _work_day(day),
                "recipients": "Đảng ủy Cơ quan Văn phòng HĐND tỉnh\nLưu Chi bộ",
            }
            # A cell secretary runs the cell's small office alone: drafts, checks, signs, issues.
            document = self._through_signature(
                p,
                organization=self.cell,
                drafter=secretary,
                appraiser=secretary,
                signer=secretary,
                issuing_body=CELL,
                superior_body="Đảng bộ Cơ quan Văn phòng HĐND tỉnh",
                place="Phú Thọ",
            )
            self._issue(document, secretary, p["issue_day"], copies=2, dispatched=False)
        self._say(f"  {len(recent)} incoming, {len(outgoing_plan)} outgoing documents of {CELL}")

    def _say(self, text):
        if self.out is not None:
            self.out.write(text)


_TWO_WEEKS = datetime.timedelta(days=14)
_CENTRE_ISSUERS = {source[0] for source in CENTRE_SOURCES}


def _back(day: datetime.date, work_days: int) -> datetime.date:
    """`work_days` working days before `day` (never before the demo's first day)."""
    while work_days > 0:
        day -= datetime.timedelta(days=1)
        if day.weekday() < 5:
            work_days -= 1
    return max(day, START)


def _reply_summary(kind: str, document: IncomingDocument) -> str:
    subject = document.summary.removeprefix("V/v ").removeprefix("Tờ trình ")
    if kind == "bao_cao":
        return f"kết quả thực hiện Công văn số {document.original_number} ({subject})"[:300]
    return f"V/v trả lời văn bản số {document.original_number} về {subject}"[:300]


def _body(p) -> str:
    reply = p.get("in_reply_to")
    if reply is not None:
        return (
            f"Thực hiện văn bản số {reply.original_number} ngày "
            f"{reply.document_date:%d/%m/%Y} của {reply.issuer}, Ban Thường vụ Tỉnh ủy báo cáo "
            "như sau:\nCác cơ quan, đơn vị đã triển khai đầy đủ, đúng thời hạn.\n"
            "Ban Thường vụ Tỉnh ủy trân trọng báo cáo."
        )
    return (
        "Căn cứ Điều lệ Đảng và Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ "
        "2025–2030;\nXét đề nghị của Văn phòng Tỉnh ủy,\n"
        "Các cấp ủy, tổ chức đảng và cơ quan liên quan tổ chức thực hiện."
    )


def load_documents(stdout=None) -> bool:
    """Load the demo documents once (nothing happens if any document exists). True if loaded."""
    if IncomingDocument.objects.exists() or OutgoingDocument.objects.exists():
        if stdout is not None:
            stdout.write("Demo documents already loaded.")
        return False
    rule_seeds.load(DatedRule)  # present after migrate; a flushed test database needs it back
    with transaction.atomic():
        _Loader(stdout).run()
    return True
