from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from vanphong.core import login_throttle, second_factor
from vanphong.core.notifications import KINDS


class ThrottledLoginForm(AuthenticationForm):
    """The one login form (the administration site sends its login here): the password through
    the throttled backend, then the TOTP code of a user who has a second factor; a wrong code
    counts as a failed login."""

    otp_token = forms.CharField(
        label=_("Verification code"),
        required=False,
        max_length=10,
        help_text=_("The 6 digits of the authenticator app, if two-step verification is on."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    error_messages = {
        "invalid_login": _("Wrong username or password."),
        "inactive": _("This account is disabled."),
        "locked": _("Too many failed logins. Try again in %(minutes)s minutes."),
        "otp": _("The verification code is missing or wrong."),
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
        cleaned = super().clean()  # the backend counts a wrong password
        user = self.get_user()
        if user is not None and second_factor.has(user):
            device = second_factor.check(user, self.cleaned_data.get("otp_token", ""))
            if device is None:
                login_throttle.record_failure(username, address)
                self.user_cache = None
                raise forms.ValidationError(self.error_messages["otp"], code="otp")
            user.otp_device = device  # django_otp marks the session verified at login
        login_throttle.clear_failures(username)
        return cleaned


class SecondFactorForm(forms.Form):
    """Confirm a new authenticator, or verify a session, with one code."""

    otp_token = forms.CharField(
        label=_("Verification code"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class EmailPreferencesForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Also send these by e-mail"),
        choices=KINDS.choices,  # read when the form is built, after the apps registered
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
