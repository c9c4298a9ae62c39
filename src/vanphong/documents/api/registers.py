"""The registers, the seal-use log and the deadline dashboard through the API (as
views_registers): what the user may see only, classified rows logged as viewed or downloaded."""

import datetime

from django.db.models import F
from django.urls import resolve
from django.utils import timezone
from ninja import Query, Router

from vanphong.core.api import page, scope_organization
from vanphong.documents.access import DocumentAction
from vanphong.documents.api.files import file_response
from vanphong.documents.models import ConfidentialAccess
from vanphong.documents.registers import build, dashboard, downloads
from vanphong.documents.registers import period as periods
from vanphong.documents.registers.model import Register, local
from vanphong.documents.schemas import (
    REGISTER_FORMATS,
    REGISTER_KINDS,
    AssignmentFilters,
    DeadlineDashboardOut,
    DeadlineFilters,
    OpenAssignmentPage,
    RegisterFilters,
    RegisterOut,
)

router = Router(tags=["registers"])

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _register(user, kind: str, filters: RegisterFilters, how: str):
    """The register `kind` of the organization for the period, what the user may see only; the
    classified documents it lists are logged as viewed (or downloaded) each."""
    organization = scope_organization(user, filters.organization, DocumentAction.VIEW)
    period = periods.parse({"tu": filters.from_, "den": filters.to})  # PeriodError: 400
    register = build.BUILDERS[kind](user, organization, period)
    downloads.log_classified(user, kind, organization, period, how)
    return organization, register


def _cell(value):
    if isinstance(value, datetime.datetime):
        return local(value).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _row_document(row) -> int | None:
    return resolve(row.url).kwargs.get("pk") if row.url else None


def _register_out(register: Register, organization) -> dict:
    return {
        "kind": register.kind,
        "title": register.title,
        "organization": {"id": organization.pk, "name": organization.name},
        "period": {
            "start": register.period.start,
            "end": register.period.end,
            "label": register.period.label(),
        },
        "columns": [c.label for c in register.columns],
        "count": len(register.rows),
        "rows": [
            {
                "cells": [_cell(v) for v in row.cells],
                "texts": row.texts,
                "document_id": _row_document(row),
                "note_class": row.note_class,
            }
            for row in register.rows
        ],
    }


@router.get("/deadlines", response=DeadlineDashboardOut, summary="Theo dõi hạn xử lý văn bản đến")
def deadline_dashboard(request, filters: Query[DeadlineFilters]):
    """Open assignments (lead and co-handlers) of the incoming documents the user may see, per
    person and per department: assigned, overdue, due within `soon_days` days."""
    user = request.auth
    organization = scope_organization(
        user, filters.organization, DocumentAction.VIEW, required=False
    )
    today = timezone.localdate()
    assignments = dashboard.open_assignments(user, organization)
    people = dashboard.by_person(assignments, today)
    return {
        "organization": organization,
        "today": today,
        "soon_days": dashboard.soon_days(today),
        "total": dashboard.totals(people),
        "people": people,
        "departments": dashboard.by_department(assignments, today),
        "mine": assignments.filter(user=user).count(),
    }


ASSIGNMENT_KINDS = {"all": dashboard.ALL, "overdue": dashboard.OVERDUE, "soon": dashboard.SOON}


@router.get("/deadlines/assignments", response=OpenAssignmentPage, summary="Việc đang giao xử lý")
def deadline_assignments(request, filters: Query[AssignmentFilters]):
    """The list behind a dashboard count: open assignments of one person or department, all,
    overdue or due soon, the nearest deadline first."""
    user = request.auth
    organization = scope_organization(
        user, filters.organization, DocumentAction.VIEW, required=False
    )
    assignments = dashboard.open_assignments(user, organization)
    if filters.person is not None:
        assignments = assignments.filter(user_id=filters.person)
    if filters.department is not None:
        assignments = assignments.filter(department_id=filters.department)
    assignments = dashboard.narrow(assignments, ASSIGNMENT_KINDS[filters.kind]).select_related(
        "document", "user", "department"
    )
    ordered = assignments.order_by(
        F("deadline").asc(nulls_last=True), "document__received_at", "pk"
    )
    return page(ordered, filters)


@router.get(
    "/{kind}", response=RegisterOut, summary="Sổ văn bản đến, sổ văn bản đi, sổ sử dụng con dấu"
)
def get_register(request, kind: REGISTER_KINDS, filters: Query[RegisterFilters]):
    """The rows of the register for the period (this year by default), only the documents the
    user may see, clearance included. Listing a classified document is logged as a view of it."""
    user = request.auth
    organization, register = _register(user, kind, filters, ConfidentialAccess.Kind.VIEW)
    return _register_out(register, organization)


@router.get(
    "/{kind}/{fmt}",
    summary="Tải sổ (XLSX, PDF)",
    openapi_extra={
        "responses": {
            200: {
                "description": "Tệp của sổ",
                "content": {
                    XLSX: {"schema": {"type": "string", "format": "binary"}},
                    "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                },
            }
        }
    },
)
def download_register(
    request, kind: REGISTER_KINDS, fmt: REGISTER_FORMATS, filters: Query[RegisterFilters]
):
    """The register as the office prints it; each classified document listed is logged as
    downloaded."""
    user = request.auth
    organization, register = _register(user, kind, filters, ConfidentialAccess.Kind.DOWNLOAD)
    writer, content_type = downloads.FORMATS[fmt]
    name = downloads.file_name(kind, organization, register.period, fmt)
    return file_response(name, writer(register), content_type, True)
