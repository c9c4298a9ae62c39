"""Study of a resolution (học tập, quán triệt nghị quyết): study sessions are meetings of kind
`study` naming the resolution studied; whoever missed them is called to a make-up session; the
overseeing committee sees, for its subtree, the share of members who have studied it.

A member has studied a resolution once recorded present (or late) at a held study session of it
in their organization or above it, make-up sessions included (docs/rules/meetings.md §10)."""

from dataclasses import dataclass

from vanphong.core import vntext
from vanphong.meetings.models import PRESENT, Attendance, Kind, Meeting, Status
from vanphong.organizations.models import ACTIVE_STATUSES, Member, Organization

RESOLUTION_MAX = 64


def canonical(resolution: str) -> str:
    """One spelling of a resolution's number and symbol: "57-nq/tw " → "57-NQ/TW"."""
    return vntext.canonical(" ".join(resolution.split())).upper()[:RESOLUTION_MAX]


def studied(resolution: str, members) -> set[int]:
    """The ids among `members` (a queryset or ids) who have studied `resolution`."""
    rows = Attendance.objects.filter(
        member_id__in=members,
        presence__in=PRESENT,
        meeting__kind=Kind.STUDY,
        meeting__status=Status.HELD,
        meeting__resolution=canonical(resolution),
    )
    return set(rows.values_list("member_id", flat=True))


def still_to_study(meeting: Meeting, member_ids) -> set[int]:
    """Of `member_ids`, those the make-up `meeting` is for: not yet studied its resolution."""
    return set(member_ids) - studied(meeting.resolution, list(member_ids))


@dataclass(frozen=True)
class Coverage:
    organization: Organization
    members: int
    studied: int

    @property
    def share(self) -> float:
        """Per cent, one decimal; 0 for an organization without members."""
        return round(100 * self.studied / self.members, 1) if self.members else 0.0


def coverage(resolution: str, root: Organization, organizations) -> tuple[list[Coverage], Coverage]:
    """Per organization of `organizations` (those of `root`'s subtree the user may see) holding
    members directly, and for the whole subtree: members in activity, and how many studied."""
    members = Member.objects.filter(
        status__in=ACTIVE_STATUSES, organization__path__startswith=root.path
    ).filter(organization__in=organizations)
    rows = list(members.values_list("pk", "organization_id"))
    done = studied(resolution, [pk for pk, _org in rows])
    per_org: dict[int, list[int]] = {}
    for pk, org_id in rows:
        per_org.setdefault(org_id, []).append(pk)
    orgs = Organization.objects.in_bulk(per_org)
    lines = [
        Coverage(orgs[org_id], len(ids), sum(1 for pk in ids if pk in done))
        for org_id, ids in sorted(per_org.items(), key=lambda item: orgs[item[0]].path)
    ]
    total = Coverage(root, len(rows), len(done))
    return lines, total
