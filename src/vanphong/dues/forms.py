"""The forms of the dues pages: amounts typed as people write them, dates dd/mm/yyyy."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vanphong.core.form_fields import StyledForm, date_field
from vanphong.dues.models import REFERENCE_MAX, Channel


class PaymentForm(StyledForm):
    amount = forms.CharField(label=_("Amount (đồng)"), max_length=20)
    paid_on = date_field(_("Paid on"))
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, initial=Channel.CASH)
    reference = forms.CharField(
        label=_("Portal reference"), max_length=REFERENCE_MAX, required=False
    )


class YearForm(forms.Form):
    nam = forms.IntegerField(min_value=2000, max_value=2100, required=False)
