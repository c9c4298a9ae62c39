"""The procedure forms a profile offers, by URL name, and the choices they may offer the user."""

from django.db.models import QuerySet

from vanphong.core import access
from vanphong.organizations import forms
from vanphong.organizations.access import OrgAction
from vanphong.organizations.models import (
    CELL_KINDS,
    Exemption,
    Member,
    MemberStatus,
    Organization,
    OrgStatus,
)

PROVINCE_PATH_LENGTH = 2 * Organization.steplen

FORM_CLASSES = {
    "cong-nhan-chinh-thuc": forms.RecognizeOfficialForm,
    "chuyen-sinh-hoat": forms.TransferForm,
    "mien-sinh-hoat": forms.ExemptForm,
    "ket-thuc-mien": forms.EndExemptionForm,
    "chuc-vu": forms.PositionForm,
    "xoa-ten": forms.RemoveForm,
    "tu-tran": forms.DeathForm,
}


def transfer_cells(user, member: Member) -> QuerySet:
    """Active cells the member may move to inside VanPhong: those the user manages, within the
    same provincial-level committee (farther moves name the receiving organization in words)."""
    region = member.organization.path[:PROVINCE_PATH_LENGTH]
    cells = Organization.objects.filter(
        kind__in=CELL_KINDS, status=OrgStatus.ACTIVE, path__startswith=region
    ).exclude(pk=member.organization_id)
    return access.visible(user, cells, OrgAction.MEMBER_PROCEDURE).order_by("path")


def position_organizations(user, member: Member) -> QuerySet:
    """The member's cell and the committees above it that the user manages."""
    path, step = member.organization.path, Organization.steplen
    ancestry = [path[:end] for end in range(step, len(path) + 1, step)]
    orgs = Organization.objects.filter(path__in=ancestry, status=OrgStatus.ACTIVE)
    return access.visible(user, orgs, OrgAction.MEMBER_PROCEDURE).order_by("-depth")


def build_form(name: str, user, member: Member, data=None):
    form_class = FORM_CLASSES[name]
    if form_class is forms.TransferForm:
        return form_class(data, cells=transfer_cells(user, member))
    if form_class is forms.PositionForm:
        return form_class(data, organizations=position_organizations(user, member))
    return form_class(data)


def procedure_forms(user, member: Member, exemption: Exemption | None) -> dict:
    """The forms that make sense for the member's state, unbound, by URL name."""
    names = list(FORM_CLASSES)
    if member.status != MemberStatus.PROBATIONARY:
        names.remove("cong-nhan-chinh-thuc")
    names.remove("ket-thuc-mien" if exemption is None else "mien-sinh-hoat")
    return {name: build_form(name, user, member) for name in names}
