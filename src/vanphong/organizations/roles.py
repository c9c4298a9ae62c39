"""The roles held at party organizations, registered with core.roles.

The office roles are this app's; the administrator and the party member are core's own and are
repeated here (same values and labels) so that one name reads every role.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from vanphong.core.roles import ROLES, CoreRole


class Role(models.TextChoices):
    ADMIN = CoreRole.ADMIN.value, CoreRole.ADMIN.label
    OFFICE_HEAD = "office_head", _("Office head")
    SPECIALIST = "specialist", _("Office specialist")
    CLERK = "clerk", _("Clerk")
    ARCHIVIST = "archivist", _("Archivist")
    ACCOUNTANT = "accountant", _("Accountant")
    LEADER = "leader", _("Committee leader")
    CELL_SECRETARY = "cell_secretary", _("Cell secretary")
    MEMBER = CoreRole.MEMBER.value, CoreRole.MEMBER.label


def register() -> None:
    ROLES.register_choices(Role)
