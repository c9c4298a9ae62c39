from django.db import migrations


def load(apps, schema_editor):
    from vanphong.core.rule_seeds import document_type_rows

    DatedRule = apps.get_model("core", "DatedRule")
    for row in document_type_rows():
        DatedRule.objects.get_or_create(
            table=row["table"],
            key=row["key"],
            effective_from=row["effective_from"],
            defaults={"value": row["value"], "source": row["source"]},
        )


def unload(apps, schema_editor):
    apps.get_model("core", "DatedRule").objects.filter(table="document_type").delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
