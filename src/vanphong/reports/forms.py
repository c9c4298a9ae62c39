from django import forms
from django.utils.translation import gettext_lazy as _


class StatisticsForm(forms.Form):
    """Which subtree and which date; the organization is checked against access by the view."""

    to_chuc = forms.IntegerField(label=_("Organization"), required=False, min_value=1)
    ngay = forms.DateField(
        label=_("As of"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={"invalid": _("Enter a date as dd/mm/yyyy.")},
    )
