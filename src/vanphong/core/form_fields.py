"""Form plumbing every area shares: Bootstrap classes on widgets, NFC text, and dates typed the
Vietnamese way.

Dates are text inputs showing dd/mm/yyyy, not the browser's date picker: the picker follows the
browser's locale (mm/dd/yyyy in an English browser) while every list, filter and document here
reads dd/mm/yyyy. ISO dates are accepted too, for scripts and older bookmarks.
"""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class DateInput(forms.DateInput):
    def __init__(self, attrs=None):
        attrs = {
            "placeholder": _("dd/mm/yyyy"),
            "inputmode": "numeric",
            "pattern": r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}",
            "autocomplete": "off",
            **(attrs or {}),
        }
        super().__init__(attrs=attrs, format="%d/%m/%Y")


class DateTimeInput(forms.DateTimeInput):
    def __init__(self, attrs=None):
        attrs = {
            "placeholder": _("dd/mm/yyyy hh:mm"),
            "pattern": r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}",
            "autocomplete": "off",
            **(attrs or {}),
        }
        super().__init__(attrs=attrs, format="%d/%m/%Y %H:%M")


def date_field(label, required=True, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        input_formats=DATE_INPUT_FORMATS,
        **kwargs,
    )


def datetime_field(label, required=True, **kwargs) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=required,
        widget=DateTimeInput(),
        input_formats=DATETIME_INPUT_FORMATS,
        **kwargs,
    )


class StyledForm(forms.Form):
    """Bootstrap classes on every widget, so that templates render fields with one include."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(field.widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            field.widget.attrs.setdefault("class", css)

    def clean(self):
        """Text is stored NFC (decision 0003), whatever form the browser sent."""
        data = super().clean()
        for key, value in data.items():
            if isinstance(value, str):
                data[key] = unicodedata.normalize("NFC", value)
        return data
