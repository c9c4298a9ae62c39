"""RULES_CHANGE and USERS_MANAGE are checked where rules, users and roles change: in the services
and in the admin; the admin's user edits go through the services and are audited."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.factories import user
from vanphong.core import rules, services
from vanphong.core.models import AuditEntry, DatedRule, RoleAssignment, User
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db
DAY = datetime.date(2027, 3, 17)  # a day no area's first rows take effect on
TYPE = {"name": "Quy định", "abbreviation": "QĐi", "administrative": False}


def staff(username, *models, roles=()):
    """A staff user holding Django's add/change/view permissions on `models`: only our actions
    stand between them and the change."""
    u = user(username, roles=roles, is_staff=True)
    codenames = [f"{verb}_{m}" for m in models for verb in ("add", "change", "view", "delete")]
    u.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return User.objects.get(pk=u.pk)


def test_a_rule_is_changed_only_by_a_holder_of_rules_change(tree):
    head = user("cvp", roles=[(Role.OFFICE_HEAD, tree.province)])
    admin = user("qt", roles=[(Role.ADMIN, tree.centre)])
    with pytest.raises(PermissionDenied):
        rules.set_rule(
            acting_user=head, table="document_type", key="quy_dinh", effective_from=DAY, value=TYPE
        )
    rules.set_rule(
        acting_user=admin, table="document_type", key="quy_dinh", effective_from=DAY, value=TYPE
    )
    assert DatedRule.objects.filter(effective_from=DAY).count() == 1
    assert AuditEntry.objects.filter(action="rule.set", actor=admin).count() == 1


def test_the_rule_admin_is_closed_to_staff_without_rules_change(client, tree):
    clerk = staff("vt", "datedrule", roles=[(Role.CLERK, tree.province)])
    client.force_login(clerk)
    assert client.get(reverse("admin:core_datedrule_add")).status_code == 403
    response = client.post(
        reverse("admin:core_datedrule_add"),
        {
            "table": "document_type",
            "key": "quy_dinh",
            "effective_from": "17/03/2027",
            "value": "{}",
        },
    )
    assert response.status_code == 403
    assert not DatedRule.objects.filter(effective_from=DAY).exists()


def test_roles_are_granted_only_within_the_granters_scope(tree):
    province_admin = user("qt_tinh", roles=[(Role.ADMIN, tree.province)])
    head = user("cvp", roles=[(Role.OFFICE_HEAD, tree.province)])
    newcomer = user("moi")

    services.grant_role(
        acting_user=province_admin, user=newcomer, organization=tree.commune_a, role=Role.CLERK
    )
    with pytest.raises(PermissionDenied):
        services.grant_role(
            acting_user=province_admin, user=newcomer, organization=tree.centre, role=Role.CLERK
        )
    with pytest.raises(PermissionDenied):
        services.grant_role(
            acting_user=head, user=newcomer, organization=tree.commune_b, role=Role.SPECIALIST
        )
    assignment = RoleAssignment.objects.get(user=newcomer)
    with pytest.raises(PermissionDenied):
        services.revoke_role(acting_user=head, assignment=assignment)
    assert list(RoleAssignment.objects.filter(user=newcomer)) == [assignment]


def test_the_user_admin_is_closed_to_staff_without_users_manage(client, tree):
    clerk = staff("vt", "user", roles=[(Role.CLERK, tree.province)])
    target = user("dv", first_name="Lan")
    client.force_login(clerk)
    response = client.post(
        reverse("admin:core_user_change", args=[target.pk]), _change_form(target, first_name="X")
    )
    assert response.status_code == 403  # Django's view permission still shows the page, read-only
    assert client.get(reverse("admin:core_user_add")).status_code == 403
    target.refresh_from_db()
    assert target.first_name == "Lan"


def _change_form(target, **changes):
    values = {
        "username": target.username,
        "first_name": target.first_name,
        "last_name": target.last_name,
        "email": target.email,
        "is_active": "on",
        "clearance": target.clearance,
        "date_joined_0": "01/12/2026",
        "date_joined_1": "08:00:00",
    }
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}


def test_a_user_edit_in_the_admin_goes_through_the_service_and_is_audited(client, tree):
    manager = staff("qt", "user", roles=[(Role.ADMIN, tree.centre)])
    target = user("dv", first_name="Lan", last_name="Nguyễn Thị")
    client.force_login(manager)
    response = client.post(
        reverse("admin:core_user_change", args=[target.pk]),
        _change_form(target, first_name="Hương", clearance=1),
    )
    assert response.status_code == 302, response.text[:2000]
    target.refresh_from_db()
    assert (target.first_name, target.clearance) == ("Hương", 1)
    entry = AuditEntry.objects.get(action="user.update", target_id=str(target.pk))
    assert entry.actor == manager
    assert (entry.before["first_name"], entry.after["first_name"]) == ("Lan", "Hương")
    assert (entry.before["clearance"], entry.after["clearance"]) == (0, 1)
    assert "password" not in entry.after


def test_only_a_superuser_changes_or_makes_a_superuser(tree):
    manager = user("qt", roles=[(Role.ADMIN, tree.centre)])
    root = user("root", is_superuser=True)
    root.first_name = "Đổi"
    with pytest.raises(PermissionDenied):
        services.save_user(acting_user=manager, user=root)
    plain = user("dv")
    plain.is_superuser = True
    with pytest.raises(PermissionDenied):
        services.save_user(acting_user=manager, user=plain)
    assert not User.objects.get(pk=plain.pk).is_superuser
    with pytest.raises(PermissionDenied):
        services.create_user(
            acting_user=user("cv", roles=[(Role.SPECIALIST, tree.province)]),
            username="moi",
            password="vanphong-2026",
        )


def test_a_password_set_in_the_admin_goes_through_the_service_and_is_audited(client, tree):
    manager = staff("qt", "user", roles=[(Role.ADMIN, tree.centre)])
    target = user("dv")
    root = user("root", is_superuser=True)
    client.force_login(manager)
    response = client.post(
        reverse("admin:auth_user_password_change", args=[target.pk]),
        {
            "password1": "Mat-khau-moi-2026",
            "password2": "Mat-khau-moi-2026",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.check_password("Mat-khau-moi-2026")
    entry = AuditEntry.objects.get(action="user.password", target_id=str(target.pk))
    assert entry.actor == manager and "Mat-khau" not in str(entry.after)
    # not a superuser's password
    page = client.get(reverse("admin:auth_user_password_change", args=[root.pk]))
    assert page.status_code == 403
