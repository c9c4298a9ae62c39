"""The core's addresses for the access sweep (tests/test_access_sweep.py)."""

from tests.access_sweep_support import Sample

SAMPLES = [
    Sample("core:dashboard"),
    Sample("core:login", public=True),
    Sample("core:logout", post_only=True),
    Sample("core:password_change"),
    Sample("core:password_done"),
    Sample("core:second_factor"),
    Sample("core:inbox"),
    Sample("core:mark_all_read", post=True, post_only=True),
    Sample("core:email_preferences"),
    # the common search, asked for the classified markers themselves: never found below clearance
    Sample("core:search", query="q=DauVet"),
]
