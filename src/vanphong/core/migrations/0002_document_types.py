from django.db import migrations


def load(apps, schema_editor):
    from vanphong.core import rule_seeds

    rule_seeds.load(apps.get_model("core", "DatedRule"))


def unload(apps, schema_editor):
    apps.get_model("core", "DatedRule").objects.filter(table="document_type").delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
