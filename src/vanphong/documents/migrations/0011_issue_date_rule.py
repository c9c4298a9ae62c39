"""The first row of the `issue_date` rule table, frozen here as data (decision 0012): an issue date
lies from the signing day to this many days ahead of the day it is issued."""

import datetime

from django.db import migrations

ROWS = [
    (
        "issue_date",
        "outgoing",
        "2017-02-06",
        {"days_ahead": 3},
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


def unload(apps, schema_editor):
    rule = apps.get_model("core", "DatedRule")
    for table, key, day, _value, _source in ROWS:
        rule.objects.filter(
            table=table, key=key, effective_from=datetime.date.fromisoformat(day)
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("documents", "0010_deadline_rule"), ("core", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
