"""Outgoing documents get the state "returned" (bị trả lại). A draft sent back before it
existed, by the appraiser or the signer with no new version since, becomes "returned"."""

from django.db import migrations, models


def mark_returned(apps, schema_editor):
    document_model = apps.get_model("documents", "OutgoingDocument")
    version_model = apps.get_model("documents", "DraftVersion")
    comment_model = apps.get_model("documents", "AppraisalComment")
    returned = []
    for document in document_model.objects.filter(status="draft").iterator():
        last = version_model.objects.filter(document=document).order_by("-version").first()
        since = last.created_at if last else document.created_at
        if comment_model.objects.filter(
            document=document, verdict="revise", at__gte=since
        ).exists():
            returned.append(document.pk)
    document_model.objects.filter(pk__in=returned).update(status="returned")


def unmark_returned(apps, schema_editor):
    document_model = apps.get_model("documents", "OutgoingDocument")
    document_model.objects.filter(status="returned").update(status="draft")


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0011_issue_date_rule"),
    ]

    operations = [
        migrations.AlterField(
            model_name="outgoingdocument",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "Draft"),
                    ("returned", "Returned for revision"),
                    ("appraisal", "In appraisal"),
                    ("submitted", "Submitted for signature"),
                    ("signed", "Signed"),
                    ("issued", "Issued"),
                    ("cancelled", "Cancelled"),
                    ("recalled", "Recalled"),
                ],
                default="draft",
                max_length=16,
                verbose_name="status",
            ),
        ),
        migrations.RunPython(mark_returned, unmark_returned),
    ]
