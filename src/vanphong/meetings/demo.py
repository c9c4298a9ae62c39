"""The meetings' demo: a year of the Văn phòng HĐND tỉnh party committee's cell meetings (seed 003:
monthly meetings, a thematic one each quarter, presentations, votes, minutes, initiatives), and the
showcase states a visitor should find on any day (decision 0013):

- `bithuchibo`'s cell has a thematic meeting three days ahead, announced, its documents not yet
  published, with a presentation assigned to `dangvien`;
- its last meeting held has adopted minutes waiting for the chair's and secretary's signatures;
- "Chi bộ Pháp chế" and "Chi bộ Hành chính - Tổ chức - Quản trị" have not met this month and the
  latter held no thematic meeting this quarter;
- one meeting of "Chi bộ Văn hóa - Xã hội" lasted under the rule's 90 minutes;
- `bithuchibo`'s last signed meeting has its conclusion notice drafted in the outgoing documents;
- a member of the second cell was absent without reason from three meetings of one calendar year
  (this year from April on, otherwise last October to December): flagged;
- `bithuchibo`'s cell has a draft resolution open for comment (one comment in, `dangvien` not yet)
  and a draft rules of work whose round is over, every comment answered in the synthesis;
- its study session of Resolution 57-NQ/TW ten days ago left one member to study it (make-up);
- seed 000: Chi bộ Vụ Hành chính - Cơ yếu's combined meeting of 14/11/2018 on serving the Central
  Committee's plenums, with its speakers and the initiatives the Central Office's deputy head asked
  to carry out at once, followed to their owners and dates.
Runs once, after the organizations' demo.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from vanphong.core import services as core_services
from vanphong.core.models import DatedRule, User
from vanphong.meetings import rule_seeds
from vanphong.meetings.models import DraftResolution, Kind, Meeting, Method, Presence
from vanphong.meetings.services import conclusions, drafts, minutes, planning, session, votes
from vanphong.organizations.models import Organization, OrgKind, Position, PositionTitle

COMMITTEE = "Đảng bộ Cơ quan Văn phòng HĐND tỉnh"
MONTHS = 12
THEMES = [
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Nâng cao chất lượng tham mưu phục vụ kỳ họp HĐND tỉnh",
    "Chuyển đổi số trong công tác văn phòng",
    "Thực hành tiết kiệm, chống lãng phí",
]


def load_meetings(*, as_of: datetime.date | None = None, out=None) -> bool:
    if Meeting.objects.exists():
        if out is not None:
            out.write("Demo meetings already loaded.")
        return False
    rule_seeds.load(DatedRule)
    committee = Organization.objects.filter(name=COMMITTEE).first()
    if committee is None:
        return False
    with transaction.atomic():
        _Loader(committee, as_of or timezone.localdate()).run()
    if out is not None:
        out.write("Demo meetings loaded.")
    return True


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _month_back(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


class _Loader:
    def __init__(self, committee: Organization, as_of: datetime.date):
        self.committee, self.as_of = committee, as_of
        self.admin = User.objects.filter(is_superuser=True).order_by("pk").first()
        self.cells = list(
            Organization.objects.get_children(committee).filter(kind=OrgKind.CELL).order_by("path")
        )

    def run(self) -> None:
        self.absent_backs = self._absent_backs()
        for index, cell in enumerate(self.cells):
            chair, secretary = self._officers(cell)
            for back in range(MONTHS, -1, -1):
                month = _month_back(self.as_of, back)
                if back == 0 and (self.as_of.day < 2 or index >= 3):
                    continue  # showcase: the last two cells have not met this month
                thematic = month.month % 3 == 0 and not (index == 4 and back < 3)
                self._held(cell, month, chair, secretary, thematic, index, back)
        for cell in self.cells:  # the standing plan the monthly meetings above follow
            planning.set_plan(
                acting_user=None,
                organization=cell,
                body="cell",
                day=5,
                time=datetime.time(14),
                place="Phòng họp tầng 2, Văn phòng HĐND tỉnh",
                planned_minutes=120,
            )
        self._upcoming(self.cells[0])
        self._seed_000()
        self._conclusion_notice(self.cells[0])
        self._study(self.cells[0])
        self._drafts(self.cells[0])

    def _absent_backs(self) -> set[int]:
        """How many months back the flagged member's three absences are: three months of one
        calendar year before this month, whatever the day."""
        year = self.as_of.year if self.as_of.month >= 4 else self.as_of.year - 1
        months = (1, 2, 3) if year == self.as_of.year else (10, 11, 12)
        now = self.as_of.year * 12 + self.as_of.month
        if year == self.as_of.year:
            return set(months)
        return {now - (year * 12 + month) for month in months}

    def _officers(self, cell):
        """The cell's secretary chairs; the next member on the list takes the minutes. Both sign
        the minutes from their own accounts (a member's Sổ tay account, without a password here)."""
        secretary_pos = Position.objects.filter(
            organization=cell, title=PositionTitle.SECRETARY
        ).first()
        chair = secretary_pos.member
        secretary = cell.members.exclude(pk=chair.pk).order_by("pk").first()
        for member in (chair, secretary):
            self._account(member)
        return chair, secretary

    def _held(self, cell, month, chair, secretary, thematic, index, back):
        day = month.replace(day=1 if back == 0 else 5)
        start = _at(day, 14)
        kind = Kind.COMBINED if thematic else Kind.REGULAR
        theme = THEMES[(month.month // 3) % len(THEMES)] if thematic else ""
        meeting = planning.plan_meeting(
            acting_user=None,
            organization=cell,
            body="cell",
            kind=kind,
            starts_at=start,
            place="Phòng họp tầng 2, Văn phòng HĐND tỉnh",
            locality="Phú Thọ",
            theme=theme,
            agenda=[
                {"title": "Đánh giá kết quả thực hiện nhiệm vụ tháng trước", "minutes": 40},
                {"title": "Phương hướng, nhiệm vụ tháng tới", "minutes": 30},
                *(
                    [{"title": f"Sinh hoạt chuyên đề: {theme}", "minutes": 45, "thematic": True}]
                    if thematic
                    else []
                ),
            ],
        )
        planning.agree_content(acting_user=None, meeting=meeting)
        planning.announce(acting_user=None, meeting=meeting)
        planning.publish_documents(
            acting_user=None, meeting=meeting, at=start - datetime.timedelta(days=2)
        )
        meeting = session.open_session(
            acting_user=None,
            meeting=meeting,
            chair=chair,
            secretary=secretary,
            started_at=start,
            purpose="Đánh giá công tác tháng, triển khai nhiệm vụ tháng tới.",
        )
        rows = list(meeting.attendance.select_related("member"))
        marks = {}
        for n, row in enumerate(rows):
            if index == 1 and n == len(rows) - 1 and back in self.absent_backs:
                marks[row.member_id] = (Presence.UNEXCUSED, "")
            elif n == len(rows) - 1 and back % 4 == 1:
                marks[row.member_id] = (Presence.EXCUSED, "Đi công tác theo quyết định của cơ quan")
            elif n == len(rows) - 2 and back % 5 == 2:
                marks[row.member_id] = (Presence.LATE, "")
            else:
                marks[row.member_id] = (Presence.PRESENT, "")
        session.record_attendance(acting_user=None, meeting=meeting, marks=marks)
        session.adopt_agenda(acting_user=None, meeting=meeting)
        session.add_speech(
            acting_user=None,
            meeting=meeting,
            member=chair,
            content="Báo cáo kết quả thực hiện nhiệm vụ tháng; chỉ ra ưu điểm, hạn chế.",
        )
        session.add_speech(
            acting_user=None,
            meeting=meeting,
            member=secretary,
            content="Đề nghị chi bộ quan tâm tiến độ chuẩn bị tài liệu phục vụ kỳ họp.",
        )
        if thematic:
            session.raise_initiative(
                acting_user=None,
                meeting=meeting,
                author=secretary,
                content="Số hóa sổ theo dõi văn bản đến của chi bộ.",
            )
        motion = votes.open_motion(
            acting_user=None,
            meeting=meeting,
            question="Thông qua nghị quyết chi bộ tháng",
            method=Method.HANDS,
        )
        present = sum(
            1 for presence, _r in marks.values() if presence in (Presence.PRESENT, Presence.LATE)
        )
        votes.record_counts(acting_user=None, motion=motion, yes=present, no=0, abstain=0)
        votes.close_motion(acting_user=None, motion=motion)
        short = index == 2 and back == 2  # showcase: a session under the rule's minutes
        length = 80 if short else (125 if thematic else 95)
        meeting = session.close_session(
            acting_user=None,
            meeting=meeting,
            ended_at=start + datetime.timedelta(minutes=length),
            conclusions="Chi bộ thống nhất đánh giá và giao nhiệm vụ tháng tới cho từng đảng viên.",
        )
        record = minutes.draft(acting_user=None, meeting=meeting)
        minutes.adopt(acting_user=None, minutes=record)
        last = back == (0 if self.as_of.day >= 2 else 1)
        if not (index == 0 and last):  # showcase: the latest minutes wait for their signatures
            for member in (chair, secretary):
                minutes.sign(user=User.objects.get(member=member), minutes=record)

    def _upcoming(self, cell):
        chair, _secretary = self._officers(cell)
        start = _at(self.as_of + datetime.timedelta(days=3), 14)
        meeting = planning.plan_meeting(
            acting_user=None,
            organization=cell,
            body="cell",
            kind=Kind.THEMATIC,
            starts_at=start,
            place="Phòng họp tầng 2, Văn phòng HĐND tỉnh",
            locality="Phú Thọ",
            theme="Nâng cao chất lượng tham mưu phục vụ kỳ họp HĐND tỉnh",
            agenda=[
                {
                    "title": "Báo cáo đề dẫn chuyên đề",
                    "minutes": 30,
                    "presenter": chair,
                    "thematic": True,
                }
            ],
        )
        planning.agree_content(acting_user=None, meeting=meeting)
        planning.announce(acting_user=None, meeting=meeting)
        member = User.objects.get(username="dangvien").member
        planning.assign_presentation(
            acting_user=None,
            meeting=meeting,
            member=member,
            topic="Kinh nghiệm thẩm tra dự toán ngân sách",
            due_on=self.as_of + datetime.timedelta(days=1),
        )

    def _conclusion_notice(self, cell):
        """The notice of the cell's last meeting whose minutes are signed, drafted by its
        secretary (then appraised, signed and issued in the documents area)."""
        secretary = User.objects.get(username="bithuchibo")
        meeting = (
            Meeting.objects.filter(organization=cell, status="held")
            .exclude(minutes_set__status="adopted")
            .order_by("-starts_at")
            .first()
        )
        if meeting is not None:
            conclusions.draft_notice(acting_user=secretary, meeting=meeting)

    def _study(self, cell):
        """A study session of Resolution 57-NQ/TW ten days ago, one member away on duty: the
        make-up is still to plan."""
        chair, secretary = self._officers(cell)
        start = _at(self.as_of - datetime.timedelta(days=10), 8)
        meeting = planning.plan_meeting(
            acting_user=None,
            organization=cell,
            body="cell",
            kind=Kind.STUDY,
            starts_at=start,
            place="Hội trường Văn phòng HĐND tỉnh",
            locality="Phú Thọ",
            theme=STUDY_THEME,
            resolution="57-NQ/TW",
        )
        meeting = session.open_session(
            acting_user=None, meeting=meeting, chair=chair, secretary=secretary, started_at=start
        )
        rows = list(meeting.attendance.order_by("member_id"))
        marks = {row.member_id: (Presence.PRESENT, "") for row in rows}
        marks[rows[-1].member_id] = (Presence.EXCUSED, "Đi công tác theo quyết định của cơ quan")
        session.record_attendance(acting_user=None, meeting=meeting, marks=marks)
        session.close_session(
            acting_user=None,
            meeting=meeting,
            ended_at=start + datetime.timedelta(minutes=150),
            conclusions="Mỗi đảng viên xây dựng kế hoạch cá nhân thực hiện Nghị quyết.",
        )

    def _drafts(self, cell):
        secretary = User.objects.get(username="bithuchibo")
        others = list(cell.members.exclude(user__username="dangvien").order_by("pk"))
        next_year = self.as_of.year + 1
        draft = drafts.create(
            acting_user=secretary,
            organization=cell,
            title=f"Dự thảo Nghị quyết lãnh đạo thực hiện nhiệm vụ năm {next_year}",
            text=DRAFT_TEXT.format(year=self.as_of.year, next_year=next_year),
        )
        draft = drafts.send(
            acting_user=secretary,
            draft=draft,
            members=[],
            organizations=[cell],
            # Still open when the demo is loaded as of an earlier day (load_demo --as-of).
            deadline=max(
                _at(self.as_of + datetime.timedelta(days=5), 17),
                timezone.now() + datetime.timedelta(days=1),
            ),
        )
        drafts.comment(
            user=self._account(others[1]),
            draft=draft,
            part=0,
            text="Đề nghị nêu chỉ tiêu cụ thể về tỷ lệ đảng viên hoàn thành tốt nhiệm vụ.",
        )

        rules = drafts.create(
            acting_user=secretary,
            organization=cell,
            title="Dự thảo Quy chế làm việc của Chi bộ nhiệm kỳ 2025-2030",
            text=RULES_TEXT,
        )
        rules = drafts.send(
            acting_user=secretary,
            draft=rules,
            members=[],
            organizations=[cell],
            deadline=timezone.now() + datetime.timedelta(minutes=5),
        )
        answers = []
        for member, part, text, disposition, reason in (
            (others[1], 4, "Bổ sung trách nhiệm của chi ủy viên phụ trách.", "accepted", ""),
            (
                others[2],
                3,
                "Đề nghị họp chi bộ vào ngày 10 hằng tháng.",
                "explained",
                "Giữ ngày 05 để kịp báo cáo đảng ủy cơ quan trước ngày 10.",
            ),
        ):
            answers.append(
                (
                    drafts.comment(user=self._account(member), draft=rules, part=part, text=text),
                    disposition,
                    reason,
                )
            )
        sent = _at(self.as_of - datetime.timedelta(days=20), 9)
        DraftResolution.objects.filter(pk=rules.pk).update(
            sent_at=sent, deadline=sent + datetime.timedelta(days=10), status="closed"
        )
        rules.refresh_from_db()
        for comment, disposition, reason in answers:
            drafts.decide(
                acting_user=secretary, comment=comment, disposition=disposition, reason=reason
            )

    def _seed_000(self):
        """The thematic meeting of seed 000, as the article tells it; a fixed date in the past,
        the same on every load day."""
        cell = Organization.objects.filter(name=SEED_000_CELL).first()
        if cell is None:
            return
        people = {m.full_name: m for m in cell.members.all()}
        chair, deputy, guest = (
            people[n] for n in ("Lê Phạm Mạnh Hà", "Lý Hồng Quang", "Trần Việt Hùng")
        )
        keeper = people["Nguyễn Thị Thanh Hương"]
        start = _at(datetime.date(2018, 11, 14), 8)
        meeting = planning.plan_meeting(
            acting_user=None,
            organization=cell,
            body="cell",
            kind=Kind.COMBINED,
            starts_at=start,
            place="Phòng họp Vụ Hành chính - Cơ yếu, Văn phòng Trung ương Đảng",
            locality="Hà Nội",
            theme=SEED_000_THEME,
            agenda=[
                {
                    "title": "Thông tin nội dung của Đảng ủy cấp trên; kết quả hoạt động của Chi "
                    "bộ, nhiệm vụ gắn với tổng kết công tác năm 2018",
                    "minutes": 40,
                    "presenter": chair,
                },
                {
                    "title": f"Sinh hoạt chuyên đề: {SEED_000_THEME}",
                    "minutes": 80,
                    "presenter": deputy,
                    "thematic": True,
                },
            ],
        )
        planning.agree_content(acting_user=None, meeting=meeting)
        planning.announce(acting_user=None, meeting=meeting)
        meeting = session.open_session(
            acting_user=None,
            meeting=meeting,
            chair=chair,
            secretary=keeper,
            started_at=start,
            purpose="Họp định kỳ theo quy định và sinh hoạt chuyên đề tháng 11/2018.",
        )
        session.record_attendance(
            acting_user=None,
            meeting=meeting,
            marks={row.member_id: (Presence.PRESENT, "") for row in meeting.attendance.all()},
        )
        session.adopt_agenda(acting_user=None, meeting=meeting)
        for member, said in _seed_000_speeches(chair, deputy, guest, people):
            session.add_speech(acting_user=None, meeting=meeting, member=member, content=said)
        due = datetime.date(2018, 12, 15)
        for author, content, owner, done_on in (
            (
                people["Phạm Quốc Khánh"],
                "Lập danh mục kiểm tra chung cho từng khâu phục vụ hội nghị (hội trường, tài "
                "liệu, lễ tân, hậu cần), các phòng đánh dấu khi hoàn thành.",
                people["Phạm Quốc Khánh"],
                datetime.date(2018, 12, 10),
            ),
            (
                people["Đào Thị Minh Ngọc"],
                "Giao nhận tài liệu mật của đại biểu theo danh sách có ký nhận, thu hồi ngay sau "
                "mỗi phiên.",
                keeper,
                None,
            ),
        ):
            initiative = session.raise_initiative(
                acting_user=None, meeting=meeting, author=author, content=content
            )
            session.decide_initiative(
                acting_user=None,
                initiative=initiative,
                status="done" if done_on else "adopted",
                done_on=done_on,
                decision="Đồng chí Phó Chánh Văn phòng Trung ương Đảng đề nghị triển khai ngay "
                "trong thực tiễn công việc.",
                owner=owner,
                due_on=due,
            )
        meeting = session.close_session(
            acting_user=None,
            meeting=meeting,
            ended_at=start + datetime.timedelta(minutes=150),
            conclusions="Thực hiện nghiêm quy định phục vụ hội nghị gắn với cải tiến các khâu "
            "công việc; tăng cường phối hợp với các đơn vị bạn; triển khai ngay các sáng kiến "
            "được ghi nhận.",
        )
        record = minutes.draft(acting_user=None, meeting=meeting)
        minutes.adopt(acting_user=None, minutes=record)
        for member in (chair, keeper):
            minutes.sign(user=self._account(member), minutes=record)

    def _account(self, member):
        """The member's account; one without a password is made for the demo to act in their
        name (signing the minutes, commenting)."""
        user = User.objects.filter(member=member).first()
        if user is None:
            user = core_services.create_user(
                acting_user=None, username=f"dangvien{member.pk}", password=None, member=member
            )
        return user


SEED_000_CELL = "Chi bộ Vụ Hành chính - Cơ yếu"
SEED_000_THEME = (
    "Nâng cao chất lượng phục vụ các Hội nghị Trung ương và Hội nghị cán bộ toàn quốc do Bộ "
    "Chính trị, Ban Bí thư triệu tập"
)


def _seed_000_speeches(chair, deputy, guest, people):
    """Who spoke at seed 000's meeting and what they said, in the article's order."""
    return [
        (
            chair,
            "Thông tin một số nội dung của Đảng ủy cấp trên và kết quả hoạt động của Chi bộ; "
            "các nhiệm vụ cần triển khai gắn với tổng kết công tác năm 2018.",
        ),
        (
            deputy,
            "Thay mặt Chi ủy nêu nội dung cơ bản về tổ chức, phục vụ hội nghị; gợi ý thảo luận: "
            "thực hiện nghiêm quy định phục vụ hội nghị gắn với cải tiến các khâu công việc, "
            "tăng cường phối hợp với các đơn vị bạn.",
        ),
        (
            people["Phạm Quốc Khánh"],
            "Rà soát quy trình của phòng: còn chồng chéo khi bàn giao hội trường giữa các phiên.",
        ),
        (
            people["Đào Thị Minh Ngọc"],
            "Việc phát và thu hồi tài liệu mật cần danh sách ký nhận theo từng đại biểu.",
        ),
        (
            guest,
            "Hoan nghênh Chi bộ sinh hoạt với nội dung thiết thực; ghi nhận các sáng kiến và đề "
            "nghị triển khai ngay; nhấn mạnh tăng cường phối hợp với các đơn vị bạn.",
        ),
    ]


STUDY_THEME = (
    "Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo "
    "và chuyển đổi số quốc gia"
)

DRAFT_TEXT = """I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM {year}
Chi bộ lãnh đạo hoàn thành các nhiệm vụ chính trị được giao, phục vụ tốt các kỳ họp HĐND tỉnh.
II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {next_year}
1. Nâng cao chất lượng sinh hoạt chi bộ, mỗi quý một chuyên đề.
2. Thực hiện tốt công tác tham mưu, thẩm tra các đề án trình HĐND tỉnh.
3. Đẩy mạnh chuyển đổi số trong công tác văn phòng."""

RULES_TEXT = """Chương I. NHỮNG QUY ĐỊNH CHUNG
Điều 1. Quy chế này quy định nguyên tắc, chế độ làm việc của Chi bộ.
Điều 2. Chi bộ họp thường kỳ mỗi tháng một lần vào ngày 05.
Điều 3. Chi ủy viên phụ trách từng lĩnh vực công tác theo phân công."""
