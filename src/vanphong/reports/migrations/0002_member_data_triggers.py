"""Triggers that raise the member data version, and a covering index for member statistics.

Both vendors get triggers (statement-level on PostgreSQL, row-level on SQLite, which has no other
kind). The covering index is PostgreSQL-only: it lets a subtree's figures come from an index-only
scan. Organization paths already have a `varchar_pattern_ops` index (Django adds one for the
unique `path`), so `path LIKE 'prefix%'` is an index range scan under any collation.
"""

from django.db import migrations

TABLES = ("organizations_member", "organizations_organization")

PG_FORWARD = [
    """
    CREATE FUNCTION reports_bump_member_data_version() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE reports_memberdataversion SET version = version + 1;
        RETURN NULL;
    END $$
    """,
    *(
        f"""CREATE TRIGGER reports_{table}_changed
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
        FOR EACH STATEMENT EXECUTE FUNCTION reports_bump_member_data_version()"""
        for table in TABLES
    ),
    """
    CREATE INDEX reports_member_stats_idx ON organizations_member (organization_id)
    INCLUDE (status, gender, birth_date, ethnicity, education, professional_level, theory_level)
    """,
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS reports_member_stats_idx",
    *(f"DROP TRIGGER IF EXISTS reports_{table}_changed ON {table}" for table in TABLES),
    "DROP FUNCTION IF EXISTS reports_bump_member_data_version()",
]
SQLITE_FORWARD = [
    f"""CREATE TRIGGER reports_{table}_{event.lower()} AFTER {event} ON {table}
    BEGIN UPDATE reports_memberdataversion SET version = version + 1; END"""
    for table in TABLES
    for event in ("INSERT", "UPDATE", "DELETE")
]
SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS reports_{table}_{event.lower()}"
    for table in TABLES
    for event in ("INSERT", "UPDATE", "DELETE")
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(sql)

    return run


def create_version_row(apps, schema_editor):
    apps.get_model("reports", "MemberDataVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_member_stats")]

    operations = [
        migrations.RunPython(create_version_row, migrations.RunPython.noop),
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
