"""Back-office admin of the documents area, in Vietnamese: signing certificates, trusted roots,
congresses. Writes go through services (audited); a certificate's key is never edited or shown,
and the passphrase typed on upload only checks the file (docs/decisions/0009)."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters

from vanphong.core.errors import ServiceError
from vanphong.core.formats import date_vn
from vanphong.documents.models import Congress, SigningCertificate, TrustedRoot
from vanphong.documents.services import certificates, congresses

_FILE_LIMIT = certificates.MAX_PKCS12_BYTES


def _read_upload(upload, limit: int) -> bytes:
    if upload.size is not None and upload.size > limit:
        raise forms.ValidationError(
            str(
                certificates.CertificateError(
                    certificates.CertificateError.TOO_LARGE, limit=limit // 1024
                )
            )
        )
    upload.seek(0)
    return upload.read(limit + 1)


def _local_date(moment) -> str:
    return date_vn(timezone.localtime(moment).date()) if moment else "—"


# ---------------------------------------------------------------------------- signing certificates


class SigningCertificateUploadForm(forms.ModelForm):
    """The organization, the .p12/.pfx file and its passphrase (checked, never kept)."""

    pkcs12_file = forms.FileField(
        label=_("Certificate file (.p12, .pfx)"),
        help_text=_(
            "The file with the certificate and its private key, from the certification authority."
        ),
    )
    passphrase = forms.CharField(
        label=_("Certificate passphrase"),
        widget=forms.PasswordInput(render_value=False),
        strip=False,
        help_text=_(
            "Used only to check the file; it is not stored. The clerk types it each time a "
            "document is signed."
        ),
    )

    class Meta:
        model = SigningCertificate
        fields = ["organization"]

    def clean(self):
        data = super().clean()
        upload, passphrase = data.get("pkcs12_file"), data.get("passphrase")
        if upload is None or not passphrase:
            return data
        content = _read_upload(upload, _FILE_LIMIT)
        try:
            self.summary = certificates.check_signing_certificate(content, passphrase)
        except ServiceError as exc:
            raise forms.ValidationError(str(exc), code=exc.code) from None
        data["pkcs12_bytes"] = content
        return data


@admin.register(SigningCertificate)
class SigningCertificateAdmin(admin.ModelAdmin):
    """Added by upload, then read-only; stopped with the "stop using" action, never deleted."""

    form = SigningCertificateUploadForm
    list_display = (
        "subject",
        "organization",
        "valid_until_vn",
        "active",
        "added_by",
        "added_on_vn",
    )
    list_filter = ("active",)
    search_fields = ("subject", "organization__name")
    list_select_related = ("organization", "added_by")
    autocomplete_fields = ("organization",)
    actions = ("deactivate_selected",)
    readonly_fields = (
        "organization",
        "subject",
        "valid_until_vn",
        "active",
        "added_by",
        "added_on_vn",
    )

    @admin.display(description=_("valid until"), ordering="valid_until")
    def valid_until_vn(self, obj):
        return _local_date(obj.valid_until)

    @admin.display(description=_("added on"), ordering="added_at")
    def added_on_vn(self, obj):
        return _local_date(obj.added_at)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("organization", "pkcs12_file", "passphrase")
        return self.readonly_fields

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else ()

    def has_change_permission(self, request, obj=None):
        # The list (and its action) only: a stored certificate's key is never edited.
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    @method_decorator(sensitive_post_parameters("passphrase"))
    def add_view(self, request, form_url="", extra_context=None):
        return super().add_view(request, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        saved = certificates.add_signing_certificate(
            request.user, data["organization"], data["pkcs12_bytes"], data["passphrase"]
        )
        obj.pk, obj.subject, obj.valid_until = saved.pk, saved.subject, saved.valid_until
        summary = getattr(form, "summary", None)
        if summary:
            messages.info(
                request,
                gettext(
                    "Certificate of %(subject)s, issued by %(issuer)s, serial %(serial)s, valid "
                    "from %(start)s to %(end)s, SHA-256 fingerprint %(fingerprint)s. It is now "
                    "the one %(organization)s signs with."
                )
                % {
                    "subject": summary["subject"],
                    "issuer": summary["issuer"],
                    "serial": summary["serial"],
                    "start": _local_date(summary["not_before"]),
                    "end": _local_date(summary["not_after"]),
                    "fingerprint": summary["fingerprint_sha256"],
                    "organization": data["organization"],
                },
            )

    def save_related(self, request, form, formsets, change):
        pass  # no relations of its own; the service saved everything

    @admin.action(description=_("Stop using the selected certificates"), permissions=["change"])
    def deactivate_selected(self, request, queryset):
        for certificate in queryset.filter(active=True):
            certificates.deactivate_certificate(request.user, certificate)
        self.message_user(request, gettext("The selected certificates are no longer used."))


# ---------------------------------------------------------------------------- trusted roots


class TrustedRootForm(forms.ModelForm):
    pem = forms.CharField(
        label=_("certificate (PEM)"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 70, "spellcheck": "false"}),
        help_text=_(
            "Paste the text from “-----BEGIN CERTIFICATE-----” to “-----END CERTIFICATE-----”."
        ),
    )
    certificate_file = forms.FileField(
        label=_("or the certificate file (.pem, .crt, .cer)"), required=False
    )

    class Meta:
        model = TrustedRoot
        fields = ["name", "pem"]

    def clean(self):
        data = super().clean()
        upload = data.get("certificate_file")
        content = _read_upload(upload, certificates.MAX_ROOT_BYTES) if upload else data.get("pem")
        if not content or not str(content).strip():
            raise forms.ValidationError(
                gettext("Paste the certificate or choose its file."), code="required"
            )
        try:
            certificates.check_trusted_root(content)
        except ServiceError as exc:
            raise forms.ValidationError(str(exc), code=exc.code) from None
        data["certificate"] = content
        return data


@admin.register(TrustedRoot)
class TrustedRootAdmin(admin.ModelAdmin):
    """Added by paste or upload, then read-only; removing one is audited."""

    form = TrustedRootForm
    list_display = ("name", "subject", "fingerprint", "expires_on", "added_on_vn")
    search_fields = ("name",)
    readonly_fields = ("name", "subject", "fingerprint", "expires_on", "added_on_vn", "pem")

    def _facts(self, obj) -> dict:
        cache = getattr(obj, "_facts_cache", None)
        if cache is None:
            cache = obj._facts_cache = certificates.trusted_root_facts(obj) or {}
        return cache

    @admin.display(description=_("subject"))
    def subject(self, obj):
        return self._facts(obj).get("subject", "—")

    @admin.display(description=_("SHA-256 fingerprint"))
    def fingerprint(self, obj):
        return self._facts(obj).get("fingerprint_sha256", "—")

    @admin.display(description=_("valid until"))
    def expires_on(self, obj):
        return _local_date(self._facts(obj).get("not_after"))

    @admin.display(description=_("added on"), ordering="added_at")
    def added_on_vn(self, obj):
        return _local_date(obj.added_at)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("name", "pem", "certificate_file")
        return self.readonly_fields

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else ()

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        saved = certificates.add_trusted_root(
            request.user, form.cleaned_data["name"], form.cleaned_data["certificate"]
        )
        obj.pk, obj.name, obj.pem = saved.pk, saved.name, saved.pem

    def save_related(self, request, form, formsets, change):
        pass

    def delete_model(self, request, obj):
        certificates.remove_trusted_root(request.user, obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        for root in queryset:
            certificates.remove_trusted_root(request.user, root)


# ---------------------------------------------------------------------------- congresses


class CongressForm(forms.ModelForm):
    class Meta:
        model = Congress
        fields = ["organization", "name", "code", "opens_on", "closes_on"]

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            raise forms.ValidationError(
                gettext("The congress closes before it opens."), code="dates"
            )
        return data


@admin.register(Congress)
class CongressAdmin(admin.ModelAdmin):
    """A congress's documents share one sequence: its code is fixed once one is numbered."""

    form = CongressForm
    list_display = ("name", "organization", "code", "opens_on", "closes_on")
    search_fields = ("name", "organization__name")
    list_select_related = ("organization",)
    autocomplete_fields = ("organization",)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.documents.exists():
            return ("organization", "code")
        return ()

    def save_model(self, request, obj, form, change):
        congresses.save_congress(acting_user=request.user, congress=obj)

    def delete_model(self, request, obj):
        congresses.delete_congress(acting_user=request.user, congress=obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        for congress in queryset:
            self.delete_model(request, congress)
