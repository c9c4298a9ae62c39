"""The outgoing document's workflow, in one table.

Each step says from which states it may be taken, the state it leads to, the action (granted
through core.access) its taker must hold over the document, the further condition on who takes it,
and the audit action it records. The services check a step here before they change anything,
the pages offer exactly the steps this table allows, and nothing else decides it.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from vanphong.core import access
from vanphong.documents.access import DocumentAction
from vanphong.documents.models import FileRole, OutgoingStatus, Verdict
from vanphong.documents.services.errors import DocumentError

S = OutgoingStatus
A = DocumentAction


class Only(StrEnum):
    """Who, among the holders of the step's action, may take it."""

    DRAFTER = "drafter"  # the author of the draft decides when it is ready for appraisal
    SIGNER = "signer"  # the person it was submitted to signs it or sends it back
    APPRAISED = "appraised"  # not a person: the latest version was appraised as agreed
    PDF_UNSIGNED = "pdf_unsigned"  # not a person: the issued PDF has no digital signature yet


@dataclass(frozen=True)
class Step:
    name: str
    label: Promise
    sources: tuple[str, ...]
    target: str | None  # None: the document stays in its state
    action: DocumentAction
    only: tuple[Only, ...]
    records: str  # the audit action written


def _step(name, label, sources, target, action, records, *only) -> Step:
    return Step(name, label, tuple(sources), target, action, tuple(only), records)


OPEN = (S.DRAFT, S.RETURNED, S.APPRAISAL, S.SUBMITTED)
LIVE = (*OPEN, S.SIGNED, S.ISSUED)

# One row per transition. A name may have several rows when the action depends on the state
# (cancelling a draft is the drafter's, cancelling a number is the clerk's).
STEPS: tuple[Step, ...] = (
    _step("draft", _("New draft"), (), S.DRAFT, A.DRAFT, "outgoing.draft"),
    _step("edit", _("Edit"), (S.DRAFT,), None, A.DRAFT, "outgoing.revise"),
    # a returned draft is revised by its author (or the office) and is a draft again
    _step("edit", _("Edit"), (S.RETURNED,), S.DRAFT, A.DRAFT, "outgoing.revise"),
    _step(
        "to_appraisal",
        _("Send for appraisal"),
        (S.DRAFT, S.RETURNED),
        S.APPRAISAL,
        A.DRAFT,
        "outgoing.to_appraisal",
        Only.DRAFTER,
    ),
    _step("appraise", _("Appraise"), (S.APPRAISAL,), None, A.APPRAISE, "outgoing.appraise"),
    _step(
        "request_revision",
        _("Request a revision"),
        (S.APPRAISAL,),
        S.RETURNED,
        A.APPRAISE,
        "outgoing.revise_requested",
    ),
    # Submitting (trình ký) is the drafter's or the office's (its head presents documents to the
    # leader), once the latest version was agreed.
    _step(
        "submit",
        _("Submit for signature"),
        (S.APPRAISAL,),
        S.SUBMITTED,
        A.DRAFT,
        "outgoing.submit",
        Only.APPRAISED,
    ),
    _step("sign", _("Sign"), (S.SUBMITTED,), S.SIGNED, A.SIGN, "outgoing.sign", Only.SIGNER),
    _step(
        "return",
        _("Return to the drafter"),
        (S.SUBMITTED,),
        S.RETURNED,
        A.SIGN,
        "outgoing.returned",
        Only.SIGNER,
    ),
    _step("issue", _("Issue"), (S.SIGNED,), S.ISSUED, A.ISSUE, "outgoing.issue"),
    _step("cancel", _("Cancel"), OPEN, S.CANCELLED, A.DRAFT, "outgoing.cancel"),
    _step("cancel", _("Cancel"), (S.SIGNED, S.ISSUED), S.CANCELLED, A.ISSUE, "outgoing.cancel"),
    _step("recall", _("Recall"), (S.ISSUED,), S.RECALLED, A.ISSUE, "outgoing.recall"),
    _step("pdf", _("Make the PDF"), (S.ISSUED,), None, A.ISSUE, "document.file_add"),
    _step("seal", _("Seal"), (S.ISSUED,), None, A.ISSUE, "outgoing.seal"),
    _step("dispatch", _("Send to recipients"), (S.ISSUED,), None, A.ISSUE, "outgoing.dispatch"),
    _step("delivery", _("Delivery status"), (S.ISSUED,), None, A.ISSUE, "outgoing.delivery"),
    # Once: a second signature with the same certificate would only make a second signed copy.
    _step(
        "sign_pdf",
        _("Sign the PDF"),
        (S.ISSUED,),
        None,
        A.ISSUE,
        "outgoing.sign_pdf",
        Only.PDF_UNSIGNED,
    ),
    _step("upload", _("Add a file"), LIVE, None, A.DRAFT, "document.file_add"),
)

NAMES: tuple[str, ...] = tuple(dict.fromkeys(step.name for step in STEPS))


def appraisal_step(verdict: str) -> str:
    """The step an appraisal takes: agreeing keeps the draft in appraisal, the other verdict sends
    it back to its author."""
    return "request_revision" if verdict == Verdict.REVISE else "appraise"


def step_for(name: str, status: str | None) -> Step | None:
    """The row of step `name` that may be taken from `status` (None: the step creates the
    document), or None when no row allows it."""
    if name not in NAMES:
        raise ValueError(f"unknown outgoing step {name!r}")
    for step in STEPS:
        if step.name == name and (status in step.sources or (status is None and not step.sources)):
            return step
    return None


def appraised(document) -> bool:
    """Whether the latest version was appraised as agreed."""
    last_version = document.versions.order_by("-version").first()
    since = last_version.created_at if last_version else document.created_at
    return document.appraisals.filter(verdict=Verdict.AGREE, at__gte=since).exists()


def _pdf_unsigned(document) -> bool:
    return not document.files.filter(role=FileRole.SIGNED_PDF).exists()


_CONDITIONS = {
    Only.DRAFTER: (lambda user, d: d.drafted_by_id == user.pk, DocumentError.NOT_DRAFTER),
    Only.SIGNER: (lambda user, d: d.signer_id == user.pk, DocumentError.NOT_SIGNER),
    Only.APPRAISED: (lambda user, d: appraised(d), DocumentError.NOT_APPRAISED),
    Only.PDF_UNSIGNED: (lambda user, d: _pdf_unsigned(d), DocumentError.PDF_ALREADY_SIGNED),
}


def refusal(user, document, name: str) -> DocumentError | None:
    """Why `user` may not take step `name` on `document` now, or None when they may."""
    step = step_for(name, document.status)
    if step is None:
        return DocumentError(DocumentError.WRONG_STATE)
    if not access.can(user, step.action, document):
        return DocumentError(DocumentError.NOT_ALLOWED)
    for condition in step.only:
        holds, error = _CONDITIONS[condition]
        if not holds(user, document):
            return DocumentError(error)
    return None


def check(user, document, name: str) -> Step:
    """The step `user` takes on `document` (read from a locked row); DocumentError otherwise."""
    error = refusal(user, document, name)
    if error is not None:
        raise error
    return step_for(name, document.status)


def check_draft(user, organization) -> Step:
    """Creating a draft: the one step taken before the document exists, over its organization."""
    step = step_for("draft", None)
    if not access.can(user, step.action, organization):
        raise DocumentError(DocumentError.NOT_ALLOWED)
    return step


def allows(user, document, name: str) -> bool:
    return refusal(user, document, name) is None


def available(user, document) -> frozenset[str]:
    """The steps `user` may take on `document` now: the buttons its page shows."""
    return frozenset(name for name in NAMES if name != "draft" and allows(user, document, name))
