"""Access matrix of every document page and step: the province's own office roles,
a clerk of the parent (Centre), of a child and of a sibling commune, a plain member, an
accountant, and anonymous. Allowed answers 200 (pages) or 302 (steps); refused answers 404 like a
missing record (anonymous: the login page), and a refused step changes nothing."""

import pytest
from django.urls import reverse

from tests import factories
from vanphong.core.models import AuditEntry
from vanphong.organizations.roles import Role

OFFICE = ("clerk", "head", "specialist", "leader")
VIEWERS = {*OFFICE, "parent_clerk"}
ALL_DOC_ROLES = {*VIEWERS, "child_clerk", "sibling_clerk"}
NOBODY = set()
USERS = [*OFFICE, "parent_clerk", "child_clerk", "sibling_clerk", "member", "accountant", "anon"]


@pytest.fixture
def world(office):
    t = office.tree
    users = {
        "clerk": office.clerk,
        "head": office.head,
        "specialist": office.specialist,
        "leader": office.leader,
        "parent_clerk": factories.user("vt_tw", roles=[(Role.CLERK, t.centre)]),
        "child_clerk": factories.user("vt_con", roles=[(Role.CLERK, t.commune_a)]),
        "sibling_clerk": office.sibling_clerk,
        "member": factories.user("dv", roles=[(Role.MEMBER, t.province)]),
        "accountant": factories.user("kt", roles=[(Role.ACCOUNTANT, t.province)]),
        "anon": None,
    }
    received = office.register()
    draft = office.draft()
    issued = office.issued()
    return office, users, received, draft, issued


PAGES = [
    ("incoming_list", None, ALL_DOC_ROLES),
    ("incoming_register", None, {"clerk", "head", "parent_clerk", "child_clerk", "sibling_clerk"}),
    ("incoming_detail", "received", VIEWERS),
    ("incoming_history", "received", VIEWERS),
    ("outgoing_list", None, ALL_DOC_ROLES),
    ("outgoing_create", None, {"head", "specialist"}),
    ("outgoing_detail", "issued", VIEWERS),
    ("outgoing_history", "issued", VIEWERS),
    ("outgoing_docx", "issued", VIEWERS),
    ("outgoing_edit", "draft", {"head", "specialist"}),
    ("deadline_dashboard", None, ALL_DOC_ROLES),
]


@pytest.mark.parametrize(("name", "target", "allowed"), PAGES, ids=[p[0] for p in PAGES])
def test_pages(client, world, name, target, allowed):
    office, users, received, draft, issued = world
    objects = {"received": received, "draft": draft, "issued": issued}
    url = reverse(f"documents:{name}", args=[objects[target].pk] if target else [])
    outcome = {}
    for who in USERS:
        client.logout()
        if users[who] is not None:
            client.force_login(users[who])
        outcome[who] = client.get(url).status_code
    assert outcome.pop("anon") == 302
    assert {who for who, status in outcome.items() if status == 200} == allowed
    assert {status for who, status in outcome.items() if who not in allowed} <= {404}


def test_register_pages_of_the_province(client, world):
    office, users, *_ = world
    for word in ("den", "di", "con-dau"):
        url = reverse("documents:register", args=[word]) + f"?don_vi={office.tree.province.pk}"
        allowed = set()
        for who in USERS[:-1]:
            client.force_login(users[who])
            if client.get(url).status_code == 200:
                allowed.add(who)
        assert allowed == VIEWERS, word


STEPS = [
    ("incoming_step", "received", "assign", {"head", "leader"}),
    ("incoming_step", "received", "direct", {"head", "leader"}),
    ("incoming_step", "received", "upload", {"clerk", "head", "parent_clerk"}),
    ("outgoing_step", "draft", "to_appraisal", {"head", "specialist"}),
    ("outgoing_step", "draft", "appraise", {"head"}),
    ("outgoing_step", "draft", "submit", {"head", "specialist"}),
    ("outgoing_step", "draft", "sign", {"leader"}),
    ("outgoing_step", "issued", "issue", {"clerk", "parent_clerk"}),
    ("outgoing_step", "issued", "seal", {"clerk", "parent_clerk"}),
    ("outgoing_step", "issued", "dispatch", {"clerk", "parent_clerk"}),
    ("outgoing_step", "issued", "recall", {"clerk", "parent_clerk"}),
    ("outgoing_step", "issued", "cancel", {"clerk", "parent_clerk"}),
    ("outgoing_step", "draft", "cancel", {"head", "specialist"}),
]


@pytest.mark.parametrize(
    ("name", "target", "step", "allowed"), STEPS, ids=[f"{s[2]}-{s[1]}" for s in STEPS]
)
def test_steps(client, world, name, target, step, allowed):
    """Each refused user's POST answers 404 and writes nothing; each allowed one gets through
    (the step may then be refused by the workflow, with a message, but not by access)."""
    office, users, received, draft, issued = world
    obj = {"received": received, "draft": draft, "issued": issued}[target]
    url = reverse(f"documents:{name}", args=[obj.pk, step])
    through = set()
    for who in USERS:
        if who in allowed:
            continue
        client.logout()
        if users[who] is not None:
            client.force_login(users[who])
        before = AuditEntry.objects.count()
        status = client.post(url, {"text": "Không được phép", "verdict": "agree"}).status_code
        assert status == (302 if who == "anon" else 404), who
        assert AuditEntry.objects.count() == before, who
    fresh = {"received": office.register, "draft": office.draft, "issued": office.issued}[target]
    for who in sorted(allowed):  # each on a record of its own: a step changes the state
        client.force_login(users[who])
        own = reverse(f"documents:{name}", args=[fresh().pk, step])
        # 302: done or refused by the workflow with a message; 400: the form shown again with
        # its errors at their fields (the assignment without a lead)
        if client.post(own, {"text": "…"}).status_code in (302, 400):
            through.add(who)
    assert through == allowed
