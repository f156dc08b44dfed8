"""The open-data files are written into a directory of the test's own."""

import pytest


@pytest.fixture
def datasets_root(settings, tmp_path):
    settings.DATASETS_ROOT = tmp_path / "datasets"
    return settings.DATASETS_ROOT
