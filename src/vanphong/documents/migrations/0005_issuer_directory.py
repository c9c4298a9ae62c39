"""The search of the incoming register (documents.search, decision 0011): the directory of issuing
bodies, filled from the documents registered so far, and documents found by their exact folded
issuer (an index in the list's order). On PostgreSQL the trigram indexes of every document's
summary and issuer (0002), slow for texts of common syllables, give way to a word index of the
summary, and the issuer gets statistics detailed enough to count a common issuer's documents."""

from django.db import migrations, models


TABLE = "documents_incomingdocument"
TRIGRAMS = ("incoming_summary_trgm", "summary_folded"), ("incoming_issuer_trgm", "issuer_folded")


def postgresql_only(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _column in TRIGRAMS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS incoming_summary_words ON {TABLE}"
        " USING gin (to_tsvector('simple', summary_folded))"
    )
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN issuer_folded SET STATISTICS 1000")


def postgresql_only_back(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN issuer_folded SET STATISTICS -1")
    schema_editor.execute("DROP INDEX IF EXISTS incoming_summary_words")
    for name, column in TRIGRAMS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} USING gin ({column} gin_trgm_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [("documents", "0004_document_branch")]

    operations = [
        migrations.CreateModel(
            name="Issuer",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=255, verbose_name="issuing body")),
                ("folded", models.CharField(max_length=255, unique=True)),
            ],
            options={
                "verbose_name": "issuing body",
                "verbose_name_plural": "issuing bodies",
                "ordering": ["folded"],
            },
        ),
        migrations.RunSQL(
            "INSERT INTO documents_issuer (name, folded) SELECT min(issuer), issuer_folded"
            " FROM documents_incomingdocument GROUP BY issuer_folded",
            "DELETE FROM documents_issuer",
            elidable=False,
        ),
        migrations.AddIndex(
            model_name="incomingdocument",
            index=models.Index(
                fields=["issuer_folded", "branch", "-year", "-received_at", "-number", "-id"],
                include=("status", "confidentiality"),
                name="incoming_issuer_idx",
            ),
        ),
        migrations.RunPython(postgresql_only, postgresql_only_back, elidable=False),
    ]
