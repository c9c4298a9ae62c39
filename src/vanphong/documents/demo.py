"""A year of demo documents, made THROUGH the services so that register numbers, audit entries,
assignments, versions, dispatches and the seal-use log are the real ones.

    load_documents(as_of=day, out=stdout)   # registered with vanphong.core.demo; once only

The year runs from the first day of the reference day's month a year earlier up to the reference
day (`as_of`, today by default); the random plan has a fixed seed, so one reference day always
gives the same demo, and the texts are moved to the years that day needs (demo_calendar). The
showcase states are made on purpose whatever the dice say: overdue and classified incoming
documents, one due within three days, numbered classified outgoing ones, every type issued, and
work on each desk. What it makes, in chronological order per register:
- Đảng bộ tỉnh Phú Thọ: ~120 incoming documents from the Centre's bodies and the province's own
  subordinates, routed by `chanhvanphong` to `chuyenvien` (done, open, overdue, due within three
  days, a few still waiting to be routed; a few Mật/Tối mật, a few urgent), and ~65 outgoing ones of
  every usual type, numbered per type in the committee term in force, mostly dispatched and sealed, some
  answering incoming ones, one recalled, one number cancelled, and work in progress: drafts, drafts
  in appraisal, documents waiting for `bithu`'s signature and signed ones waiting for `vanthu`.
- Đảng bộ Khối các cơ quan Trung ương: the two documents of 2017–2018 (the office-work
  review report and the direction), a few incoming documents of the year and three outgoing
  ones; its committee terms up to the reference day.
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
from vanphong.documents.demo_calendar import BASE_YEAR, fitting_shift, moved, window
from vanphong.documents.demo_data import (
    BLOC_NEXT_TERMS_FROM,
    BLOC_TERMS,
    CENTRE_SOURCES,
    DIRECTIONS,
    LOCAL_SOURCES,
    OUTGOING_KINDS,
    PROGRESS,
    RECIPIENTS_SUBORDINATES,
    RESULTS,
    SEED_004,
)
from vanphong.documents.models import (
    AppraisalComment,
    Assignment,
    DraftVersion,
    IncomingDocument,
    OutgoingDocument,
    OutgoingStatus,
    ProgressNote,
    SealUse,
    Urgency,
)
from vanphong.documents.services import certificates, dispatch, incoming, outgoing
from vanphong.organizations.demo import next_terms
from vanphong.organizations.models import CommitteeTerm, Organization
from vanphong.organizations.services import orgs

TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
SEED = 2026
BASE_START = datetime.date(2025, 12, 1)  # the first day of the year the texts are written for
PROVINCE = "Đảng bộ tỉnh Phú Thọ"
BLOC = "Đảng bộ Khối các cơ quan Trung ương"
CELL = "Chi bộ Kinh tế - Ngân sách"
DEMO_PASSPHRASE = demo_pki.DEMO_PASSPHRASE.decode()


def first_day(as_of: datetime.date) -> datetime.date:
    """The demo year's first day: the first of the reference day's month, a year earlier."""
    return datetime.date(as_of.year - 1, as_of.month, 1)


def _fit_on(text: str, day: datetime.date, around: int) -> int | None:
    """The shift that dates `text` on `day` (its window, moved, holds the day), or None."""
    return fitting_shift(text, day, day, around)


def _aware(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=TZ)


def _work_day(day: datetime.date) -> datetime.date:
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


class _Loader:
    def __init__(self, out, as_of: datetime.date):
        self.out = out
        self.rng = random.Random(SEED)  # noqa: S311 — a repeatable demo, not a secret
        self.today = as_of
        # Loading today: the work happened up to now. Another day: up to its end of office hours.
        self.now = timezone.localtime() if as_of == timezone.localdate() else _aware(as_of, 17)
        self.start = first_day(as_of)
        # The texts' years move by the year most of the demo year lies in.
        self.shift = (self.start + datetime.timedelta(days=182)).year - BASE_YEAR
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
        when = min(when, self.now)
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
        for name, starts in BLOC_TERMS + next_terms(BLOC_NEXT_TERMS_FROM, self.today):
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
        day = self.start
        while day <= self.today:
            if day.weekday() < 5:
                count = rng.choices([0, 1, 2], weights=[6, 3, 1])[0]  # ~120 a year
                if day == self.today or day == _back(self.today, 1, self.start):
                    count = max(count, 1)  # the last days always brought something
                for _i in range(count):
                    local = rng.random() < 0.25
                    for _try in range(20):
                        source = rng.choice(LOCAL_SOURCES if local else CENTRE_SOURCES)
                        issuer, code, doc_type, abbr, summaries = source
                        shifts = [(s, _fit_on(s, day, self.shift)) for s in summaries]
                        summaries = [
                            moved(s, shift, self.term_name(day))
                            for s, shift in shifts
                            if shift is not None
                        ]
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
        # Today's documents came in up to now: loaded before office hours, they all came in at
        # this very moment (a receipt is never in the future).
        plan = [
            p
            for p in plan
            if p["received"] <= self.now or p["received"].date() == self.now.date() == self.today
        ]
        for p in plan:
            p["received"] = min(p["received"], self.now)
        # Classified and urgent ones (the Centre's documents are the ones that are classified).
        centre = [i for i, p in enumerate(plan) if p["issuer"] in _CENTRE_ISSUERS]
        for i in rng.sample(centre, 7):
            plan[i]["confidentiality"] = Clearance.SECRET
        for i in rng.sample([i for i in centre if "confidentiality" not in plan[i]], 2):
            plan[i]["confidentiality"] = Clearance.TOP_SECRET
        for i in rng.sample(range(len(plan)), 10):
            plan[i]["urgency"] = rng.choice([Urgency.URGENT, Urgency.URGENT, Urgency.VERY_URGENT])
        plan[-3]["urgency"] = Urgency.FLASH
        self._showcase_outcomes(plan)
        return plan

    def _showcase_outcomes(self, plan: list[dict]) -> None:
        """Whatever the dice say: four documents received five to nine weeks ago are overdue
        (one of them Mật), and the newest routed one is due within three days."""
        weeks_ago = [
            i
            for i, p in enumerate(plan[:-3])
            if 35 <= (self.today - p["received"].date()).days <= 63
            and p.get("confidentiality") != Clearance.TOP_SECRET
        ]
        overdue = weeks_ago[:: max(1, len(weeks_ago) // 4)][:4]
        for i in overdue:
            plan[i]["outcome"] = "overdue"
        plan[overdue[0]]["confidentiality"] = Clearance.SECRET
        soon = next(i for i in range(len(plan) - 4, -1, -1) if "confidentiality" not in plan[i])
        plan[soon]["outcome"] = "due_soon"

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
            outcome = p.get("outcome")
            if outcome == "overdue":
                deadline = min(deadline, self.today - datetime.timedelta(days=7))
            elif outcome == "due_soon":
                deadline = self.today + datetime.timedelta(days=2)
            top = p.get("confidentiality") == Clearance.TOP_SECRET
            lead = head if top else specialist
            self._assign(document, head, lead, leader, assigned_at, deadline)
            # What happened next: older ones are mostly done; some are overdue; recent ones open.
            roll = rng.random()
            if outcome == "overdue" or (deadline < self.today and roll < 0.12):
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
        subjects = []
        for doc_type, summaries, recipients in OUTGOING_KINDS:
            for summary in summaries:
                subjects.append(
                    {"doc_type": doc_type, "summary": summary, "recipients": recipients}
                )
        subjects = rng.sample(subjects, len(subjects))
        # Spread over the year up to three weeks ago; the last ones are the work in progress.
        first_day, last_day = self.start + datetime.timedelta(days=2), self.today - _THREE_WEEKS
        plan = [p for p in map(self._dated, subjects[:52], [(first_day, last_day)] * 52) if p]
        # Every usual type is issued in the year: a type the dice left out takes a spare subject.
        for doc_type, *_rest in OUTGOING_KINDS:
            if any(p["doc_type"] == doc_type for p in plan):
                continue
            spare = [p for p in subjects[52:] + subjects[:52] if p["doc_type"] == doc_type]
            dated = (self._dated(p, (first_day, last_day)) for p in spare)
            plan.extend(p for p in [next((p for p in dated if p), None)] if p)
        for document in replies:
            received = timezone.localdate(document.received_at)
            kind = "bao_cao" if document.doc_type == "cong_van" else "cong_van"
            plan.append(
                {
                    "doc_type": kind,
                    "summary": _reply_summary(kind, document),
                    "recipients": f"{document.issuer}\nLưu Văn phòng Tỉnh ủy",
                    "issue_day": min(
                        _work_day(received + datetime.timedelta(days=rng.randint(5, 8))),
                        self.today,
                    ),
                    "in_reply_to": document,
                }
            )
        plan.sort(key=lambda p: p["issue_day"])
        for p in plan:
            if p["doc_type"] in ("ket_luan", "nghi_quyet") and rng.random() < 0.3:
                p["confidentiality"] = Clearance.SECRET
            if p["doc_type"] == "cong_van" and rng.random() < 0.15:
                p["urgency"] = Urgency.URGENT
        # Whatever the dice say, a resolution of the term in force is classified (Mật).
        term = self.term_name(self.today)
        in_term = [p for p in plan if self.term_name(p["issue_day"]) == term]
        resolutions = [p for p in in_term if p["doc_type"] in ("ket_luan", "nghi_quyet")]
        (resolutions or in_term or plan)[-1]["confidentiality"] = Clearance.SECRET
        return plan

    def _dated(self, subject: dict, span: tuple[datetime.date, datetime.date]) -> dict | None:
        """The subject dated on a working day of `span` inside its window, its text moved to
        that year; None when its window misses the span (not issued in this demo year)."""
        first, last = span
        shift = fitting_shift(subject["summary"], first, last, self.shift)
        if shift is None:
            return None
        start, end = window(subject["summary"], shift) or span
        start, end = max(start, first), min(end, last)
        day = start + datetime.timedelta(days=self.rng.randint(0, (end - start).days))
        day = min(_work_day(day), last)
        summary = moved(subject["summary"], shift, self.term_name(day))
        return {**subject, "summary": summary, "issue_day": day}

    def term_name(self, day: datetime.date) -> str:
        term = orgs.term_on(self.province, day, inherited=True)
        return term.name if term is not None else ""

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
        drafted = self.clamp(_aware(_back(day, 3, self.start), 8, 30))
        appraised = self.clamp(_aware(_back(day, 2, self.start), 10))
        submitted = self.clamp(_aware(_back(day, 1, self.start), 14))
        signed = self.clamp(_aware(day, 8, 15))
        with self._at(drafted):
            document = outgoing.create_draft(
                acting_user=drafter,
                organization=organization,
                doc_type=p["doc_type"],
                summary=p["summary"],
                body=_body(p, self.term_name(day)),
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
        """What the demo users find on their desks on the reference day: the year-end work (the
        year's review, the next year's plans), of the year that ends in the three months around
        the reference day, or of the last year until September."""
        days = [_back(self.today, n, self.start) for n in (6, 5, 4, 3, 2, 1, 1, 0, 0, 0)]
        shift = (self.today - datetime.timedelta(days=270)).year - BASE_YEAR
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
                "summary": moved(summary, shift, self.term_name(day)),
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
            day = datetime.date(2026, 1, 8) + datetime.timedelta(days=14 * i)
            day, summary = self.on(day, summary)
            received = _aware(_work_day(day), 9, 45)
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
            day, summary = self.on(day, summary)
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
            day, summary = self.on(day, summary)
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
            day, summary = self.on(day, summary)
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

    def on(self, day: datetime.date, text: str) -> tuple[datetime.date, str]:
        """A day of the base demo year (from 01/12/2025) and its text, moved to this demo year
        by whole months (so that June's report stays in the middle of a year)."""
        months = (self.start.year - BASE_START.year) * 12 + self.start.month - BASE_START.month
        total = day.year * 12 + day.month - 1 + months
        moved_day = datetime.date(total // 12, total % 12 + 1, min(day.day, 28))
        return moved_day, moved(text, round(months / 12), self.term_name(moved_day))

    def _say(self, text):
        if self.out is not None:
            self.out.write(text)


_TWO_WEEKS = datetime.timedelta(days=14)
_THREE_WEEKS = datetime.timedelta(days=21)
_CENTRE_ISSUERS = {source[0] for source in CENTRE_SOURCES}


def _back(day: datetime.date, work_days: int, start: datetime.date) -> datetime.date:
    """`work_days` working days before `day` (never before the demo's first day `start`)."""
    while work_days > 0:
        day -= datetime.timedelta(days=1)
        if day.weekday() < 5:
            work_days -= 1
    return max(day, start)


def _reply_summary(kind: str, document: IncomingDocument) -> str:
    subject = document.summary.removeprefix("V/v ").removeprefix("Tờ trình ")
    if kind == "bao_cao":
        return f"kết quả thực hiện Công văn số {document.original_number} ({subject})"[:300]
    return f"V/v trả lời văn bản số {document.original_number} về {subject}"[:300]


def _body(p, term: str) -> str:
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
        f"{term};\nXét đề nghị của Văn phòng Tỉnh ủy,\n"
        "Các cấp ủy, tổ chức đảng và cơ quan liên quan tổ chức thực hiện."
    )


def load_documents(*, as_of: datetime.date | None = None, out=None) -> bool:
    """Load the demo documents as of `as_of` (today by default) once: nothing happens if any
    document exists. True if loaded."""
    if IncomingDocument.objects.exists() or OutgoingDocument.objects.exists():
        if out is not None:
            out.write("Demo documents already loaded.")
        return False
    rule_seeds.load(DatedRule)  # present after migrate; a flushed test database needs it back
    with transaction.atomic():
        _Loader(out, as_of or timezone.localdate()).run()
    return True
