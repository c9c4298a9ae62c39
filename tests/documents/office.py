"""The province's office of the documents tests (its clerk, head, specialist and leader, and
helpers to register and draft), shared by other areas' tests: a plain module, not a conftest."""

import datetime

from django.utils import timezone

from tests import factories
from vanphong.core.models import DatedRule
from vanphong.documents import rule_seeds
from vanphong.documents.services import incoming, outgoing
from vanphong.organizations.models import CommitteeTerm
from vanphong.organizations.roles import Role


class Office:
    """The province's office: clerk, office head, specialist, leader; a term 2025–2030."""

    def __init__(self, tree):
        rule_seeds.load(DatedRule)  # transactional tests flush the data migration's rows
        self.tree = tree
        p = tree.province
        self.term = CommitteeTerm.objects.create(
            organization=p, name="2025–2030", starts_on=datetime.date(2025, 10, 1)
        )
        self.clerk = factories.user("vt", roles=[(Role.CLERK, p)], first_name="Hà", last_name="Thu")
        self.head = factories.user("cvp", roles=[(Role.OFFICE_HEAD, p)], last_name="Chánh VP")
        self.specialist = factories.user(
            "cv", roles=[(Role.SPECIALIST, p)], first_name="Minh", last_name="Nguyễn Văn"
        )
        self.leader = factories.user(
            "bt", roles=[(Role.LEADER, p)], first_name="Hùng", last_name="Trần Quốc", clearance=3
        )
        self.sibling_clerk = factories.user("vt_xa", roles=[(Role.CLERK, tree.commune_b)])
        # Classified records are entered by people cleared for them (nobody may create one
        # above their own clearance); the clerk and specialist above stay uncleared readers.
        self.cleared_clerk = factories.user(
            "vt_tuyet_mat", roles=[(Role.CLERK, p)], clearance=3, last_name="Văn thư cơ yếu"
        )
        self.cleared_specialist = factories.user(
            "cv_tuyet_mat", roles=[(Role.SPECIALIST, p)], clearance=3, last_name="Chuyên viên"
        )
        self._cleared = {}

    def cleared(self, user, level: int):
        """`user`'s desk held by someone with clearance `level`: the workflow refuses a step on a
        document above its taker's clearance, so classified documents go through these."""
        if level <= user.clearance:
            return user
        key = (user.pk, level)
        if key not in self._cleared:
            roles = [(ra.role, ra.organization) for ra in user.role_assignments.all()]
            self._cleared[key] = factories.user(
                f"{user.username}_mat{level}",
                roles=roles,
                clearance=level,
                first_name=user.first_name,
                last_name=f"{user.last_name} (mật)",
            )
        return self._cleared[key]

    def register(self, **overrides):
        values = {
            "acting_user": self.clerk,
            "organization": self.tree.province,
            "received_at": timezone.now(),
            "channel": "paper",
            "issuer": "Ban Tổ chức Trung ương",
            "original_number": "Số 42-HD/BTCTW",
            "document_date": datetime.date(2025, 10, 28),
            "doc_type": "huong_dan",
            "summary": "Hướng dẫn tổ chức sinh hoạt chi bộ",
            "pages": 6,
        }
        values.update(overrides)
        if values.get("confidentiality") and "acting_user" not in overrides:
            values["acting_user"] = self.cleared_clerk
        return incoming.register_incoming(**values)

    def draft(self, **overrides):
        values = {
            "acting_user": self.specialist,
            "organization": self.tree.province,
            "doc_type": "nghi_quyet",
            "summary": "về tăng cường công tác văn thư, lưu trữ",
            "body": "Đoạn một.\nĐoạn hai.",
            "issuing_body": "Ban Thường vụ Tỉnh ủy",
            "superior_body": "Đảng bộ tỉnh Lào Cai",
            "place": "Lào Cai",
            "signer_position": "Bí thư",
            "authority_line": "T/M Ban Thường vụ",
            "recipients": "Các đảng ủy trực thuộc\nLưu Văn phòng Tỉnh ủy",
        }
        values.update(overrides)
        if values.get("confidentiality") and "acting_user" not in overrides:
            values["acting_user"] = self.cleared_specialist
        return outgoing.create_draft(**values)

    def signed(self, **overrides):
        document = self.draft(**overrides)
        drafter = document.drafted_by
        head = self.cleared(self.head, document.confidentiality)
        outgoing.send_to_appraisal(acting_user=drafter, document=document)
        outgoing.appraise(acting_user=head, document=document, verdict="agree")
        outgoing.submit_for_signature(acting_user=drafter, document=document, signer=self.leader)
        outgoing.sign(acting_user=self.leader, document=document)
        document.refresh_from_db()
        return document

    def issued(self, on=None, **overrides):
        document = self.signed(**overrides)
        if on is not None:  # a document signed that morning (the workflow ran "now")
            document.signed_at = timezone.make_aware(
                datetime.datetime.combine(on, datetime.time(8))
            )
            document.save(update_fields=["signed_at"])
        clerk = self.cleared(self.clerk, document.confidentiality)
        return outgoing.issue(acting_user=clerk, document=document, on=on)
