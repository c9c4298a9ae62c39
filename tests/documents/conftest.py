import pytest

from tests.documents.office import Office


@pytest.fixture
def office(tree):
    return Office(tree)
