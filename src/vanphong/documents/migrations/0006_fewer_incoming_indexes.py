"""Fewer indexes on incoming documents: every one is written by the INSERT that holds the
register's lock (core.numbering.next_number). The people's foreign-key indexes serve no list;
on PostgreSQL `incoming_list_idx` (0002), the scope's count before documents kept their branch,
is left to the branch index (0004) and the unique number index."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


LIST_INDEX = (
    "CREATE INDEX IF NOT EXISTS incoming_list_idx ON documents_incomingdocument"
    " (organization_id, year, status) INCLUDE (confidentiality, received_at, number, id)"
)


def drop_list_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS incoming_list_idx")


def create_list_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(LIST_INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0005_issuer_directory"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(drop_list_index, create_list_index, elidable=False),
        migrations.AlterField(
            model_name="incomingdocument",
            name="directed_by",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="incomingdocument",
            name="registered_by",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
