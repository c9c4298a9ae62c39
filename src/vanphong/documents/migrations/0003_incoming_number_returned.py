"""The incoming number is read back from the INSERT that takes it (core.numbering.next_number)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_next_number_function"),
        ("documents", "0002_incoming_list_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="incomingdocument",
            name="number",
            field=models.PositiveIntegerField(db_default=0, verbose_name="incoming number"),
        ),
    ]
