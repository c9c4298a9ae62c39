"""The roles a user may hold at an organization: a registry the apps fill.

Core holds the two roles it needs itself: the administrator (every action) and the party member.
Each area registers the roles of its work with their labels (`ROLES.register`, from its
`AppConfig.ready`); `RoleAssignment.role` keeps the value, checked against this registry.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from vanphong.core.registry import Vocabulary

ROLES = Vocabulary("role")


class CoreRole(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    MEMBER = "member", _("Party member")


ROLES.register_choices(CoreRole)


def label(value: str) -> str:
    return ROLES.label(value)
