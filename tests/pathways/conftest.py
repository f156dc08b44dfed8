"""The seeded question bank, and fresh search indices for plans, for the pathways tests."""

import pytest

from pathways.selectors import question_bank
from tests.search.conftest import search_indices  # noqa: F401 (fresh OpenSearch indices, for plans)

@pytest.fixture
def bank(db):
    return question_bank()
