"""Editors translate campaign pages into the residents' languages; a resident who chose Polish (or Urdu, or
Romanian) reads a page's translation at the page's own address, and the English page wherever there is none."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale

from careers.selectors import upcoming_events
from home.models import HomePage
from tests.accounts.factories import UserFactory
from tests.careers.helpers import sign_in_with_totp
from tests.careers.page_factories import CareerProfilePageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


POLISH_SUMMARY = "Znajdź historię w liczbach i pomóż firmom podejmować lepsze decyzje."


def translate(page, language: str, *, publish: bool = True, **fields):
    """What an editor's "Translate" gives: a copy in the other locale (its parents copied too), then edited."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    translation.title = f"{page.title} ({language})"
    for name, value in (fields or {"summary": POLISH_SUMMARY}).items():
        setattr(translation, name, value)
    revision = translation.save_revision()
    if publish:
        revision.publish()
    translation.refresh_from_db()
    return translation


def read_in(client, url: str, language: str | None) -> str:
    headers = {"HTTP_ACCEPT_LANGUAGE": language} if language else {}
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_the_residents_languages_are_locales_and_existing_pages_stay_english():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"en-gb", "ur", "pl", "ro"}
    assert HomePage.objects.get().locale.language_code == "en-gb"  # before anyone translates it
    assert Locale.get_default().language_code == "en-gb"


def test_a_polish_speaking_resident_reads_the_polish_translation_at_the_same_address(client):
    profile = CareerProfilePageFactory(title="Data analyst")
    translate(profile, "pl")

    polish = read_in(client, profile.url, "pl")
    english = read_in(client, profile.url, "en-GB")

    assert "Znajdź historię w liczbach" in polish
    assert '<main class="govuk-main-wrapper" id="main-content" lang="pl">' in polish
    assert "Znajdź historię" not in english
    assert 'lang="en-gb">' in english


def test_a_resident_who_chose_polish_with_the_switcher_reads_it_too(client):
    profile = CareerProfilePageFactory(title="Data analyst")
    translate(profile, "pl")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pl"  # what the switcher (Django's set_language) leaves

    assert POLISH_SUMMARY in read_in(client, profile.url, None)


def test_a_page_without_a_translation_is_shown_in_english_saying_so(client):
    translated = CareerProfilePageFactory(title="Data analyst")
    translate(translated, "pl")
    untranslated = CareerProfilePageFactory(title="Software developer")

    html = read_in(client, untranslated.url, "pl")

    assert "Software developer" in html
    assert '<main class="govuk-main-wrapper" id="main-content" lang="en-gb">' in html


def test_a_language_with_no_translations_at_all_falls_back_to_english(client):
    profile = CareerProfilePageFactory(title="Data analyst")

    html = read_in(client, profile.url, "ur")

    assert "Data analyst" in html
    assert 'lang="en-gb">' in html
    assert read_in(client, "/", "ur").count('lang="en-gb">') == 1


def test_a_draft_translation_is_not_shown(client):
    profile = CareerProfilePageFactory(title="Data analyst")
    translate(profile, "pl", publish=False)

    html = read_in(client, profile.url, "pl")

    assert "Znajdź historię" not in html
    assert 'lang="en-gb">' in html


def test_the_translated_home_page_is_served_at_the_root_and_links_keep_working(client):
    translate(HomePage.objects.get(), "pl", introduction="<p>Darmowa pomoc z komputerem w twojej okolicy.</p>")
    profile = CareerProfilePageFactory(title="Data analyst")
    polish_profile = translate(profile, "pl")

    home = read_in(client, "/", "pl")

    assert "Darmowa pomoc z komputerem" in home
    assert 'lang="pl">' in home
    # A link to the Polish copy is the English page's address, and it opens the translation.
    assert polish_profile.url == profile.url
    assert "Znajdź historię" in read_in(client, polish_profile.url, "pl")


def test_the_sitemap_lists_each_address_once(client):
    profile = CareerProfilePageFactory(title="Data analyst")
    translate(profile, "pl")

    sitemap = client.get("/sitemap-pages.xml", HTTP_ACCEPT_LANGUAGE="pl").content.decode()

    assert sitemap.count(profile.url) == 1


def test_an_editor_makes_a_translation_to_edit_in_the_admin(client):
    editor = UserFactory(is_staff=True, is_superuser=True)
    sign_in_with_totp(client, editor)
    profile = CareerProfilePageFactory(title="Data analyst")
    home = HomePage.objects.get(locale=Locale.get_default())
    polish = Locale.objects.get(language_code="pl")

    client.post(reverse("simple_translation:submit_page_translation", args=[home.pk]), {"locales": [polish.pk], "include_subtree": "on"})

    translation = profile.get_translation(polish)
    assert translation.title == "Data analyst"
    assert not translation.live  # a copy to edit: residents see English until it is published
    assert '<main class="govuk-main-wrapper" id="main-content" lang="en-gb">' in read_in(client, profile.url, "pl")  # the draft is not served


def test_wagtail_editors_may_translate_pages():
    editors = Group.objects.get(name="Editors")

    assert editors.permissions.filter(codename="submit_translation", content_type__app_label="simple_translation").exists()


def test_a_translated_event_is_listed_once_and_opens_in_the_residents_language(client):
    event = EventPageFactory(title="Digital careers evening")
    translate(event, "pl", summary="Poznaj lokalnych pracodawców.")

    assert upcoming_events() == [event]
    assert "Poznaj lokalnych pracodawców." in read_in(client, event.url, "pl")
