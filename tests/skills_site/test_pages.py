"""The site shell: home page, information pages, and the things every page carries."""

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_is_the_site_root(client):
    page = client.get("/").content.decode()

    assert "Get the digital skills you need" in page
    assert 'href="#main-content"' in page  # skip link
    assert 'id="main-content"' in page
    assert "Accessibility statement" in page
    assert "Beta" in page


@pytest.mark.parametrize("path, heading", [("/accessibility/", "Accessibility statement"), ("/privacy/", "Privacy notice")])
def test_footer_pages_exist(client, path, heading):
    response = client.get(path)

    assert response.status_code == 200
    assert heading in response.content.decode()


def test_pages_use_no_govuk_crown_or_font(client):
    page = client.get("/").content.decode()

    assert "govuk-crest" not in page
    assert "GDS Transport" not in page
    assert "govuk-logo" not in page


def test_an_unknown_page_is_a_404_not_an_error(client):
    assert client.get("/no-such-page/?q=%3Cscript%3E").status_code == 404
