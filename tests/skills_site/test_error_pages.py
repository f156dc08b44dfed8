"""When something goes wrong, people see the service's own page in plain English, never Django's."""

import pytest
from django.test import Client, RequestFactory
from django.views import defaults

from tests.helpers import REPO

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_our_own_page(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'href="/search/"' in html
    assert "URLconf" not in html


def test_an_unknown_host_gets_a_plain_bad_request_page(client):
    response = client.get("/search/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert "Sorry, we could not understand that request" in response.content.decode()


def test_an_expired_form_says_what_to_do():
    response = Client(enforce_csrf_checks=True).post("/accounts/login/", {"login": "a@example.org", "password": "x"})

    assert response.status_code == 403
    html = response.content.decode()
    assert "Your form has expired" in html
    assert "CSRF" not in html


def test_a_refusal_is_our_own_page():
    response = defaults.permission_denied(RequestFactory().get("/portal/provider/"), PermissionError())

    assert response.status_code == 403
    assert "You cannot see this page" in response.content.decode()


def test_the_error_page_needs_nothing_that_could_have_failed():
    """The 500 page is plain HTML: no template tags, no database, no context."""
    page = (REPO / "skills_site" / "templates" / "500.html").read_text()
    response = defaults.server_error(RequestFactory().get("/"))

    assert "{%" not in page and "{{" not in page
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
