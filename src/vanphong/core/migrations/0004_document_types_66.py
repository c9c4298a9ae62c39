from django.db import migrations


def load(apps, schema_editor):
    from vanphong.core import rule_seeds

    rule_seeds.load(apps.get_model("core", "DatedRule"))


def unload(apps, schema_editor):
    from vanphong.core.rule_seeds import DOCUMENT_TYPES_66

    apps.get_model("core", "DatedRule").objects.filter(
        table="document_type", effective_from=DOCUMENT_TYPES_66
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0003_numbering_and_document_notices")]
    operations = [migrations.RunPython(load, unload)]
