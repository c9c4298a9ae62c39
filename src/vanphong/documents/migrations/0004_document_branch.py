"""Documents keep their organization's branch (documents.models._Branched), filled here from the
organizations' paths; PostgreSQL reads a province's list in order from the new indexes."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_next_number_function"),
        ("documents", "0003_incoming_number_returned"),
        ("organizations", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="incomingdocument",
            name="branch",
            field=models.CharField(default="", editable=False, max_length=8),
        ),
        migrations.AddField(
            model_name="outgoingdocument",
            name="branch",
            field=models.CharField(default="", editable=False, max_length=8),
        ),
        migrations.RunSQL(
            [
                f"UPDATE documents_{model}document SET branch = (SELECT substr(o.path, 1, 8)"
                f" FROM organizations_organization o WHERE o.id = organization_id)"
                for model in ("incoming", "outgoing")
            ],
            migrations.RunSQL.noop,
            elidable=False,
        ),
        migrations.AlterField(
            model_name="incomingdocument",
            name="organization",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="incoming_documents",
                to="organizations.organization",
            ),
        ),
        migrations.AddIndex(
            model_name="incomingdocument",
            index=models.Index(
                fields=["branch", "-year", "-received_at", "-number", "-id"],
                include=("status", "confidentiality"),
                name="incoming_branch_order_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="outgoingdocument",
            index=models.Index(
                fields=["branch", "-created_at", "-id"],
                include=("status", "confidentiality"),
                name="outgoing_branch_order_idx",
            ),
        ),
    ]
