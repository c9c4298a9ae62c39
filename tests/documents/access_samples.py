"""The documents area's addresses for the access sweep (tests/test_access_sweep.py): the lists
and their search with the classified markers typed in, each record kind, each step, each
register and format."""

from tests.access_sweep_support import Sample

# Words of the classified summaries around their markers (the page echoes what was typed, so
# the marker itself is not what is searched for).
SEARCH = "q=nhân sự"


def _pk(attribute):
    return lambda world: [getattr(world, attribute).pk]


SAMPLES = [
    Sample("documents:incoming_list"),
    Sample("documents:incoming_list", query=SEARCH),
    Sample("documents:incoming_register", post=True),
    Sample("documents:incoming_detail", _pk("incoming")),
    Sample("documents:incoming_detail", _pk("secret_incoming")),
    Sample("documents:incoming_history", _pk("secret_incoming")),
    *(
        Sample(
            "documents:incoming_step",
            lambda w, s=step: [w.secret_incoming.pk, s],
            post=True,
            post_only=True,
        )
        for step in ("assign", "progress", "close", "upload")
    ),
    Sample("documents:outgoing_list"),
    Sample("documents:outgoing_list", query=SEARCH),
    Sample("documents:outgoing_create", post=True),
    Sample("documents:outgoing_detail", _pk("issued")),
    Sample("documents:outgoing_detail", _pk("secret_draft")),
    Sample("documents:outgoing_edit", _pk("secret_draft"), post=True),
    Sample("documents:outgoing_history", _pk("secret_draft")),
    Sample("documents:outgoing_docx", _pk("secret_draft")),
    Sample("documents:outgoing_pdf", _pk("secret_draft")),
    *(
        Sample(
            "documents:outgoing_step",
            lambda w, s=step: [w.secret_draft.pk, s],
            post=True,
            post_only=True,
        )
        for step in ("to_appraisal", "sign", "issue", "cancel")
    ),
    Sample("documents:file_download", _pk("secret_file")),
    *(Sample("documents:register", lambda w, k=kind: [k]) for kind in ("den", "di", "con-dau")),
    *(
        Sample("documents:register_download", lambda w, k=kind, f=fmt: [k, f])
        for kind in ("den", "di")
        for fmt in ("xlsx", "pdf")
    ),
    Sample("documents:deadline_dashboard"),
    Sample("documents:deadline_assignments"),
]
