"""Headers every response carries: no copy kept of a page or a file (classified records, members'
data), a Content-Security-Policy the application's own pages satisfy, and the Vietnamese
error pages even with DEBUG on."""

import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.urls import path, reverse

import vanphong.urls
from tests.pending_po import security_translations  # noqa: F401
from vanphong.core.models import Clearance

ROOT = Path(__file__).resolve().parents[2]


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_classified_detail_download_export_and_api_are_no_store(client, office_with_secret):
    office, secret = office_with_secret
    client.force_login(office.leader)
    detail = client.get(reverse("documents:incoming_detail", args=[secret.pk]))
    register = client.get(reverse("documents:register", args=["den"]))
    export = client.get(reverse("documents:register_download", args=["den", "xlsx"]))
    from tests.api.conftest import bearer

    api = client.get(f"/api/v1/incoming/{secret.pk}", **bearer(office.leader))
    for response in (detail, register, export, api):
        assert response.status_code == 200, response
        assert _no_store(response), response.get("Cache-Control")


@pytest.mark.django_db
def test_static_files_stay_cacheable(client):
    response = client.get("/static/css/vanphong.css")
    assert response.status_code == 200
    assert not _no_store(response)


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client, tree):
    response = client.get(reverse("core:login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_templates_have_no_inline_script_handler_or_style():
    """What the policy forbids is not written: no inline <script> body, no on* attribute, no
    style attribute or element (the browser test checks the pages themselves)."""
    offenders = []
    for template in (ROOT / "src" / "vanphong").rglob("*.html"):
        text = template.read_text()
        for match in re.finditer(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", text, re.S):
            if "src=" not in match["attrs"] and match["body"].strip():
                offenders.append(f"{template}: inline script")
        if re.search(r"\son[a-z]+=\"", text) or "hx-on" in text:
            offenders.append(f"{template}: event handler attribute")
        if re.search(r"\sstyle=[\"']", text) or "<style" in text:
            offenders.append(f"{template}: inline style")
    assert not offenders


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_with_debug_on_refusals_show_the_vietnamese_pages(client, office_with_secret):
    office, secret = office_with_secret
    client.force_login(office.clerk)  # no clearance: the document is "not found"
    hidden = client.get(reverse("documents:incoming_detail", args=[secret.pk]))
    unknown = client.get("/khong-co-trang-nay/")
    for response, status in ((hidden, 404), (unknown, 404)):
        body = response.content.decode()
        assert response.status_code == status
        assert "Không tìm thấy trang" in body or "không tồn tại" in body
        assert "URLconf" not in body and "Using the URLconf" not in body


def _forbidden(request):
    raise PermissionDenied


def _broken(request):
    raise RuntimeError("boom")


urlpatterns = [*vanphong.urls.urlpatterns, path("cam/", _forbidden), path("hong/", _broken)]


@pytest.mark.django_db
@pytest.mark.urls(__name__)
@override_settings(DEBUG=True)
def test_with_debug_on_403_and_500_are_the_vietnamese_pages(client, tree, caplog):
    from tests import factories

    client.force_login(factories.user("nguoi_dung"))
    forbidden = client.get("/cam/")
    broken = client.get("/hong/")
    assert forbidden.status_code == 403
    assert "Không có quyền truy cập" in forbidden.content.decode()
    assert broken.status_code == 500
    assert (
        "Traceback" not in broken.content.decode() and "RuntimeError" not in broken.content.decode()
    )
    assert "boom" in caplog.text  # the developer still reads the traceback in the log


def test_check_deploy_is_clean_with_the_production_settings():
    env = {
        "PATH": "/usr/bin:/bin",
        "VANPHONG_DEBUG": "false",
        "VANPHONG_SECRET_KEY": secrets.token_urlsafe(50),
        "VANPHONG_ALLOWED_HOSTS": "vanphong.example",
        "VANPHONG_SECURE_COOKIES": "true",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.fixture
def office_with_secret(tree):
    from tests.documents.office import Office

    office = Office(tree)
    return office, office.register(confidentiality=Clearance.SECRET, summary="Nhân sự")
