"""Every page says who a resident can call for help, and editors change the number in Wagtail's settings."""

import pytest
from django.test import Client
from wagtail.models import Site

from home.models import HelpContact
from tests.accounts.factories import UserFactory
from tests.careers.helpers import sign_in_with_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client():
    """An editor signed in to the Wagtail admin through both steps, in a browser of their own."""
    browser = Client()
    sign_in_with_totp(browser, UserFactory(is_staff=True, is_superuser=True))
    return browser


@pytest.mark.parametrize("path", ["/", "/search/?q=python", "/privacy/", "/accounts/login/"])
def test_every_page_offers_a_number_to_call(client, path):
    page = client.get(path).content.decode()

    # Until the operator sets their own line, the National Careers Service's free number.
    assert "Need help using this website?" in page
    assert '<a class="govuk-link" href="tel:+44800100900">0800 100 900</a> (free to call)' in page


def test_an_editor_sets_the_help_line_and_every_page_shows_it(client, editor_client):
    site = Site.objects.get(is_default_site=True)
    form = editor_client.get(f"/admin/settings/home/helpcontact/{site.pk}/")
    assert form.status_code == 200

    saved = editor_client.post(
        f"/admin/settings/home/helpcontact/{site.pk}/",
        {
            "helpline_name": "the digital skills helpline",
            "phone_number": "0113 496 0000",
            "opening_hours": "Monday to Friday, 9am to 5pm",
            "feedback_email": "feedback@example.org",
        },
    )
    assert saved.status_code == 302

    page = client.get("/").content.decode()
    assert 'Call the digital skills helpline on <a class="govuk-link" href="tel:+441134960000">0113 496 0000</a>. Monday to Friday, 9am to 5pm.' in page
    assert "mailto:feedback@example.org" in page


def test_a_number_that_is_not_a_phone_number_is_refused_with_a_clear_message(editor_client):
    site = Site.objects.get(is_default_site=True)
    refused = editor_client.post(
        f"/admin/settings/home/helpcontact/{site.pk}/",
        {"helpline_name": "us", "phone_number": "call us", "feedback_email": "feedback@example.org"},
    )

    assert refused.status_code == 200
    assert "Enter a UK phone number, like 0113 123 4567 or 0800 100 900" in refused.content.decode()
    assert HelpContact.for_site(site).phone_number == "0800 100 900"
