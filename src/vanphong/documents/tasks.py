"""Background work of the documents area: rendering issued documents, deadline reminders."""

from django.utils import timezone
from django_tasks import task


@task()
def render_issued(document_id: int) -> bool:
    """Store the DOCX of an issued document (once)."""
    from vanphong.documents.models import OutgoingDocument
    from vanphong.documents.services.files import store_generated_docx

    document = OutgoingDocument.objects.filter(pk=document_id).first()
    if document is None or not document.symbol:
        return False
    return store_generated_docx(document) is not None


@task()
def remind_deadlines() -> int:
    """Remind handlers once when a deadline comes within the dated rule's days (3 since 2017), and
    once a day after it passes. Returns the count."""
    from vanphong.documents.services.reminders import send_deadline_reminders

    return send_deadline_reminders(timezone.localdate())
