"""The records area's addresses for the access sweep (tests/test_access_sweep.py): the
province's 2026 plan, an open file holding the world's Tối mật incoming document (its summary
carries the sweep's marker), and a file handed over to the archive."""

from tests.access_sweep_support import Sample


def _records(world):
    if not hasattr(world, "_records"):
        from vanphong.records.services import files, handover, plans

        plan = plans.create_plan(acting_user=None, organization=world.tree.province, year=2026)
        items = [
            plans.add_item(
                acting_user=None, plan=plan, code=code, title=title, retention_key="cong_van"
            )
            for code, title in (("01", "Hồ sơ nhân sự"), ("02", "Tập văn bản đi"))
        ]
        secret = files.open_file(acting_user=None, item=items[0])
        files.add_documents(
            acting_user=None, file=secret, documents=[world.incoming, world.secret_incoming]
        )
        done = files.open_file(acting_user=None, item=items[1])
        files.add_document(acting_user=None, file=done, document=world.issued)
        files.close_file(acting_user=None, file=done)
        received = handover.receive(acting_user=None, files=[done], handed_by_name="Văn thư")
        entry = secret.entries.first()
        from vanphong.records.services import loans

        loan = loans.request_loan(
            acting_user=world.users["specialist"], file=done, purpose="Tham khảo"
        )
        world._records = {
            "plan": plan,
            "item": items[0],
            "file": secret,
            "entry": entry,
            "done": done,
            "handover": received,
            "loan": loan,
        }
    return world._records


def _pk(name):
    return lambda w: [_records(w)[name].pk]


SAMPLES = [
    Sample("records:plans", post=True),
    Sample("records:plan", _pk("plan"), post=True),
    Sample("records:open_file", _pk("item"), post=True, post_only=True),
    Sample("records:file", _pk("file"), post=True),
    Sample(
        "records:file_remove",
        lambda w: [_records(w)["file"].pk, _records(w)["entry"].pk],
        post=True,
        post_only=True,
    ),
    Sample("records:file_close", _pk("file"), post=True, post_only=True),
    Sample("records:file", _pk("done")),
    Sample("records:file_bag", _pk("file")),
    Sample("records:file_bag", _pk("done")),
    Sample("records:plan_bag", _pk("plan")),
    Sample("records:due", post=True),
    Sample("records:handovers"),
    Sample("records:handover", _pk("handover")),
    Sample("records:handover_list_docx", _pk("handover")),
    Sample("records:handover_minutes_docx", _pk("handover")),
    Sample("records:archive"),
    Sample("records:loan_new", _pk("done"), post=True),
    Sample("records:loans"),
    *(
        Sample(
            "records:loan_step",
            lambda w, s=step: [_records(w)["loan"].pk, s],
            post=True,
            post_only=True,
        )
        for step in ("duyet", "tu-choi", "cho-muon", "tra")
    ),
]
