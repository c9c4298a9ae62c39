from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from vanphong.core import login_throttle
from vanphong.core.notifications import KINDS


class ThrottledLoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Wrong username or password."),
        "inactive": _("This account is disabled."),
        "locked": _("Too many failed logins. Try again in %(minutes)s minutes."),
    }

    def clean(self):
        from django.conf import settings

        username = self.cleaned_data.get("username") or ""
        address = login_throttle.client_address(self.request)
        if login_throttle.is_locked(username, address):
            raise forms.ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"minutes": settings.LOGIN_LOCK_MINUTES},
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            login_throttle.record_failure(username, address)
            raise
        login_throttle.clear_failures(username)
        return cleaned


class EmailPreferencesForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Also send these by e-mail"),
        choices=KINDS.choices,  # read when the form is built, after the apps registered
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
