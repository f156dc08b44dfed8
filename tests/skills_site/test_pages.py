"""The site shell: the things every page carries."""

import pytest

pytestmark = pytest.mark.django_db


def test_pages_use_no_govuk_crown_or_font(client):
    page = client.get("/").content.decode()

    assert "govuk-crest" not in page
    assert "GDS Transport" not in page
    assert "govuk-logo" not in page


def test_an_unknown_page_is_a_404_not_an_error(client):
    assert client.get("/no-such-page/?q=%3Cscript%3E").status_code == 404
