"""Helpers shared by the document pages: scoped pickers, people to pick, paging of registers."""

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.functional import cached_property

from vanphong.core import access
from vanphong.core.access import Action
from vanphong.documents import search
from vanphong.organizations.models import Organization, OrgStatus

PAGE_SIZE = 50


def organizations_for(user, action: Action):
    """The organizations where the user may do `action`, for a form's picker."""
    return access.visible(user, Organization.objects.all(), action).order_by("path")


def people_for(organization, action: Action, clearance: int = 0):
    """Active users who may do `action` at `organization` (role held there or above)."""
    return access.holders(action, organization, clearance).order_by("last_name", "first_name")


class RegisterPaginator(Paginator):
    """Paging for registers of millions of rows (bench/bench_documents.py):

    - the page's ids are picked first (from an index on PostgreSQL), then only those rows read;
    - with `cap` (searches), one query takes the ids of the first cap + 1 matches in order: they
      give the count and every reachable page, and a search matching tens of thousands of
      documents says "more than 200" instead of counting them all;
    - a page in the back half is read from the other end of the order (the last page costs what
      the first does); the order must therefore be total (end it with the primary key).
    """

    def __init__(self, object_list, per_page, cap: int | None = None):
        super().__init__(object_list, per_page)
        self.cap = cap

    @cached_property
    def _first_ids(self) -> list:
        """With a cap: the ids of the first cap + 1 rows in order, in one query — they give the
        count (up to the cap) and every page that can be reached."""
        return list(self.object_list.values_list("pk", flat=True)[: self.cap + 1])

    @cached_property
    def count(self) -> int:
        if self.cap is None:
            return super().count
        return min(len(self._first_ids), self.cap)

    @property
    def capped(self) -> bool:
        return self.cap is not None and len(self._first_ids) > self.cap

    def _ids(self, bottom: int) -> list:
        if self.cap is not None:
            return self._first_ids[: self.cap][bottom : bottom + self.per_page]
        pks = self.object_list.values_list("pk", flat=True)
        if bottom > self.count // 2:
            top = min(bottom + self.per_page, self.count)
            from_end = self.count - top
            backwards = self.object_list.reverse().values_list("pk", flat=True)
            return list(backwards[from_end : from_end + top - bottom])[::-1]
        return list(pks[bottom : bottom + self.per_page])

    def page(self, number):
        number = self.validate_number(number)
        ids = self._ids((number - 1) * self.per_page)
        rows = sorted(self.object_list.filter(pk__in=ids), key=lambda row: ids.index(row.pk))
        return self._get_page(rows, number, self)


def paginate(request, queryset, *, searching: bool = False):
    """A page of the list; a search's count stops at SEARCH_COUNT_CAP (four pages: a search
    that finds more is narrowed, not paged through)."""
    paginator = RegisterPaginator(
        queryset, PAGE_SIZE, search.SEARCH_COUNT_CAP if searching else None
    )
    return paginator.get_page(request.GET.get("trang"))


def departments_of(document):
    """The office's units (Vụ, phòng) of the organization that received the document."""
    from vanphong.documents.services.incoming import UNIT_KINDS, is_unit_of

    candidates = Organization.objects.filter(
        path__startswith=document.organization.path, kind__in=UNIT_KINDS, status=OrgStatus.ACTIVE
    )
    ids = [o.pk for o in candidates if is_unit_of(o, document.organization)]
    return Organization.objects.filter(pk__in=ids).order_by("path")


def history_page(request, document, *, title: str, back_url: str):
    """A document's history page (both registers): audit trail and classified-read log."""
    from django.shortcuts import render

    from vanphong.documents import history

    return render(
        request,
        "documents/history.html",
        {
            "document": document,
            "title": title,
            "back_url": back_url,
            "history": history.rows_for(document),
            "accesses": history.accesses_for(request.user, document),
        },
    )


def read_filters(request, documents, *, incoming: bool, statuses):
    """The list's filters from the address, each refusal said as a message; and the documents
    narrowed to a dashboard card's work when the address names one (the card's own query)."""
    from django.contrib import messages

    from vanphong.documents import attention, list_filters

    user = request.user
    f = list_filters.parse(
        request.GET,
        statuses=statuses,
        clearance=user.clearance,
        work=tuple(w.key for w in attention.WORK if w.incoming is incoming),
    )
    if f.work:
        item = attention.BY_KEY[f.work]
        documents = attention.narrow(access.visible(user, documents, item.action), user, f.work)
    for error in f.errors:
        messages.warning(request, error)
    return f, documents


def list_facets(documents, f, user, *, incoming: bool, statuses) -> dict:
    """The options of each filter with the documents each would list (list_filters):
    {"selects": [(address parameter, label, options)], "counted_year": year or None}."""
    from django.utils.translation import gettext as _

    from vanphong.core.models import User
    from vanphong.documents import list_filters
    from vanphong.documents.models import Urgency
    from vanphong.documents.types import type_choices

    this_year = timezone.localdate().year

    # the search's conditions read the issuer directory and the type table: made once, for
    # every facet
    found = search.conditions(f.q) if f.q and incoming else None

    def narrow(rows):
        if f.q:
            if incoming:
                rows = search.first_matching(rows, f.q, found)
            else:
                rows = search.outgoing_matching(rows, f.q)
        if not f.bounded:
            rows = rows.filter(**{"year" if incoming else "issued_on__year": this_year})
        return rows

    def tally(facet, key=str):
        counted = list_filters.counts(documents, f, facet, incoming=incoming, narrow=narrow)
        return {key(k): n for k, n in counted.items()}

    params = list_filters.PARAMS
    selects = [
        (params["status"], _("Status"), list_filters.options(statuses, tally("status"), f.status)),
        (
            params["doc_type"],
            _("Document type"),
            list_filters.options(type_choices(timezone.localdate()), tally("doc_type"), f.doc_type),
        ),
        (
            params["urgency"],
            _("Urgency"),
            list_filters.options(
                [(list_filters.urgency_param(v), label) for v, label in Urgency.choices],
                tally("urgency", list_filters.urgency_param),
                f.raw["urgency"],
            ),
        ),
        (
            params["confidentiality"],
            _("Confidentiality"),
            list_filters.options(
                [
                    (str(v), label)
                    for v, label in list_filters.confidentiality_choices(user.clearance)
                ],
                tally("confidentiality"),
                f.raw["confidentiality"],
            ),
        ),
    ]
    if incoming:
        handlers = tally("handler")
        people = User.objects.filter(pk__in=[int(k) for k in handlers if k and k != "None"])
        names = sorted(
            ((str(u.pk), u.get_full_name() or u.username) for u in people), key=lambda o: o[1]
        )
        selects.append(
            (
                params["handler"],
                _("Lead handler"),
                list_filters.options(names, handlers, f.raw["handler"]),
            )
        )
    return {"selects": selects, "counted_year": None if f.bounded else this_year}
