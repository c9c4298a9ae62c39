"""Who hears of a member's procedures is read through core.access, like every "who holds what
where": the staff roles held at the organization or above it, active users only."""

from tests.factories import user
from vanphong.organizations.roles import Role
from vanphong.organizations.services.procedures import staff_of


def test_staff_of_a_cell_are_its_secretary_and_the_offices_above(tree):
    secretary = user("bt", roles=[(Role.CELL_SECRETARY, tree.cell_a1)])
    head = user("cvp", roles=[(Role.OFFICE_HEAD, tree.province)])
    specialist = user("cv", roles=[(Role.SPECIALIST, tree.commune_a)])
    user("vt", roles=[(Role.CLERK, tree.province)])  # keeps no member records
    user("bt2", roles=[(Role.CELL_SECRETARY, tree.cell_a2)])  # a sibling cell
    other = user("cv_b", roles=[(Role.SPECIALIST, tree.commune_b)])  # another commune
    gone = user("cv_cu", roles=[(Role.SPECIALIST, tree.province)])
    gone.is_active = False
    gone.save()
    assert set(staff_of(tree.cell_a1)) == {secretary, head, specialist}
    assert set(staff_of(tree.cell_b1)) == {head, other}
