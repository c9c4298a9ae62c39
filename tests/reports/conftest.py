import io

import pytest
from django.core.management import call_command


def generate(**options) -> str:
    out = io.StringIO()
    params = {"provinces": 2, "communes": 6, "members": 300, "seed": 1, "batch": 100}
    call_command("generate_national_data", stdout=out, **(params | options))
    return out.getvalue()


@pytest.fixture
def national(db):
    """A tiny national tree: the Centre, 2 provinces, 6 communes, 6 central committees, 300
    members."""
    generate()
