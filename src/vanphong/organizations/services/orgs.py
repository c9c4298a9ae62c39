"""Services that change the organization tree: create, edit, terms, merge, dissolve."""

import datetime

from django.db import transaction
from django.db.models import Q

from vanphong.core import audit
from vanphong.organizations.models import CommitteeTerm, Member, Organization, OrgKind, OrgStatus
from vanphong.organizations.services.errors import OrganizationError
from vanphong.organizations.signals import subtree_moved

ORG_FIELDS = ("name", "code", "kind", "established_on")


@transaction.atomic
def create_organization(
    *,
    acting_user,
    parent: Organization | None,
    name: str,
    code: str,
    kind: str,
    established_on: datetime.date | None = None,
) -> Organization:
    values = {"name": name, "code": code.strip(), "kind": kind, "established_on": established_on}
    if parent is None:
        if kind != OrgKind.CENTRAL:
            raise OrganizationError(OrganizationError.PARENT_REQUIRED)
        org = Organization.objects.add_root(values)
    else:
        parent = Organization.objects.select_for_update().get(pk=parent.pk)
        if parent.status != OrgStatus.ACTIVE:
            raise OrganizationError(OrganizationError.NOT_ACTIVE)
        org = Organization.objects.add_child(parent, values)
    audit.record(
        actor=acting_user, action="organization.create", target=org, after=audit.snapshot(org)
    )
    return org


@transaction.atomic
def update_organization(*, acting_user, organization: Organization, **changes) -> Organization:
    org = Organization.objects.select_for_update().get(pk=organization.pk)
    before = audit.snapshot(org)
    for field, value in changes.items():
        if field not in ORG_FIELDS:
            raise TypeError(f"{field} cannot be changed here")
        setattr(org, field, value)
    org.save()
    audit.record(
        actor=acting_user,
        action="organization.update",
        target=org,
        before=before,
        after=audit.snapshot(org),
    )
    return org


@transaction.atomic
def add_term(
    *,
    acting_user,
    organization: Organization,
    name: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
) -> CommitteeTerm:
    """Open a committee term. The previous open term, if any, ends the day before this one."""
    if ends_on is not None and ends_on < starts_on:
        raise OrganizationError(OrganizationError.TERM_DATES)
    locked = Organization.objects.select_for_update().get(pk=organization.pk)
    if locked.status != OrgStatus.ACTIVE:
        raise OrganizationError(OrganizationError.NOT_ACTIVE)
    terms = CommitteeTerm.objects.filter(organization=organization)
    for term in terms:
        term_end = term.ends_on or datetime.date.max
        new_end = ends_on or datetime.date.max
        if term.ends_on is None and term.starts_on < starts_on:
            before = audit.snapshot(term)
            term.ends_on = starts_on - datetime.timedelta(days=1)
            term.save(update_fields=["ends_on"])
            audit.record(
                actor=acting_user,
                action="term.close",
                target=term,
                before=before,
                after=audit.snapshot(term),
            )
            continue
        if term.starts_on <= new_end and starts_on <= term_end:
            raise OrganizationError(OrganizationError.TERM_OVERLAP)
    term = CommitteeTerm.objects.create(
        organization=organization, name=name, starts_on=starts_on, ends_on=ends_on
    )
    audit.record(actor=acting_user, action="term.create", target=term, after=audit.snapshot(term))
    return term


def term_on(
    organization: Organization, day: datetime.date, *, inherited: bool = False
) -> CommitteeTerm | None:
    """The committee term in force on `day`: from its first day to its last, both included; on a
    day two terms share (the congress day), the one that starts later. With `inherited`, the term
    of the nearest ancestor that has one: an office or a department numbers its documents by its
    committee's term."""
    covering = Q(starts_on__lte=day) & (Q(ends_on__isnull=True) | Q(ends_on__gte=day))
    if not inherited:
        return (
            CommitteeTerm.objects.filter(covering, organization=organization)
            .order_by("-starts_on")
            .first()
        )
    step = organization.steplen
    paths = [organization.path[:i] for i in range(len(organization.path), 0, -step)]
    terms = CommitteeTerm.objects.filter(covering, organization__path__in=paths).select_related(
        "organization"
    )
    return max(terms, key=lambda t: (len(t.organization.path), t.starts_on), default=None)


def _end(org: Organization, status: str, on: datetime.date, merged_into=None):
    if org.status != OrgStatus.ACTIVE:
        raise OrganizationError(OrganizationError.NOT_ACTIVE)
    if org.established_on and on < org.established_on:
        raise OrganizationError(OrganizationError.END_BEFORE_START)
    before = audit.snapshot(org)
    org.status, org.ended_on, org.merged_into = status, on, merged_into
    org.save(update_fields=["status", "ended_on", "merged_into"])
    return before


@transaction.atomic
def merge_organization(
    *, acting_user, organization: Organization, into: Organization, on: datetime.date
) -> Organization:
    """Merge `organization` into `into`: its active members and its child organizations move
    there; the merged organization stays in the tree, closed, with its history and records."""
    org = Organization.objects.select_for_update().get(pk=organization.pk)
    target = Organization.objects.select_for_update().get(pk=into.pk)
    if org.pk == target.pk:
        raise OrganizationError(OrganizationError.SAME_ORGANIZATION)
    if target.path.startswith(org.path):
        raise OrganizationError(OrganizationError.MERGE_INTO_DESCENDANT)
    if target.status != OrgStatus.ACTIVE:
        raise OrganizationError(OrganizationError.NOT_ACTIVE)
    before = _end(org, OrgStatus.MERGED, on, merged_into=target)
    for child in list(Organization.objects.get_children(org).filter(status=OrgStatus.ACTIVE)):
        child_before = audit.snapshot(child)
        Organization.objects.move(child, Organization.objects.get(pk=target.pk), "last-child")
        child.refresh_from_db()
        subtree_moved.send(sender=Organization, organization=child)
        audit.record(
            actor=acting_user,
            action="organization.move",
            target=child,
            before=child_before | {"parent": org.pk},
            after=audit.snapshot(child) | {"parent": target.pk},
        )
    moved = list(Member.objects.filter(organization=org).values_list("pk", flat=True))
    Member.objects.filter(pk__in=moved).update(organization=target)
    audit.record(
        actor=acting_user,
        action="organization.merge",
        target=org,
        before=before,
        after=audit.snapshot(org) | {"members_moved": len(moved)},
    )
    return org


@transaction.atomic
def dissolve_organization(
    *, acting_user, organization: Organization, on: datetime.date
) -> Organization:
    org = Organization.objects.select_for_update().get(pk=organization.pk)
    before = _end(org, OrgStatus.DISSOLVED, on)
    audit.record(
        actor=acting_user,
        action="organization.dissolve",
        target=org,
        before=before,
        after=audit.snapshot(org),
    )
    return org


@transaction.atomic
def change_term_end(
    *, acting_user, term: CommitteeTerm, ends_on: datetime.date | None
) -> CommitteeTerm:
    """Set (or clear) the end date of a committee term. It may not end before it starts nor
    overlap another term of the organization; an unchanged date writes no audit entry."""
    Organization.objects.select_for_update().get(pk=term.organization_id)
    term = CommitteeTerm.objects.get(pk=term.pk)
    if ends_on is not None and ends_on < term.starts_on:
        raise OrganizationError(OrganizationError.TERM_DATES)
    if ends_on == term.ends_on:
        return term
    new_end = ends_on or datetime.date.max
    others = CommitteeTerm.objects.filter(organization_id=term.organization_id).exclude(pk=term.pk)
    for other in others:
        if other.starts_on <= new_end and term.starts_on <= (other.ends_on or datetime.date.max):
            raise OrganizationError(OrganizationError.TERM_OVERLAP)
    before = audit.snapshot(term)
    term.ends_on = ends_on
    term.save(update_fields=["ends_on"])
    audit.record(
        actor=acting_user,
        action="term.update",
        target=term,
        before=before,
        after=audit.snapshot(term),
    )
    return term
