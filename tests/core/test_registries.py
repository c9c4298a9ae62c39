"""The registries through which an app brings its vocabulary into core: a kind registered here, as
a new area would from its `ready`, is stored, validated, listed and shown without any core edit."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tests.factories import user
from vanphong.core import dashboard, generator, navigation, notifications, rules, search, services
from vanphong.core.models import DatedRule, Notification, RoleAssignment
from vanphong.core.notifications import KINDS
from vanphong.core.roles import ROLES
from vanphong.core.rules import TABLES
from vanphong.organizations.access import OrgAction
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return user("quantri", is_superuser=True, is_staff=True)


@pytest.fixture
def dues_collector():
    ROLES.register("dues_collector", _("Dues collector"))
    yield "dues_collector"
    ROLES.unregister("dues_collector")


def test_the_areas_roles_are_registered_with_their_labels():
    assert ROLES.label(Role.CLERK) == "Văn thư"
    assert ROLES.label("admin") == "Quản trị hệ thống"
    assert set(Role.values) <= set(ROLES.values())


def test_a_registered_role_is_granted_and_shown(tree, superuser, dues_collector, client):
    holder = user("thuquy")
    assignment = services.grant_role(
        acting_user=superuser, user=holder, organization=tree.commune_a, role=dues_collector
    )
    assert assignment.role_label == "Dues collector"
    client.force_login(superuser)
    page = client.get(reverse("admin:core_roleassignment_add"))
    assert '<option value="dues_collector">Dues collector</option>' in page.text
    assert '<option value="clerk">Văn thư</option>' in page.text


def test_an_unknown_role_is_refused(tree, superuser):
    with pytest.raises(ValidationError):
        services.grant_role(
            acting_user=superuser, user=superuser, organization=tree.province, role="treasurer"
        )
    assert not RoleAssignment.objects.exists()


@pytest.fixture
def meeting_table():
    def validate(value):
        if not isinstance(value, dict) or "minutes" not in value:
            raise ValidationError("minutes missing")

    TABLES.register("meeting_quorum", _("Meeting quorum"), validate=validate)
    yield "meeting_quorum"
    TABLES.unregister("meeting_quorum")


def test_a_registered_rule_table_takes_rows_its_validator_accepts(superuser, meeting_table):
    import datetime

    day = datetime.date(2026, 1, 1)
    rules.set_rule(
        acting_user=superuser,
        table=meeting_table,
        key="chi_bo",
        effective_from=day,
        value={"minutes": 2},
    )
    assert rules.value_as_of(meeting_table, "chi_bo", day) == {"minutes": 2}
    with pytest.raises(ValidationError):
        rules.set_rule(
            acting_user=superuser, table=meeting_table, key="dang_bo", effective_from=day, value={}
        )
    with pytest.raises(ValidationError):
        rules.set_rule(
            acting_user=superuser, table="no_such", key="x", effective_from=day, value={}
        )
    assert DatedRule.objects.filter(table=meeting_table).count() == 1


def test_the_documents_tables_check_their_values(superuser):
    import datetime

    with pytest.raises(ValidationError):
        rules.set_rule(
            acting_user=superuser,
            table="document_type",
            key="nghi_quyet",
            effective_from=datetime.date(2027, 1, 1),
            value={"name": "Nghị quyết"},  # no abbreviation
        )
    assert TABLES.label("document_template") == "Mẫu soạn thảo theo loại văn bản"


def test_the_rule_admin_offers_the_registered_tables(client, superuser, meeting_table):
    client.force_login(superuser)
    page = client.get(reverse("admin:core_datedrule_add"))
    assert '<option value="meeting_quorum">Meeting quorum</option>' in page.text
    response = client.post(
        reverse("admin:core_datedrule_add"),
        {"table": "meeting_quorum", "key": "chi_bo", "effective_from": "01/01/2026", "value": "{}"},
    )
    assert response.status_code == 200  # the form again, with the validator's error
    assert not DatedRule.objects.filter(table="meeting_quorum").exists()


@pytest.fixture
def meeting_kind():
    KINDS.register("meeting_invitation", _("Meeting invitations"))
    yield "meeting_invitation"
    KINDS.unregister("meeting_invitation")


def test_a_registered_notification_kind_reaches_inbox_and_preferences(client, meeting_kind):
    member = user("dv", email="dv@vanphong.local")
    notifications.notify([member], kind=meeting_kind, title="Họp chi bộ tháng 12")
    client.force_login(member)
    assert "Meeting invitations" in client.get(reverse("core:inbox")).text
    preferences = client.get(reverse("core:email_preferences")).text
    assert 'value="meeting_invitation"' in preferences
    assert "Thủ tục đảng viên" in preferences  # an area's kind, with its Vietnamese label
    client.post(reverse("core:email_preferences"), {"kinds": [meeting_kind]})
    assert list(member.email_preferences.values_list("kind", flat=True)) == [meeting_kind]


def test_an_unknown_notification_kind_is_refused():
    member = user("dv")
    with pytest.raises(ValueError):
        notifications.notify([member], kind="gossip", title="…")
    with pytest.raises(ValidationError):
        services.set_email_preferences(acting_user=member, kinds=["gossip"])
    assert not Notification.objects.exists()


def test_a_registered_dashboard_card_is_shown_in_its_order(client, tree):
    def meetings_card(user):
        return [{"label": "Cuộc họp sắp tới", "figure": 3, "url": ""}]

    dashboard.register(meetings_card, order=150)
    try:
        viewer = user("cv", roles=[(Role.SPECIALIST, tree.province)])
        client.force_login(viewer)
        labels = [c["label"] for c in client.get(reverse("core:dashboard")).context["cards"]]
    finally:
        dashboard.PROVIDERS.unregister(meetings_card)
    assert labels.index("Đảng viên đang sinh hoạt") < labels.index("Cuộc họp sắp tới")
    assert labels.index("Cuộc họp sắp tới") < labels.index("Văn bản được giao xử lý")
    assert labels[-1] == "Thông báo chưa đọc"


def test_navigation_shows_the_entries_the_user_may_open(client, tree):
    entry = navigation.register(
        navigation.NavEntry(
            "Thi đua",
            action=OrgAction.MEMBER_CHANGE,
            order=150,
            children=(
                None,
                navigation.NavEntry("Lịch thi đua", "core:inbox", action=OrgAction.MEMBER_CHANGE),
                None,
                navigation.NavEntry("Biên bản", "core:inbox", action=OrgAction.ORG_CHANGE),
                None,
            ),
        )
    )
    try:
        specialist = user("cv", roles=[(Role.SPECIALIST, tree.province)])
        clerk = user("vt", roles=[(Role.CLERK, tree.province)])
        menu = {item["label"]: item for item in navigation.items_for(specialist)}
        clerk_labels = [item["label"] for item in navigation.items_for(clerk)]
        client.force_login(specialist)
        page = client.get(reverse("core:dashboard")).text
    finally:
        navigation.ENTRIES.unregister(entry)
    # the specialist may not change organizations: "Biên bản" is hidden, with the dividers around it
    assert [c["label"] for c in menu["Thi đua"]["children"]] == ["Lịch thi đua"]
    assert "Thi đua" not in clerk_labels and "Văn bản" in clerk_labels
    assert "Thống kê" not in clerk_labels  # the statistics need member.export
    assert "Lịch thi đua" in page and reverse("organizations:member_list") in page


def test_search_asks_each_kind_the_user_may_search(client, tree):
    seen = []

    def find(user, q, limit):
        seen.append((user.username, q, limit))
        return [search.SearchHit("Nghị quyết số 5", "/nghi-quyet/5/", "Đại hội chi bộ")]

    kind = search.register(
        search.SearchKind("resolutions", "Nghị quyết", OrgAction.MEMBER_CHANGE, find)
    )
    try:
        specialist = user("cv", roles=[(Role.SPECIALIST, tree.province)])
        clerk = user("vt", roles=[(Role.CLERK, tree.province)])
        assert [k.key for k, _hits in search.search(specialist, " đại hội ")] == ["resolutions"]
        assert search.search(specialist, "   ") == []
        assert "resolutions" not in [k.key for k, _hits in search.search(clerk, "đại hội")]
        client.force_login(specialist)
        page = client.get(reverse("core:search"), {"q": "đại hội"}).text
    finally:
        search.KINDS.unregister(kind)
    assert seen[0] == ("cv", "đại hội", search.PER_KIND)
    assert 'href="/nghi-quyet/5/"' in page


def test_a_generator_part_runs_alone_when_named(db):
    ran = []

    def add_arguments(parser):
        parser.add_argument("--awards", type=int, default=4)

    def run(options, *, today, log):
        ran.append(options["awards"])
        return f"{options['awards']} khen thưởng"

    part = generator.register(generator.GeneratorPart("emulation", "Thi đua", add_arguments, run))
    try:
        out = io.StringIO()
        call_command("generate_national_data", parts=["emulation"], awards=7, stdout=out)
    finally:
        generator.PARTS.unregister(part)
    assert ran == [7]
    assert "7 khen thưởng" in out.getvalue()
    assert "organizations" in [p.key for p in generator.PARTS]


def test_a_value_is_registered_once_and_a_clash_is_refused():
    from vanphong.core.registry import Ordered, Vocabulary

    colours = Vocabulary("colour")
    colours.register("red", "Đỏ")
    colours.register("red", "Đỏ")  # an app's ready run twice
    with pytest.raises(ValueError):
        colours.register("red", "Đỏ thẫm")
    assert colours.choices() == [("red", "Đỏ")]
    assert colours.label("blue") == "blue"  # a value whose app is gone shows as stored

    cards = Ordered("card")
    first, second = object(), object()
    cards.register(second, order=2)
    cards.register(first, order=1)
    cards.register(first, order=1)
    assert list(cards) == [first, second]


def test_the_admin_lists_show_and_filter_by_the_registered_labels(client, tree, superuser):
    clerk = user("vt", roles=[(Role.CLERK, tree.province)])
    notifications.notify([clerk], kind="probation_due", title="Sắp hết dự bị")
    client.force_login(superuser)
    roles_page = client.get(reverse("admin:core_roleassignment_changelist"), {"role": "clerk"})
    assert roles_page.status_code == 200 and "Văn thư" in roles_page.text
    assert "vt" in roles_page.text
    notices = client.get(reverse("admin:core_notification_changelist"), {"kind": "probation_due"})
    assert "Sắp hết dự bị" in notices.text and "Hết thời gian dự bị" in notices.text
    rules_page = client.get(reverse("admin:core_datedrule_changelist"), {"table": "document_type"})
    assert rules_page.status_code == 200 and "Thể loại văn bản và chữ viết tắt" in rules_page.text
