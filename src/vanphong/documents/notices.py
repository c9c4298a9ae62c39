"""The kinds of notification the documents area sends, registered with core.notifications."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from vanphong.core.notifications import KINDS


class NoticeKind(models.TextChoices):
    DOCUMENT_WORK = "document_work", _("Documents to handle, appraise or sign")
    DOCUMENT_DEADLINE = "document_deadline", _("Document deadlines")
    DOCUMENT_ARRIVED = "document_arrived", _("New incoming documents to route")
    DOCUMENT_ISSUED = "document_issued", _("Documents issued")


def register() -> None:
    KINDS.register_choices(NoticeKind)
