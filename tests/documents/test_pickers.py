"""The routing pickers: only those who may handle documents there (readers: who may read them),
each with their roles, searchable by static/js/picker.js (no CDN, no inline handler) and plain
selects without it. A superuser is offered only when they hold a role that handles documents
there: being able to do everything does not make one a handler of the office's mail."""

from django.contrib.staticfiles import finders
from django.urls import reverse

from tests import factories
from vanphong.organizations.roles import Role


def _assign_form(client, office):
    document = office.register()
    client.force_login(office.head)
    response = client.get(reverse("documents:incoming_detail", args=[document.pk]))
    return response, response.context["assign_form"]


def _offered(form, name) -> set[str]:
    return {str(value) for value, _label in form.fields[name].choices if value != ""}


def test_a_superuser_without_a_handling_role_is_not_offered(client, office):
    root = factories.user("quantri", is_superuser=True, is_staff=True, last_name="Quản trị")
    _response, form = _assign_form(client, office)
    for name in ("lead", "co_handlers", "readers"):
        assert str(root.pk) not in _offered(form, name), name


def test_a_superuser_who_holds_a_handling_role_is_offered_with_it(client, office):
    root = factories.user(
        "quantri",
        roles=[(Role.SPECIALIST, office.tree.province)],
        is_superuser=True,
        last_name="Quản trị",
    )
    _response, form = _assign_form(client, office)
    assert str(root.pk) in _offered(form, "lead") and str(root.pk) in _offered(form, "readers")
    labels = dict((str(v), label) for v, label in form.fields["lead"].choices)
    assert labels[str(root.pk)] == "Quản trị — Chuyên viên"


def test_the_pickers_are_searchable_selects_with_a_static_script(client, office):
    response, form = _assign_form(client, office)
    page = response.content.decode()
    for name in ("lead", "co_handlers", "readers"):
        html = str(form[name])
        assert html.startswith("<select") and "data-picker" in html, name
        assert 'data-picker-placeholder="Tìm theo tên hoặc chức danh"' in html
    assert '<script src="/static/js/picker.js"></script>' in page
    script = open(finders.find("js/picker.js"), encoding="utf-8").read()  # noqa: SIM115
    assert "select[data-picker]" in script and "http" not in script  # nothing fetched
