"""The seeded question bank, and fresh search indices for plans, for the pathways tests."""

import pytest

from pathways.selectors import question_bank

@pytest.fixture
def bank(db):
    return question_bank()
