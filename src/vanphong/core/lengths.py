"""Every text a user types has a limit fitting its use, and no path saves past it.

The limit is the model field's `max_length` — a TextField's too, which Django itself enforces only
in forms, and a CharField's, which SQLite does not enforce at all. `LengthChecked.save` refuses a
longer value before writing, whether it came from a page, the API, an import or a script, so that
no register, PDF or export ever meets a text longer than the limits it was laid out for.
"""

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from vanphong.core.errors import ServiceError
from vanphong.core.formats import number_vn


class TooLong(ServiceError):
    TOO_LONG = (
        "too_long",
        _("%(field)s is too long: at most %(limit)s characters (%(length)s given)."),
    )


def check_lengths(obj: models.Model) -> None:
    for field in obj._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField) or not field.max_length:
            continue
        value = getattr(obj, field.attname)
        if isinstance(value, str) and len(value) > field.max_length:
            raise TooLong(
                TooLong.TOO_LONG,
                field=capfirst(str(field.verbose_name)),
                limit=number_vn(field.max_length),
                length=number_vn(len(value)),
            )


class LengthChecked(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        check_lengths(self)
        super().save(*args, **kwargs)
