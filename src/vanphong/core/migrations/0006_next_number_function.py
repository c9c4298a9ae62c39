"""`vp_next_number(organization, key, label)`: the next number of a register (created at 0 if new),
for an INSERT to call (core.numbering.next_number). PL/pgSQL keeps its statements' plans for the
session, and a register that exists takes one UPDATE. PostgreSQL only; elsewhere the same
statements run on their own."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION vp_next_number(org_id bigint, register_key text, register_label text)
RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    taken integer;
BEGIN
    UPDATE core_numbersequence SET last_number = last_number + 1
    WHERE organization_id = org_id AND key = register_key
    RETURNING last_number INTO taken;
    IF taken IS NULL THEN
        INSERT INTO core_numbersequence (organization_id, key, label, last_number)
        VALUES (org_id, register_key, register_label, 0)
        ON CONFLICT (organization_id, key) DO NOTHING;
        UPDATE core_numbersequence SET last_number = last_number + 1
        WHERE organization_id = org_id AND key = register_key
        RETURNING last_number INTO taken;
    END IF;
    RETURN taken;
END
$$
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS vp_next_number(bigint, text, text)")


class Migration(migrations.Migration):
    dependencies = [("core", "0005_document_templates")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
