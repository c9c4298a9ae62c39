"""core/access.py: a role reaches its organization's subtree, never a sibling or a parent."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from tests.factories import grant, user
from vanphong.core import access
from vanphong.core.access import Action
from vanphong.documents.access import DocumentAction
from vanphong.organizations import access as org_access
from vanphong.organizations.access import OrgAction
from vanphong.organizations.models import Member, Organization
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db


def test_role_reaches_the_subtree_only(tree):
    """GIVEN a specialist of commune A
    WHEN asking about members of A's cells, of commune B and of the province
    THEN only A's subtree is reachable."""
    specialist = user("cv", roles=[(Role.SPECIALIST, tree.commune_a)])

    assert access.can(specialist, OrgAction.MEMBER_VIEW, tree.member_a1)
    assert access.can(specialist, OrgAction.MEMBER_VIEW, tree.member_a2)
    assert not access.can(specialist, OrgAction.MEMBER_VIEW, tree.member_b1)
    assert access.can(specialist, OrgAction.ORG_VIEW, tree.cell_a1)
    assert not access.can(specialist, OrgAction.ORG_VIEW, tree.province)
    assert not access.can(specialist, OrgAction.ORG_VIEW, tree.commune_b)


def test_visible_lists_only_the_subtree(tree):
    secretary = user("bt", roles=[(Role.CELL_SECRETARY, tree.cell_a1)])

    members = access.visible(secretary, Member.objects.all())
    orgs = access.visible(secretary, Organization.objects.all())

    assert list(members) == [tree.member_a1]
    assert list(orgs) == [tree.cell_a1]


def test_a_role_grants_only_its_actions(tree):
    clerk = user("vt", roles=[(Role.CLERK, tree.province)])

    assert access.can(clerk, OrgAction.MEMBER_VIEW, tree.member_b1)
    assert not access.can(clerk, OrgAction.MEMBER_PROCEDURE, tree.member_b1)
    assert not access.can(clerk, OrgAction.MEMBER_EXPORT)
    assert access.visible(clerk, Member.objects.all(), OrgAction.MEMBER_CHANGE).count() == 0


def test_member_sees_own_profile_but_not_colleagues(tree):
    own = user("dv", roles=[(Role.MEMBER, tree.cell_a1)], member_=tree.member_a1)
    colleague = Member.objects.create(
        organization=tree.cell_a1,
        full_name="Phạm Thị Lan",
        gender="female",
        birth_date="1990-01-01",
        admitted_on="2015-01-01",
    )

    assert access.can(own, OrgAction.MEMBER_VIEW, tree.member_a1)
    assert not access.can(own, OrgAction.MEMBER_VIEW, colleague)
    assert list(access.visible(own, Member.objects.all())) == [tree.member_a1]
    assert access.can(own, OrgAction.ORG_VIEW, tree.cell_a1)


def test_roles_at_two_places_add_up(tree):
    u = user("two", roles=[(Role.SPECIALIST, tree.cell_a1), (Role.SPECIALIST, tree.commune_b)])

    ids = set(access.visible(u, Member.objects.all()).values_list("pk", flat=True))

    assert ids == {tree.member_a1.pk, tree.member_b1.pk}


def test_nested_scopes_are_collapsed(tree):
    u = user("nested", roles=[(Role.SPECIALIST, tree.province), (Role.SPECIALIST, tree.cell_a1)])

    assert access.scope_paths(u, OrgAction.MEMBER_VIEW) == [tree.province.path]


def test_anonymous_and_inactive_users_see_nothing(tree):
    inactive = user("off", roles=[(Role.ADMIN, tree.centre)], is_active=False)

    for who in (AnonymousUser(), inactive):
        assert not access.can(who, OrgAction.ORG_VIEW, tree.centre)
        assert access.visible(who, Organization.objects.all()).count() == 0


def test_superuser_sees_everything(tree):
    root = user("root", is_superuser=True)

    assert access.visible(root, Member.objects.all()).count() == 3
    assert access.can(root, Action.RULES_CHANGE)


def test_get_for_answers_404_alike_for_missing_and_forbidden(tree):
    secretary = user("bt", roles=[(Role.CELL_SECRETARY, tree.cell_a1)])

    assert org_access.get_member_for(secretary, tree.member_a1.pk) == tree.member_a1
    for pk in (tree.member_b1.pk, 999_999, "abc"):
        with pytest.raises(Http404):
            org_access.get_member_for(secretary, pk)


def test_scopes_are_read_once_per_user_object(tree, django_assert_num_queries):
    u = user("cv", roles=[(Role.SPECIALIST, tree.commune_a)])
    access.can(u, OrgAction.MEMBER_VIEW, tree.member_a1)

    with django_assert_num_queries(0):
        for m in (tree.member_a1, tree.member_a2, tree.member_b1):
            access.can(u, OrgAction.MEMBER_VIEW, m)


def test_grant_after_caching_needs_a_fresh_user_object(tree):
    u = user("late")
    assert not access.can(u, OrgAction.ORG_VIEW, tree.cell_a1)
    grant(u, Role.MEMBER, tree.cell_a1)

    fresh = type(u).objects.get(pk=u.pk)

    assert access.can(fresh, OrgAction.ORG_VIEW, tree.cell_a1)


def test_holders_are_the_users_can_answers_yes_for(tree):
    """`holders` (one query) lists exactly the active users `can` allows, with the clearance."""
    from tests import factories
    from vanphong.core import access
    from vanphong.organizations.roles import Role

    p, a = tree.province, tree.commune_a
    people = [
        factories.user("h_head", roles=[(Role.OFFICE_HEAD, p)], clearance=1),
        factories.user("h_clerk", roles=[(Role.CLERK, p)]),
        factories.user("h_child", roles=[(Role.OFFICE_HEAD, a)], clearance=2),
        factories.user("h_gone", roles=[(Role.OFFICE_HEAD, p)], is_active=False),
        factories.user("h_centre", roles=[(Role.ADMIN, tree.centre)], clearance=3),
    ]
    for action in (DocumentAction.ROUTE, DocumentAction.ISSUE, DocumentAction.VIEW):
        for clearance in (0, 1, 2):
            expected = {
                u.username
                for u in people
                if access.can(u, action, p) and access.clearance_allows(u, clearance)
            }
            listed = set(access.holders(action, p, clearance).values_list("username", flat=True))
            assert listed == expected, (action, clearance)
