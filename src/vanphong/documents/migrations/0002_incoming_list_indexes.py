"""Indexes for the incoming register list at national scale (bench/bench_documents.py).

PostgreSQL only (INCLUDE columns, descending keys); SQLite keeps the indexes of 0001.

- `incoming_list_idx`: the list's COUNT(*) and filters by year and status answered from the index
  alone (index-only scan: organization, year, status, confidentiality), and the sort columns and
  id, so that a deep page can be picked without reading the rows.
- `incoming_year_order_idx`: the list in its order (`-year, -received_at, -number`, the same order
  as `-received_at, -number`, since the register year is the year of receipt), so that page 1 of a
  big scope and of one year stops after 50 rows instead of sorting the whole scope.
- `incoming_*_trgm` (pg_trgm GIN): the search box (`summary_folded`/`issuer_folded` contain,
  `original_number` icontains) without reading every row of the scope when the text is rare; a
  common text ("cong van") still counts its matches from the rows.
"""

from django.db import migrations

INDEXES = (
    (
        "incoming_list_idx",
        "(organization_id, year, status) INCLUDE (confidentiality, received_at, number, id)",
    ),
    ("incoming_year_order_idx", "(year DESC, received_at DESC, number DESC)"),
    ("incoming_summary_trgm", "USING gin (summary_folded gin_trgm_ops)"),
    ("incoming_issuer_trgm", "USING gin (issuer_folded gin_trgm_ops)"),
    ("incoming_orignum_trgm", "USING gin (upper(original_number) gin_trgm_ops)"),
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, columns in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON documents_incomingdocument {columns}"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _columns in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
