"""The kinds of notification the members' work sends, registered with core.notifications."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from vanphong.core.notifications import KINDS


class NoticeKind(models.TextChoices):
    MEMBER_PROCEDURE = "member_procedure", _("Member procedures")
    PROBATION_DUE = "probation_due", _("Probation ending")
    IMPORT_FINISHED = "import_finished", _("Imports")


def register() -> None:
    KINDS.register_choices(NoticeKind)
