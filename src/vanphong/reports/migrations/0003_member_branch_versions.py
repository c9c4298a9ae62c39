"""Versions per branch of the tree instead of one global version (decision 0005).

A branch is the subtree of a depth-2 organization (a province or a committee under the Centre),
keyed by the first 8 characters of the paths in it (`Organization.steplen` 4 x depth 2); the
members of a root organization itself form the branch keyed by the root's 4-character path.
Triggers raise, in the changing transaction, the version of the old and the new branch of every
member inserted, deleted, or updated in a column the statistics count, and of every organization
inserted, deleted or moved (a new path). Writers in different provinces lock different rows, so
they no longer wait for each other. Organization inserts and deletes are counted too: with
deferred foreign keys (PostgreSQL, fixtures) a member can be written before its organization.

Both vendors get triggers: on PostgreSQL statement-level ones with transition tables (one
upsert per statement, branches locked in path order), row-level ones on SQLite. TRUNCATE (PostgreSQL
only) deletes the snapshots outright. Snapshots computed under the global version are deleted.
A small partial index lists the depth-2 organizations under a root, whose snapshots the root's
figures are summed from; on PostgreSQL, statistics on the branch expression let the planner
count a root grouped by branch with a hash aggregate.
"""

import importlib

from django.db import migrations, models

previous = importlib.import_module("vanphong.reports.migrations.0002_member_data_triggers")

BRANCH_LENGTH = 8
# Member columns the statistics read (reports/statistics.py); a change to any other column
# (name, phone, card number…) leaves the figures and their snapshots alone.
STATS_COLUMNS = (
    "organization_id",
    "status",
    "gender",
    "birth_date",
    "ethnicity",
    "education",
    "professional_level",
    "theory_level",
)
MEMBER, ORG, VERSION = (
    "organizations_member",
    "organizations_organization",
    "reports_memberbranchversion",
)
SNAPSHOT = "reports_memberstatssnapshot"
# The branch roots (depth 2) under a root, listed when the root's figures are composed from them.
BRANCH_ROOTS_INDEX = (
    f"CREATE INDEX reports_branch_roots_idx ON {ORG} (path) WHERE depth = 2",
    "DROP INDEX IF EXISTS reports_branch_roots_idx",
)


def _differs(old: str, new: str) -> str:
    left = ", ".join(f"{old}.{c}" for c in STATS_COLUMNS)
    right = ", ".join(f"{new}.{c}" for c in STATS_COLUMNS)
    return f"({left}) IS DISTINCT FROM ({right})"


def _pg_function(name: str, branches_sql: str) -> str:
    return f"""
    CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM reports_bump_branches(ARRAY({branches_sql}));
        RETURN NULL;
    END $$"""


def _member_branches(org_ids_sql: str) -> str:
    return f"SELECT substr(o.path, 1, {BRANCH_LENGTH}) FROM {ORG} o WHERE o.id IN ({org_ids_sql})"


PG_TRIGGERS = (
    # (trigger, table, event, REFERENCING clause, function)
    ("reports_member_inserted", MEMBER, "INSERT", "NEW TABLE AS new_rows"),
    ("reports_member_updated", MEMBER, "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    ("reports_member_deleted", MEMBER, "DELETE", "OLD TABLE AS old_rows"),
    ("reports_org_inserted", ORG, "INSERT", "NEW TABLE AS new_rows"),
    ("reports_org_updated", ORG, "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    ("reports_org_deleted", ORG, "DELETE", "OLD TABLE AS old_rows"),
)
# PostgreSQL estimates a GROUP BY on a path prefix as one group per organization and then sorts
# millions of rows on disk; with statistics on the very expression the ORM writes for the
# grouped count (reports/statistics.py, `live_statistics_by_branch`) it knows there are ~40 and
# hashes them.
BRANCH_STATISTICS = (
    f"CREATE STATISTICS reports_org_branch_stats ON (substring(path::text, 1, {BRANCH_LENGTH}))"
    f" FROM {ORG}",
    "DROP STATISTICS IF EXISTS reports_org_branch_stats",
)
PG_FORWARD = [
    BRANCH_ROOTS_INDEX[0],
    BRANCH_STATISTICS[0],
    f"ANALYZE {ORG}",
    f"""
    CREATE FUNCTION reports_bump_branches(branches text[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO {VERSION} AS v (branch, version)
        SELECT DISTINCT b, 1 FROM unnest(branches) AS b WHERE b IS NOT NULL ORDER BY 1
        ON CONFLICT (branch) DO UPDATE SET version = v.version + 1
    $$""",
    _pg_function(
        "reports_member_inserted", _member_branches("SELECT organization_id FROM new_rows")
    ),
    _pg_function(
        "reports_member_deleted", _member_branches("SELECT organization_id FROM old_rows")
    ),
    _pg_function(
        "reports_member_updated",
        _member_branches(
            "SELECT unnest(ARRAY[r.organization_id, n.organization_id])"
            " FROM old_rows r JOIN new_rows n ON n.id = r.id"
            f" WHERE {_differs('r', 'n')}"
        ),
    ),
    _pg_function("reports_org_inserted", f"SELECT substr(path, 1, {BRANCH_LENGTH}) FROM new_rows"),
    _pg_function("reports_org_deleted", f"SELECT substr(path, 1, {BRANCH_LENGTH}) FROM old_rows"),
    _pg_function(
        "reports_org_updated",
        f"SELECT unnest(ARRAY[substr(r.path, 1, {BRANCH_LENGTH}), substr(n.path, 1, {BRANCH_LENGTH})])"
        " FROM old_rows r JOIN new_rows n ON n.id = r.id WHERE r.path IS DISTINCT FROM n.path",
    ),
    f"""
    CREATE FUNCTION reports_members_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM {SNAPSHOT};
        RETURN NULL;
    END $$""",
    *(
        f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {referencing}"
        f" FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        for name, table, event, referencing in PG_TRIGGERS
    ),
    *(
        f"CREATE TRIGGER reports_{table}_truncated AFTER TRUNCATE ON {table}"
        " FOR EACH STATEMENT EXECUTE FUNCTION reports_members_truncated()"
        for table in (MEMBER, ORG)
    ),
]
PG_BACKWARD = [
    BRANCH_ROOTS_INDEX[1],
    BRANCH_STATISTICS[1],
    *(f"DROP TRIGGER IF EXISTS {name} ON {table}" for name, table, _e, _r in PG_TRIGGERS),
    *(f"DROP TRIGGER IF EXISTS reports_{table}_truncated ON {table}" for table in (MEMBER, ORG)),
    *(f"DROP FUNCTION IF EXISTS {name}()" for name, _t, _e, _r in PG_TRIGGERS),
    "DROP FUNCTION IF EXISTS reports_members_truncated()",
    "DROP FUNCTION IF EXISTS reports_bump_branches(text[])",
]


def _sqlite_trigger(name: str, event: str, table: str, branches_sql: str, when: str = "") -> str:
    return f"""
    CREATE TRIGGER {name} AFTER {event} ON {table} {f"WHEN {when}" if when else ""}
    BEGIN
        INSERT INTO {VERSION} (branch, version)
        SELECT DISTINCT b, 1 FROM ({branches_sql}) WHERE b IS NOT NULL
        ON CONFLICT (branch) DO UPDATE SET version = version + 1;
    END"""


def _sqlite_member_branches(*org_ids: str) -> str:
    return f"SELECT substr(path, 1, {BRANCH_LENGTH}) AS b FROM {ORG} WHERE id IN ({', '.join(org_ids)})"


SQLITE_TRIGGERS = {
    "reports_member_inserted": (
        "INSERT",
        MEMBER,
        _sqlite_member_branches("NEW.organization_id"),
        "",
    ),
    "reports_member_deleted": (
        "DELETE",
        MEMBER,
        _sqlite_member_branches("OLD.organization_id"),
        "",
    ),
    "reports_member_updated": (
        "UPDATE",
        MEMBER,
        _sqlite_member_branches("OLD.organization_id", "NEW.organization_id"),
        " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in STATS_COLUMNS),
    ),
    "reports_org_inserted": (
        "INSERT",
        ORG,
        f"SELECT substr(NEW.path, 1, {BRANCH_LENGTH}) AS b",
        "",
    ),
    "reports_org_deleted": ("DELETE", ORG, f"SELECT substr(OLD.path, 1, {BRANCH_LENGTH}) AS b", ""),
    "reports_org_updated": (
        "UPDATE",
        ORG,
        f"SELECT substr(OLD.path, 1, {BRANCH_LENGTH}) AS b"
        f" UNION SELECT substr(NEW.path, 1, {BRANCH_LENGTH})",
        "OLD.path IS NOT NEW.path",
    ),
}
SQLITE_FORWARD = [
    BRANCH_ROOTS_INDEX[0],
    *(
        _sqlite_trigger(name, event, table, branches, when)
        for name, (event, table, branches, when) in SQLITE_TRIGGERS.items()
    ),
]
SQLITE_BACKWARD = [
    BRANCH_ROOTS_INDEX[1],
    *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS),
]

_OLD_TRIGGERS = {
    "postgresql": [s for s in previous.PG_BACKWARD if "INDEX" not in s],
    "sqlite": previous.SQLITE_BACKWARD,
}
_OLD_TRIGGERS_BACK = {
    "postgresql": [s for s in previous.PG_FORWARD if "INDEX" not in s],
    "sqlite": previous.SQLITE_FORWARD,
}


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(sql)

    return run


def _restore_old_version(apps, schema_editor):
    previous.create_version_row(apps, schema_editor)
    _run(_OLD_TRIGGERS_BACK)(apps, schema_editor)


def _forget_snapshots(apps, schema_editor):
    """Snapshots were stamped with the global version: nothing relates them to branch sums."""
    apps.get_model("reports", "MemberStatsSnapshot").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_member_data_triggers")]

    operations = [
        migrations.RunPython(_run(_OLD_TRIGGERS), _restore_old_version),
        migrations.DeleteModel(name="MemberDataVersion"),
        migrations.CreateModel(
            name="MemberBranchVersion",
            fields=[
                (
                    "branch",
                    models.CharField(
                        max_length=8, primary_key=True, serialize=False, verbose_name="branch"
                    ),
                ),
                ("version", models.BigIntegerField(default=0, verbose_name="version")),
            ],
            options={
                "verbose_name": "member branch version",
                "verbose_name_plural": "member branch versions",
            },
        ),
        migrations.RunPython(_forget_snapshots, _forget_snapshots),
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
