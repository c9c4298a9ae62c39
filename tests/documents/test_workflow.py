"""The outgoing workflow table against every step, every state and every role: the services let a
user take a step exactly when documents/workflow.py allows it, the table says what an office
expects (EXPECTED below), and the detail page offers exactly the steps the table allows."""

import datetime
import re
import stat

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.documents.test_uploads import pdf_bytes
from vanphong.core import audit
from vanphong.documents import workflow
from vanphong.documents.models import Dispatch, OutgoingStatus
from vanphong.documents.services import dispatch, files, outgoing
from vanphong.documents.services.errors import DocumentError
from vanphong.organizations.roles import Role

DAY = datetime.date(2026, 3, 12)
# The refusals of the workflow itself; any other DocumentError (no certificate yet, …) comes after
# the step was allowed.
WORKFLOW_CODES = {
    "wrong_state",
    "not_allowed",
    "not_drafter",
    "not_signer",
    "not_appraised",
    "pdf_already_signed",
}

# One user per role at the province, and the two people the conditions name.
ROLE_ACTORS = [str(role) for role in Role]
ACTORS = [*ROLE_ACTORS, "drafter", "signer"]

DRAFTING = {"admin", "office_head", "specialist", "cell_secretary", "drafter"}
APPRAISING = {"admin", "office_head", "cell_secretary"}
ISSUING = {"admin", "clerk", "cell_secretary"}
AFTER_ISSUE = dict.fromkeys(("recall", "pdf", "seal", "dispatch", "delivery", "sign_pdf"), ISSUING)

# state → step → who may take it; a step not listed is refused to everyone in that state.
EXPECTED = {
    "draft": {
        "edit": DRAFTING,
        "to_appraisal": {"drafter"},
        "cancel": DRAFTING,
        "upload": DRAFTING,
    },
    # sent back by the appraiser or the signer: its author revises it or sends it again
    "returned": {
        "edit": DRAFTING,
        "to_appraisal": {"drafter"},
        "cancel": DRAFTING,
        "upload": DRAFTING,
    },
    "appraisal": {
        "appraise": APPRAISING,
        "request_revision": APPRAISING,
        "cancel": DRAFTING,
        "upload": DRAFTING,
    },
    "agreed": {
        "appraise": APPRAISING,
        "request_revision": APPRAISING,
        "submit": DRAFTING,
        "cancel": DRAFTING,
        "upload": DRAFTING,
    },
    "submitted": {"sign": {"signer"}, "return": {"signer"}, "cancel": DRAFTING, "upload": DRAFTING},
    "signed": {"issue": ISSUING, "cancel": ISSUING, "upload": DRAFTING},
    "issued": {**AFTER_ISSUE, "cancel": ISSUING, "upload": DRAFTING},
    "cancelled": {},
    "recalled": {},
}


@pytest.fixture
def fake_soffice(settings, tmp_path):
    """A stand-in for LibreOffice that writes a one-line PDF at once (conversion itself is tested
    in test_layout_pdf)."""
    script = tmp_path / "soffice"
    script.write_text(
        "#!/usr/bin/env python3\n"
        "import pathlib, sys\n"
        "args = sys.argv[1:]\n"
        "out = pathlib.Path(args[args.index('--outdir') + 1])\n"
        "(out / (pathlib.Path(args[-1]).stem + '.pdf')).write_bytes(b'%PDF-1.4\\n%%EOF\\n')\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    settings.SOFFICE_BINARY = str(script)
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def desk(office, fake_soffice):
    """The actors, and one document of the specialist's (signer: the leader) in each state."""
    p = office.tree.province
    actors = {role: factories.user(f"r_{role}", roles=[(role, p)]) for role in ROLE_ACTORS}
    actors["drafter"], actors["signer"] = office.specialist, office.leader
    documents = {"draft": office.draft()}
    documents["appraisal"] = office.draft()
    outgoing.send_to_appraisal(acting_user=office.specialist, document=documents["appraisal"])
    documents["agreed"] = office.draft()
    outgoing.send_to_appraisal(acting_user=office.specialist, document=documents["agreed"])
    outgoing.appraise(acting_user=office.head, document=documents["agreed"], verdict="agree")
    documents["submitted"] = office.draft()
    outgoing.send_to_appraisal(acting_user=office.specialist, document=documents["submitted"])
    outgoing.appraise(acting_user=office.head, document=documents["submitted"], verdict="agree")
    outgoing.submit_for_signature(
        acting_user=office.specialist, document=documents["submitted"], signer=office.leader
    )
    documents["returned"] = office.draft()
    outgoing.send_to_appraisal(acting_user=office.specialist, document=documents["returned"])
    outgoing.appraise(acting_user=office.head, document=documents["returned"], verdict="agree")
    outgoing.submit_for_signature(
        acting_user=office.specialist, document=documents["returned"], signer=office.leader
    )
    outgoing.return_unsigned(
        acting_user=office.leader, document=documents["returned"], reason="Sửa đoạn hai"
    )
    documents["signed"] = office.signed()
    _sign_on(documents["signed"], DAY)
    documents["issued"] = office.issued(on=DAY)
    dispatch.send(
        acting_user=office.clerk,
        document=documents["issued"],
        recipients=["Các đảng ủy trực thuộc"],
        channel="paper",
        sent_on=DAY,
    )
    documents["cancelled"] = office.draft()
    outgoing.cancel(acting_user=office.specialist, document=documents["cancelled"], reason="Bỏ")
    documents["recalled"] = office.issued(on=DAY)
    outgoing.recall(acting_user=office.clerk, document=documents["recalled"], reason="Nhầm")
    for document in documents.values():
        document.refresh_from_db()
        if not document.dispatches.exists():  # a copy to update the delivery of, in any state
            Dispatch.objects.create(
                document=document,
                recipient="Lưu",
                channel="paper",
                sent_on=DAY,
                sent_by=office.clerk,
            )
    return office, actors, documents


def _sign_on(document, day):
    document.signed_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))
    document.save(update_fields=["signed_at"])


def _take(office, user, document, step):
    """Take `step` through its service, as the page and the API do."""
    reason = "Lý do đủ rõ"
    if step == "edit":
        outgoing.update_draft(acting_user=user, document=document, summary="về việc đã sửa")
    elif step == "to_appraisal":
        outgoing.send_to_appraisal(acting_user=user, document=document)
    elif step in ("appraise", "request_revision"):
        verdict = "revise" if step == "request_revision" else "agree"
        outgoing.appraise(acting_user=user, document=document, verdict=verdict, text=reason)
    elif step == "submit":
        outgoing.submit_for_signature(acting_user=user, document=document, signer=office.leader)
    elif step == "sign":
        outgoing.sign(acting_user=user, document=document)
    elif step == "return":
        outgoing.return_unsigned(acting_user=user, document=document, reason=reason)
    elif step == "issue":
        outgoing.issue(acting_user=user, document=document, on=DAY)
    elif step == "cancel":
        outgoing.cancel(acting_user=user, document=document, reason=reason)
    elif step == "recall":
        outgoing.recall(acting_user=user, document=document, reason=reason)
    elif step == "pdf":
        files.issued_pdf(user, document)
    elif step == "sign_pdf":
        files.sign_issued(user, document, "mật khẩu")
    elif step == "seal":
        dispatch.apply_seal(acting_user=user, document=document, copies=2)
    elif step == "dispatch":
        dispatch.send(
            acting_user=user, document=document, recipients=["Lưu"], channel="paper", sent_on=DAY
        )
    elif step == "delivery":
        row = document.dispatches.first()
        dispatch.set_delivery(acting_user=user, dispatch=row, status="delivered")
    elif step == "upload":
        upload = SimpleUploadedFile("phu-luc.pdf", pdf_bytes(), content_type="application/pdf")
        files.add_upload(user, document, upload)
    else:
        raise AssertionError(step)


def _outcome(office, user, document, step) -> bool:
    """Did the service take the step? Tried in a savepoint rolled back, so every try starts from
    the same document."""
    try:
        with transaction.atomic():
            try:
                _take(office, user, document, step)
            finally:
                transaction.set_rollback(True)
    except DocumentError as error:
        if error.code in WORKFLOW_CODES:
            return False
    return True


STEPS = [name for name in workflow.NAMES if name != "draft"]


def test_the_table_covers_every_step_and_state():
    assert set(workflow.NAMES) == {"draft", *STEPS}
    for step in workflow.STEPS:
        assert set(step.sources) <= set(OutgoingStatus.values), step.name
        assert step.target is None or step.target in OutgoingStatus.values, step.name
    # No name has two rows for one state: the table never has to choose.
    for name in workflow.NAMES:
        for status in OutgoingStatus.values:
            rows = [s for s in workflow.STEPS if s.name == name and status in s.sources]
            assert len(rows) <= 1, (name, status)


@pytest.mark.parametrize("state", list(EXPECTED))
def test_every_step_by_every_role_through_the_services(desk, state):
    office, actors, documents = desk
    document = documents[state]
    for step in STEPS:
        expected = EXPECTED[state].get(step, set())
        table = {who for who in ACTORS if workflow.allows(actors[who], document, step)}
        taken = {who for who in ACTORS if _outcome(office, actors[who], document, step)}
        assert table == expected, (state, step, "table")
        assert taken == expected, (state, step, "services")


def test_only_holders_of_the_draft_action_create_drafts(desk):
    office, actors, _documents = desk
    created = set()
    for who in ACTORS:
        try:
            with transaction.atomic():
                office.draft(acting_user=actors[who])
                transaction.set_rollback(True)
        except DocumentError as error:
            assert error.code == "not_allowed", who
        else:
            created.add(who)
    assert created == DRAFTING


def test_a_taken_step_moves_to_the_tables_state_and_records_its_action(desk):
    office, actors, documents = desk
    for state, who, step in [
        ("draft", "drafter", "to_appraisal"),
        ("agreed", "drafter", "submit"),
        ("appraisal", "office_head", "request_revision"),
        ("submitted", "signer", "sign"),
        ("submitted", "signer", "return"),
        ("signed", "clerk", "issue"),
        ("issued", "clerk", "recall"),
        ("issued", "clerk", "cancel"),
        ("draft", "specialist", "cancel"),
        ("returned", "drafter", "edit"),
        ("returned", "drafter", "to_appraisal"),
    ]:
        document = documents[state]
        row = workflow.step_for(step, document.status)
        with transaction.atomic():
            _take(office, actors[who], document, step)
            document.refresh_from_db()
            assert document.status == (row.target or documents[state].status), (state, step)
            assert audit.history_of(document).order_by("-pk").first().action == row.records
            transaction.set_rollback(True)
        documents[state].refresh_from_db()


def _offered(html: str) -> set[str]:
    return set(re.findall(r'data-step="([a-z_]+)"', html))


@pytest.mark.parametrize("state", list(EXPECTED))
def test_the_page_offers_exactly_the_steps_the_table_allows(client, desk, state):
    """The appraisal form carries both verdicts, so "request_revision" is offered as "appraise"."""
    office, actors, documents = desk
    document = documents[state]
    url = reverse("documents:outgoing_detail", args=[document.pk])
    for who in ACTORS:
        client.force_login(actors[who])
        response = client.get(url)
        if response.status_code == 404:
            assert workflow.available(actors[who], document) == frozenset(), who
            continue
        expected = {step for step, allowed in EXPECTED[state].items() if who in allowed}
        expected.discard("request_revision")
        assert _offered(response.content.decode()) == expected, (state, who)


def test_submit_is_not_offered_to_the_drafter_before_the_agreement(client, desk):
    office, actors, documents = desk
    client.force_login(office.specialist)
    page = client.get(reverse("documents:outgoing_detail", args=[documents["appraisal"].pk]))
    assert "Trình ký" not in page.content.decode()
    page = client.get(reverse("documents:outgoing_detail", args=[documents["agreed"].pk]))
    assert 'data-step="submit"' in page.content.decode()


# The steps the API takes, each as (method, address under the document, body).
API_STEPS = {
    "edit": ("patch", "", {"summary": "về việc đã sửa qua API"}),
    "to_appraisal": ("post", "/to-appraisal", {}),
    "appraise": ("post", "/appraisals", {"verdict": "agree", "text": "Lý do đủ rõ"}),
    "request_revision": ("post", "/appraisals", {"verdict": "revise", "text": "Lý do đủ rõ"}),
    "submit": ("post", "/submit", None),  # the signer is filled in per desk
    "sign": ("post", "/sign", {}),
    "return": ("post", "/return", {"text": "Lý do đủ rõ"}),
    "issue": ("post", "/issue", {"issued_on": DAY.isoformat()}),
    "cancel": ("post", "/cancel", {"text": "Lý do đủ rõ"}),
    "recall": ("post", "/recall", {"text": "Lý do đủ rõ"}),
    "seal": ("post", "/seal", {"copies": 2}),
    "dispatch": (
        "post",
        "/dispatches",
        {"recipients": ["Lưu"], "channel": "paper", "sent_on": DAY.isoformat()},
    ),
}


def _through_api(client, office, user, document, step) -> int:
    """The status the API answers `user` taking `step`, in a savepoint rolled back."""
    from tests.api.conftest import bearer

    method, tail, body = API_STEPS[step]
    if body is None:
        body = {"signer": office.leader.pk}
    headers = bearer(user)
    with transaction.atomic():
        try:
            response = getattr(client, method)(
                f"/api/v1/outgoing/{document.pk}{tail}",
                body,
                content_type="application/json",
                **headers,
            )
        finally:
            transaction.set_rollback(True)
    assert response.status_code in (200, 201, 400, 404), (
        step,
        response.status_code,
        response.content,
    )
    return response.status_code


@pytest.mark.parametrize("state", list(EXPECTED))
def test_every_step_by_every_role_through_the_api(client, desk, state):
    """The API takes a step exactly when the table allows it: 200/201 for the allowed actors,
    404 for those without the step's action, 400 (with the service's reason) for the others."""
    office, actors, documents = desk
    document = documents[state]
    for step in API_STEPS:
        expected = EXPECTED[state].get(step, set())
        taken = {
            who
            for who in ACTORS
            if _through_api(client, office, actors[who], document, step) in (200, 201)
        }
        assert taken == expected, (state, step, "API")
