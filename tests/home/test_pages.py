"""The home page, the site's root, and the information pages in its footer."""

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
