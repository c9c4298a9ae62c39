"""Who may read and take each step of a document through the API: the role reaches the record's
organization and its subtree only; a refusal answers 404 like a missing record and changes
nothing; no token or a revoked one, 401."""

import pytest

from tests import factories
from tests.api import test_documents_api as shared
from tests.api.conftest import Places, matrix
from tests.api.test_documents_api import docs_state, draft_payload, incoming_payload
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.documents.services import outgoing
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db

office = shared.office


@pytest.fixture
def places(tree):
    """Around commune A: the province above, commune B beside, cell A1 below."""
    return Places(tree.commune_a, tree.province, tree.commune_b, tree.cell_a1)


@pytest.fixture
def commune_doc(office, tree):
    return office.register(organization=tree.commune_a)


def check(response, expected: int, before: dict) -> bool:
    """True when refused (and then nothing changed)."""
    assert response.status_code == expected, response.content
    if expected >= 400:
        assert docs_state() == before
        if expected == 404:
            assert response.json()["code"] == "not_found"
        return True
    return False


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_read_an_incoming_document(api, places, commune_doc, place, holds_role, expected):
    u = places.caller(place, holds_role, Role.CLERK, Role.MEMBER)
    before = docs_state()

    response = api("get", f"/incoming/{commune_doc.pk}", u)

    if not check(response, expected, before):
        assert response.json()["summary"] == commune_doc.summary


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_list_incoming_documents(api, places, commune_doc, place, holds_role, expected):
    """The list itself answers 200 to any user; a refusal is an empty list (404 stays for
    records), no token 401."""
    u = places.caller(place, holds_role, Role.CLERK, Role.MEMBER)

    response = api("get", "/incoming", u)

    if expected == 401:
        assert response.status_code == 401
        return
    assert response.status_code == 200
    shown = [d["id"] for d in response.json()["items"]]
    assert shown == ([commune_doc.pk] if expected == 200 else [])


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(201))
def test_register_in_a_register(api, places, tree, place, holds_role, expected):
    """A clerk registers; a specialist (reads documents, does not register) may not."""
    u = places.caller(place, holds_role, Role.CLERK, Role.SPECIALIST)
    before = docs_state()

    response = api("post", "/incoming", u, json=incoming_payload(tree.commune_a))

    if not check(response, expected, before):
        created = IncomingDocument.objects.get(pk=response.json()["id"])
        assert (created.organization, created.registered_by) == (tree.commune_a, u)


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_assign(api, places, office, commune_doc, place, holds_role, expected):
    """The office head routes; a specialist (reads the document) may not: 404, nothing changed."""
    u = places.caller(place, holds_role, Role.OFFICE_HEAD, Role.SPECIALIST)
    before = docs_state()

    response = api(
        "post", f"/incoming/{commune_doc.pk}/assign", u, json={"lead": office.specialist.pk}
    )

    if not check(response, expected, before):
        assert response.json()["status"] == "assigned"


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(201))
def test_draft(api, places, tree, place, holds_role, expected):
    u = places.caller(place, holds_role, Role.SPECIALIST, Role.CLERK)
    before = docs_state()

    response = api("post", "/outgoing", u, json=draft_payload(tree.commune_a))

    if not check(response, expected, before):
        assert OutgoingDocument.objects.get(pk=response.json()["id"]).drafted_by == u


@pytest.fixture
def in_appraisal(office, tree):
    draft = office.draft(organization=tree.commune_a)
    outgoing.send_to_appraisal(acting_user=office.specialist, document=draft)
    return draft


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(201))
def test_appraise(api, places, in_appraisal, place, holds_role, expected):
    u = places.caller(place, holds_role, Role.OFFICE_HEAD, Role.SPECIALIST)
    before = docs_state()

    response = api("post", f"/outgoing/{in_appraisal.pk}/appraisals", u, json={"verdict": "agree"})

    if not check(response, expected, before):
        assert response.json()["verdict"] == "agree"


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_issue(api, places, office, tree, place, holds_role, expected):
    """The clerk issues; a specialist (drafts, reads) may not."""
    signed = office.signed(organization=tree.commune_a)
    u = places.caller(place, holds_role, Role.CLERK, Role.SPECIALIST)
    before = docs_state()

    response = api("post", f"/outgoing/{signed.pk}/issue", u, json={})

    if not check(response, expected, before):
        assert response.json()["symbol"] == "01-NQ/ĐU"


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_download_the_docx(api, places, office, tree, place, holds_role, expected):
    draft = office.draft(organization=tree.commune_a)
    u = places.caller(place, holds_role, Role.CLERK, Role.MEMBER)
    before = docs_state()

    response = api("get", f"/outgoing/{draft.pk}/docx", u)

    if not check(response, expected, before):
        assert response.content[:2] == b"PK"


def test_only_the_designated_signer_signs(api, office, tree):
    """GIVEN a draft submitted to the leader WHEN another leader of the province signs
    THEN 400 not_signer and nothing changes; the designated one signs."""
    draft = office.draft()
    outgoing.send_to_appraisal(acting_user=office.specialist, document=draft)
    outgoing.appraise(acting_user=office.head, document=draft, verdict="agree")
    outgoing.submit_for_signature(
        acting_user=office.specialist, document=draft, signer=office.leader
    )
    other = factories.user("pbt", roles=[(Role.LEADER, tree.province)])
    before = docs_state()

    refused = api("post", f"/outgoing/{draft.pk}/sign", other)

    assert (refused.status_code, refused.json()["code"]) == (400, "not_signer")
    assert refused.json()["message"] == "Chỉ người được trình ký mới được ký văn bản này."
    assert docs_state() == before
    assert api("post", f"/outgoing/{draft.pk}/sign", office.leader).json()["status"] == "signed"


def test_a_missing_document_answers_like_a_forbidden_one(api, office, tree, commune_doc):
    outsider = factories.user("vt_b", roles=[(Role.CLERK, tree.commune_b)])

    missing = api("get", "/incoming/999999", outsider)
    forbidden = api("get", f"/incoming/{commune_doc.pk}", outsider)
    step = api("post", f"/incoming/{commune_doc.pk}/close", outsider, json={"text": "x"})

    assert missing.status_code == forbidden.status_code == step.status_code == 404
    assert missing.json() == forbidden.json() == step.json()
