"""Residents can read the site in Urdu, Polish or Romanian: every resident-facing string is marked for translation,
every shipped language translates every string, Urdu pages run right to left, and the switcher in the header
changes the language without JavaScript."""

import re
import subprocess
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from publishing.models import Status
from search.tasks import send_alerts_task
from tests.careers.page_factories import EventPageFactory
from tests.courses.factories import ProgrammeFactory
from tests.search.helpers import sync_now

ROOT = Path(settings.BASE_DIR)
# The templates a resident reads: site-wide, home, search, detail pages, events, careers pages and emails.
# pathways: marked on its own branch, added at merge.
RESIDENT_TEMPLATE_DIRS = [
    "skills_site/templates",
    "home/templates/home",
    "search/templates/search",
    "publishing/templates/publishing",
    "courses/templates/courses",
    "careers/templates/careers",
    "pathways/templates/pathways",
]
# Staff, provider and employer screens and emails are in English only, as are digital helpers' own screens (the
# plan they print for a resident is translated) and the page that must render when templates fail.
NOT_RESIDENT_FACING = (
    "/admin/",
    "/portal/",
    "publishing/email/",
    "admin_listing.html",
    "blocks/preview.html",
    "helpers/choose.html",
    "helpers/list.html",
    "helpers/person.html",
    "helpers/remove.html",
)
STATIC_ON_PURPOSE = {"skills_site/templates/500.html": "plain HTML with no template tags: it renders when templates fail"}
# Where each language's messages live: the site-wide ones, then each app's.
LOCALE_DIRS = [ROOT / "locale"] + [ROOT / app / "locale" for app in ("home", "search", "publishing", "courses", "careers", "pathways")]
SHIPPED = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

# Attributes people see or hear (screen readers): their values must be translated too.
VISIBLE_ATTRIBUTES = re.compile(r'\b(?:alt|title|aria-label|placeholder)="([^"]*)"')
SUBMIT_VALUE = re.compile(r'<input[^>]*type="submit"[^>]*value="([^"]*)"|<input[^>]*value="([^"]*)"[^>]*type="submit"')


def resident_templates() -> list[str]:
    found = []
    for directory in RESIDENT_TEMPLATE_DIRS:
        for path in sorted((ROOT / directory).rglob("*")):
            name = str(path.relative_to(ROOT))
            is_page = path.suffix == ".html" or (path.suffix == ".txt" and "/email/" in name)
            if is_page and not any(part in f"/{name}" for part in NOT_RESIDENT_FACING) and name not in STATIC_ON_PURPOSE:
                found.append(name)
    return found


def untranslated_text(source: str) -> list[str]:
    """The words a resident would see that no translation tag covers."""
    text = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", " ", source, flags=re.S)
    text = re.sub(r"{#.*?#}", " ", text, flags=re.S)
    text = re.sub(r"{%\s*blocktranslate\b.*?{%\s*endblocktranslate\s*%}", " ", text, flags=re.S)
    text = re.sub(r'<script type="application/ld\+json">.*?</script>', " ", text, flags=re.S)
    text = re.sub(r"{%.*?%}|{{.*?}}", " ", text, flags=re.S)
    left = [value for value in VISIBLE_ATTRIBUTES.findall(text)]
    left += [value for pair in SUBMIT_VALUE.findall(text) for value in pair if value]
    text = unescape(re.sub(r"<[^>]*>", " ", text))
    left += text.split("\n")
    return [" ".join(words.split()) for words in left if re.search(r"[A-Za-z]{2,}", words)]


@pytest.mark.parametrize("template", resident_templates())
def test_every_word_a_resident_reads_is_marked_for_translation(template):
    left = untranslated_text((ROOT / template).read_text())

    assert not left, f"{template} has text not marked for translation: {left}"


def test_the_check_finds_text_left_unmarked():
    source = '{% load i18n %}<h1>{% translate "Saved" %}</h1><p>Sign in</p><img alt="A map"><button aria-label="{% translate "Menu" %}">'

    assert untranslated_text(source) == ["A map", "Sign in"]


@pytest.mark.parametrize("language", SHIPPED)
@pytest.mark.parametrize("locale_dir", LOCALE_DIRS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_message_is_translated_and_compiles(language, locale_dir, tmp_path):
    po = locale_dir / language / "LC_MESSAGES" / "django.po"
    assert po.exists(), f"{po} is missing: run makemessages (README, Languages)"

    checked = subprocess.run(["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "django.mo"), str(po)], capture_output=True, text=True)

    assert checked.returncode == 0, checked.stderr
    assert "untranslated" not in checked.stderr and "fuzzy" not in checked.stderr, f"{po}: {checked.stderr}"
    assert '"X-Review-State: ' in po.read_text(), f"{po} does not say whether a native speaker has reviewed it"


@pytest.mark.django_db
def test_an_urdu_page_runs_right_to_left_in_urdu(client, compiled_messages):
    html = client.get(reverse("careers:events"), HTTP_ACCEPT_LANGUAGE="ur").content.decode()

    assert '<html lang="ur" dir="rtl"' in html
    assert "<h1 class=\"govuk-heading-xl\">تقریبات</h1>" in html
    assert "مرکزی مواد پر جائیں" in html  # Skip to main content
    assert 'lang="en-gb" class="govuk-language-navigation__link app-link-button">English</button>' in html


@pytest.mark.django_db
def test_a_polish_page_is_in_polish_and_left_to_right(client, compiled_messages):
    EventPageFactory(title="Coding club", days_away=3, cancelled=True)

    html = client.get(reverse("careers:events"), HTTP_ACCEPT_LANGUAGE="pl").content.decode()

    assert '<html lang="pl" dir="ltr"' in html
    assert "<h1 class=\"govuk-heading-xl\">Wydarzenia</h1>" in html
    assert "Odwołane" in html  # Cancelled
    assert "Znajdź kursy i pracę" in html  # the navigation


@pytest.mark.django_db
def test_english_is_the_default_and_every_language_is_offered_in_its_own_words(client):
    html = client.get(reverse("careers:events")).content.decode()

    assert '<html lang="en-gb" dir="ltr"' in html
    assert '<span class="govuk-language-navigation__text" aria-current="true" lang="en-gb">English</span>' in html
    for code, name in [("ur", "اردو"), ("pl", "Polski"), ("ro", "Română")]:
        assert f'name="language" value="{code}" lang="{code}" class="govuk-language-navigation__link app-link-button">{name}</button>' in html


@pytest.mark.django_db
def test_the_switcher_changes_the_language_and_returns_to_the_same_page(compiled_messages):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    events = reverse("careers:events")
    page = client.get(events).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    refused = client.post(reverse("set_language"), {"language": "ro", "next": events})
    chosen = client.post(reverse("set_language"), {"language": "ro", "next": events, "csrfmiddlewaretoken": token})

    assert refused.status_code == 403
    assert chosen.status_code == 302 and chosen["Location"] == events
    html = client.get(events).content.decode()
    assert '<html lang="ro" dir="ltr"' in html
    assert "<h1 class=\"govuk-heading-xl\">Evenimente</h1>" in html
    assert '<input type="hidden" name="next" value="/events/">' in html


@pytest.mark.django_db
@pytest.mark.usefixtures("search_indices")
def test_a_search_saved_in_polish_sends_its_alerts_in_polish(client, resident, compiled_messages):
    client.force_login(resident)
    client.post(reverse("set_language"), {"language": "pl", "next": "/search/"})
    saved = client.post(reverse("search:save_search"), {"query": "q=python", "name": "Python", "frequency": "daily"})
    ProgrammeFactory(title="Python for data", status=Status.PUBLISHED, published_at=timezone.now())
    sync_now()

    send_alerts_task.delay()

    assert "Wyszukiwanie zapisane. Nowe wyniki wyślemy Ci e-mailem raz dziennie." in client.get(saved["Location"]).content.decode()
    (message,) = mail.outbox
    assert message.subject == "Umiejętności cyfrowe: 1 nowy wynik dla Python"
    assert message.body.startswith("Dzień dobry,\n\nNowe dla zapisanego wyszukiwania \"Python\":")
    assert "Python for data" in message.body
    assert 'Aby przestać dostawać powiadomienia o "Python", otwórz ten link' in message.body
