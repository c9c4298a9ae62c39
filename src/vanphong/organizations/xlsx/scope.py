"""Resolve the organization a row names, by id or by name, inside the chosen subtree only."""

from collections import defaultdict

from vanphong.core import vntext
from vanphong.organizations.models import Organization
from vanphong.organizations.xlsx.cells import CellProblem
from vanphong.organizations.xlsx.errors import RowCode


class SubtreeIndex:
    """Ids and folded names of the organizations under (and including) `root`. Anything outside
    is unknown, so a row can never reach an organization out of the user's scope."""

    def __init__(self, root: Organization):
        self.by_id: dict[int, Organization] = {}
        self.by_name: dict[str, list] = defaultdict(list)
        for org in Organization.objects.filter(path__startswith=root.path).only(
            "pk", "path", "depth", "name", "name_folded", "kind", "status"
        ):
            self.by_id[org.pk] = org
            self.add_name(org)

    def add_name(self, org) -> None:
        """Make `org` (saved, or planned by an earlier row of the file) findable by its name."""
        self.by_name[vntext.fold(org.name)].append(org)

    def resolve(self, value):
        """The organization a cell names; raises CellProblem when none or several match."""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int) or str(value).strip().isdigit():
            org = self.by_id.get(int(str(value).strip()))
            if org is None:
                raise CellProblem(RowCode.UNKNOWN_ORGANIZATION)
            return org
        matches = self.by_name.get(vntext.fold(str(value)), [])
        if not matches:
            raise CellProblem(RowCode.UNKNOWN_ORGANIZATION)
        if len(matches) > 1:
            raise CellProblem(RowCode.AMBIGUOUS_ORGANIZATION)
        return matches[0]
