"""The reports area's addresses for the access sweep (tests/test_access_sweep.py)."""

from tests.access_sweep_support import Sample

SAMPLES = [Sample("reports:member_statistics")]
