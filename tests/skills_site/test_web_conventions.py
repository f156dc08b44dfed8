"""What browsers, phones and sharing apps read from every site: the share card, the icon and the manifest."""

import json
import re

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from courses.models import Programme
from publishing.models import Status
from tests.courses.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def meta(page: str, name: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', page)
    assert found, f"no {name}"
    return found.group(1)


def test_a_shared_link_shows_the_pages_title_description_and_address(client):
    page = client.get("/").content.decode()

    assert meta(page, "og:title") == "Digital Skills Leeds City Region"
    assert meta(page, "og:url") == "http://testserver/"
    assert "courses, apprenticeships" in meta(page, "og:description")
    assert meta(page, "twitter:card") == "summary"


def test_a_shared_course_shows_its_own_title(client):
    programme = ProgrammeFactory(title="Spreadsheets for work", status=Status.PUBLISHED, delivery_mode=Programme.DeliveryMode.ONLINE)

    page = client.get(programme.get_absolute_url()).content.decode()

    assert meta(page, "og:title") == "Spreadsheets for work"
    assert meta(page, "og:url").endswith(programme.get_absolute_url())


def test_the_web_app_manifest_names_the_site_and_its_icon(client):
    response = client.get("/manifest.webmanifest")

    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Digital Skills Leeds City Region" and manifest["start_url"] == "/"
    icon = manifest["icons"][0]["src"]
    assert icon.startswith(settings.STATIC_URL)
    assert "<svg" in Path(finders.find(icon.removeprefix(settings.STATIC_URL))).read_text()
    assert 'rel="manifest" href="/manifest.webmanifest"' in client.get("/").content.decode()


def test_browsers_asking_for_favicon_ico_are_sent_to_the_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("icons/icon.svg")
