"""The home page, the site's root, and the information pages in its footer."""

import pytest
from django.conf import settings

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


def test_the_accessibility_statement_has_the_sections_the_regulations_ask_for(client):
    page = client.get("/accessibility/").content.decode()

    for section in (
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Compliance status",
        "Non-accessible content",
        "Preparation of this accessibility statement",
    ):
        assert f">{section}</h" in page
    assert "partially compliant" in page
    assert "Equality Advisory and Support Service" in page


def test_the_privacy_notice_says_who_keeps_what_why_for_how_long_and_how_to_complain(client):
    page = client.get("/privacy/").content.decode()

    for section in ("Who we are", "What we keep and why", "How long we keep it", "Your rights", "Complaints"):
        assert f">{section}</h2>" in page
    assert "data controller" in page and "lawful basis" in page
    assert f"{settings.SEARCH_LOG_RETENTION_DAYS} days" in page  # as search.tasks deletes searches
    assert "ico.org.uk" in page
