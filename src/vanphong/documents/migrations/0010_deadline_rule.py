"""The first row of the "due soon" window of routed documents, frozen here as data (decision 0012)."""

import datetime

from django.db import migrations

ROWS = [
    (
        "document_deadline",
        "due_soon_days",
        "2017-02-06",
        {"days": 3},
        "VanPhong: thực tiễn, chưa có văn bản quy định (sửa được)",
    ),
]


def load(apps, schema_editor):
    rule = apps.get_model("core", "DatedRule")
    for table, key, day, value, source in ROWS:
        rule.objects.get_or_create(
            table=table,
            key=key,
            effective_from=datetime.date.fromisoformat(day),
            defaults={"value": value, "source": source},
        )


class Migration(migrations.Migration):
    dependencies = [("documents", "0009_outgoing_body_folded"), ("core", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
