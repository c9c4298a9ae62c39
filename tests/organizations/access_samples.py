"""The organizations area's addresses for the access sweep (tests/test_access_sweep.py)."""

from tests.access_sweep_support import Sample


def _province(world):
    return [world.tree.province.pk]


def _cell(world):
    return [world.tree.cell_a1.pk]


def _member(world):
    return [world.member.pk]


SAMPLES = [
    Sample("organizations:tree"),
    Sample("organizations:organization_detail", _province),
    Sample("organizations:organization_detail", _cell),
    Sample("organizations:tree_children", _province),
    Sample("organizations:admit", _cell, post=True),
    Sample("organizations:organization_create", _province, post=True),
    Sample("organizations:organization_edit", _cell, post=True),
    Sample("organizations:organization_merge", _cell, post=True),
    Sample("organizations:organization_dissolve", _cell, post=True),
    Sample("organizations:term_add", _province, post=True),
    Sample("organizations:term_edit", lambda w: [w.term.pk], post=True),
    Sample("organizations:member_list"),
    Sample("organizations:member_list", query="q=Hoà"),
    Sample("organizations:probation_due"),
    Sample("organizations:member_detail", _member),
    Sample("organizations:member_history", _member),
    Sample("organizations:member_edit", _member, post=True),
    *(
        Sample(
            "organizations:member_procedure",
            lambda w, n=name: [w.member.pk, n],
            post=True,
            post_only=True,
        )
        for name in ("cong-nhan-chinh-thuc", "chuyen-sinh-hoat", "chuc-vu", "xoa-ten")
    ),
    Sample("organizations:transfer_letter", lambda w: [999_999]),
    Sample("organizations_xlsx:template"),
    Sample("organizations_xlsx:member_import", post=True),
    Sample("organizations_xlsx:member_export"),
    Sample("organizations_xlsx:member_export", lambda w: [], query="to_chuc=999999"),
    Sample("organizations_xlsx:organization_import", post=True),
    Sample("organizations_xlsx:organization_export"),
]
