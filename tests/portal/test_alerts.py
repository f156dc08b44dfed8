"""Residents save searches (from the search page) and items; they get daily or weekly alerts of new matches
that never repeat an item, reminders before saved items close, and one-click unsubscribe links that work
without signing in."""

import datetime
import json
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from outbox.services import emails_send
from publishing.models import EmailOptOut, Status
from search import alerts
from search.models import SavedItem, SavedSearch, SavedSearchAlertItem
from search.tasks import saved_item_reminders_task, send_alerts_task
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import reauthenticate
from tests.careers.factories import ApprenticeshipVacancyFactory, SponsoredOpportunityFactory, in_days
from tests.courses.factories import ProgrammeFactory
from tests.search.helpers import sync_now

pytestmark = pytest.mark.django_db


def published(factory=ProgrammeFactory, *, ago=datetime.timedelta(0), **kwargs):
    return factory(status=Status.PUBLISHED, published_at=timezone.now() - ago, **kwargs)


def unsubscribe_path(message) -> str:
    link = re.search(r"http://\S+/email/unsubscribe/\S+/", message.body).group(0)
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    return link.removeprefix("http://127.0.0.1:8000")


@pytest.fixture
def resident_client(client, resident):
    client.force_login(resident)
    return client


# Saving a search ------------------------------------------------------------------------------------


@pytest.mark.usefixtures("search_indices")
def test_a_resident_saves_a_search_from_the_search_page(resident_client, resident):
    published(title="Python for beginners")
    sync_now()
    page = resident_client.get("/search/", {"q": "python", "tier": "general"}).content.decode()
    assert "Save this search" in page
    query = re.search(r'name="query" value="([^"]*)"', page).group(1).replace("&amp;", "&")

    response = resident_client.post(reverse("search:save_search"), {"query": query, "name": "Python courses", "frequency": "daily"})

    saved = SavedSearch.objects.get(user=resident)
    assert (saved.name, saved.query, saved.frequency) == ("Python courses", "q=python&tier=general", "daily")
    assert response["Location"] == "/search/?q=python&tier=general"
    assert "once a day" in resident_client.get(response["Location"]).content.decode()


@pytest.mark.usefixtures("search_indices")
def test_someone_signed_out_is_asked_to_sign_in_to_save_a_search(client):
    page = client.get("/search/", {"q": "python"}).content.decode()

    assert 'action="/search/saved/searches/"' not in page
    assert "/accounts/login/?next=/search/%3Fq%3Dpython" in page
    response = client.post(reverse("search:save_search"), {"query": "q=python", "frequency": "daily"})
    assert response["Location"].startswith("/accounts/login/")
    assert not SavedSearch.objects.exists()


def test_a_saved_search_is_changed_and_deleted_only_by_its_owner(resident_client, resident):
    mine = SavedSearch.objects.create(user=resident, name="Data", query="q=data")
    theirs = SavedSearch.objects.create(user=UserFactory(), name="Theirs", query="q=cyber")

    resident_client.post(reverse("search:change_search", args=[mine.pk]), {"frequency": "daily"})
    assert resident_client.post(reverse("search:change_search", args=[theirs.pk]), {"action": "delete"}).status_code == 404
    resident_client.post(reverse("search:change_search", args=[mine.pk]), {"action": "delete"})

    assert list(SavedSearch.objects.values_list("name", flat=True)) == ["Theirs"]


# Alerts ---------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("search_indices")
def test_alerts_send_new_matches_and_never_repeat_an_item(resident):
    published(title="Old python course", ago=datetime.timedelta(days=2))
    saved = SavedSearch.objects.create(user=resident, name="Python", query="q=python", frequency="weekly")
    first = published(title="Python for data")
    published(title="Gardening club")
    sync_now()

    send_alerts_task.delay()

    (message,) = mail.outbox
    assert message.to == [resident.email]
    assert message.subject == "Digital Skills: 1 new match for Python"
    assert "Python for data" in message.body and "Old python course" not in message.body
    assert "/search/?q=python" in message.body

    a_week_later = timezone.now() + datetime.timedelta(days=7)
    second = published(title="Python for web developers")
    sync_now()
    alerts.send_due_alerts(now=a_week_later)
    alerts.send_due_alerts(now=a_week_later + datetime.timedelta(days=7))
    emails_send()  # the outbox's sender, which beat runs every minute

    assert len(mail.outbox) == 2
    assert "Python for web developers" in mail.outbox[1].body and "Python for data" not in mail.outbox[1].body
    assert set(saved.sent_items.values_list("item", flat=True)) == {f"programme-{first.pk}", f"programme-{second.pk}"}


@pytest.mark.usefixtures("search_indices")
def test_daily_searches_are_checked_daily_and_weekly_ones_weekly(resident):
    now = timezone.now()
    daily = SavedSearch.objects.create(user=resident, name="Daily", query="q=cyber", frequency="daily", last_checked_at=now - datetime.timedelta(hours=23, minutes=5))
    weekly = SavedSearch.objects.create(user=resident, name="Weekly", query="q=cyber", frequency="weekly", last_checked_at=now - datetime.timedelta(days=2))
    SavedSearch.objects.create(user=resident, name="Off", query="q=cyber", frequency="never")

    assert list(alerts.due_searches(now=now)) == [daily]
    assert set(alerts.due_searches(now=now + datetime.timedelta(days=5))) == {daily, weekly}


@pytest.mark.usefixtures("search_indices")
def test_the_alert_unsubscribe_link_works_without_signing_in(client, resident):
    saved = SavedSearch.objects.create(user=resident, name="Cyber", query="q=cyber", frequency="daily")
    published(title="Cyber security basics")
    sync_now()
    alerts.send_due_alerts()
    emails_send()
    path = unsubscribe_path(mail.outbox[0])
    # Opening the link (as a mail scanner does) only asks; the button on the page unsubscribes.
    question = client.get(path).content.decode()
    saved.refresh_from_db()
    assert "Stop emails about your saved search “Cyber”" in question and saved.frequency == "daily"

    page = client.post(path).content.decode()

    assert "You are unsubscribed" in page and "Cyber" in page
    saved.refresh_from_db()
    assert saved.frequency == "never"
    published(title="Cyber security advanced")
    sync_now()
    alerts.send_due_alerts(now=timezone.now() + datetime.timedelta(days=8))
    emails_send()
    assert len(mail.outbox) == 1

    client.post(path.replace("/unsubscribe/", "/resubscribe/"), {"frequency": "daily"})
    saved.refresh_from_db()
    assert saved.frequency == "daily"


def test_an_unsubscribe_token_for_someone_elses_search_is_refused(client, resident):
    from publishing.notifications import unsubscribe_token

    theirs = SavedSearch.objects.create(user=UserFactory(), name="Theirs", query="q=x", frequency="daily")
    token = unsubscribe_token(user=resident, topic=f"search_alert:{theirs.pk}")

    assert client.get(reverse("search:unsubscribe", args=[token])).status_code == 404
    assert client.post(reverse("search:unsubscribe", args=[token])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.frequency == "daily"


# Saved items ----------------------------------------------------------------------------------------


def test_a_resident_saves_an_item_from_its_page_and_sees_it_under_saved(resident_client, resident):
    vacancy = ApprenticeshipVacancyFactory(title="Data apprentice", status=Status.PUBLISHED)
    page = resident_client.get(vacancy.get_absolute_url()).content.decode()
    assert "Save<span class=\"govuk-visually-hidden\"> Data apprentice</span> and remind me before it closes" in page

    response = resident_client.post(reverse("search:save_item"), {"item": f"apprenticeship-{vacancy.pk}", "next": vacancy.get_absolute_url()})
    resident_client.post(reverse("search:save_item"), {"item": f"apprenticeship-{vacancy.pk}", "next": "https://evil.example/"})

    assert response["Location"] == vacancy.get_absolute_url()
    assert SavedItem.objects.get(user=resident).object_id == vacancy.pk
    saved_page = resident_client.get(reverse("search:saved")).content.decode()
    assert "Data apprentice" in saved_page and "Closes" in saved_page


def test_drafts_and_unknown_items_cannot_be_saved(resident_client):
    draft = ApprenticeshipVacancyFactory()

    for value in (f"apprenticeship-{draft.pk}", "apprenticeship-999999", "user-1", "nonsense"):
        resident_client.post(reverse("search:save_item"), {"item": value})

    assert not SavedItem.objects.exists()


def test_saving_while_signed_out_asks_to_sign_in_and_comes_back(client):
    vacancy = ApprenticeshipVacancyFactory(status=Status.PUBLISHED)

    response = client.post(reverse("search:save_item"), {"item": f"apprenticeship-{vacancy.pk}", "next": vacancy.get_absolute_url()})

    assert response["Location"] == f"/accounts/login/?next={vacancy.get_absolute_url()}"


def test_a_reminder_goes_once_a_few_days_before_a_saved_item_closes(client, resident):
    soon = ApprenticeshipVacancyFactory(title="Closing soon apprenticeship", status=Status.PUBLISHED, closing_date=in_days(2))
    later = SponsoredOpportunityFactory(status=Status.PUBLISHED, closing_date=in_days(20))
    course = ProgrammeFactory(status=Status.PUBLISHED)
    for kind, item in (("apprenticeship", soon), ("sponsored", later), ("programme", course)):
        SavedItem.objects.create(user=resident, kind=kind, object_id=item.pk)

    saved_item_reminders_task.delay()
    saved_item_reminders_task.delay()

    (message,) = mail.outbox
    assert message.to == [resident.email]
    assert message.subject == "Digital Skills: Closing soon apprenticeship closes soon"
    assert soon.get_absolute_url() in message.body and later.title not in message.body

    client.get(unsubscribe_path(message))
    assert not EmailOptOut.objects.exists()
    # The mail provider's one-click POST (RFC 8058), without a CSRF token.
    Client(enforce_csrf_checks=True).post(unsubscribe_path(message), {"List-Unsubscribe": "One-Click"})
    assert EmailOptOut.objects.filter(user=resident, topic="saved_item_reminders").exists()
    later.closing_date = in_days(1)
    later.save()
    alerts.send_saved_item_reminders()
    emails_send()
    assert len(mail.outbox) == 1


def test_saved_things_are_in_the_data_download_and_go_with_the_account(resident_client, resident):
    vacancy = ApprenticeshipVacancyFactory(title="Data apprentice", status=Status.PUBLISHED)
    SavedItem.objects.create(user=resident, kind="apprenticeship", object_id=vacancy.pk)
    saved = SavedSearch.objects.create(user=resident, name="Data jobs", query="q=data", frequency="daily")
    SavedSearchAlertItem.objects.create(saved_search=saved, item=f"apprenticeship-{vacancy.pk}")
    EmailOptOut.objects.create(user=resident, topic="saved_item_reminders")

    reauthenticate(resident_client)
    data = json.loads(resident_client.get(reverse("accounts:my_data_download")).content)

    assert data["saved_searches"] == [
        {"name": "Data jobs", "search": "/search/?q=data", "email_alerts": "daily", "saved_at": saved.created_at.isoformat(), "items_sent_in_alerts": 1}
    ]
    assert data["saved_items"][0]["title"] == "Data apprentice"
    assert data["emails_you_stopped"][0]["topic"] == "saved_item_reminders"

    resident_client.post(reverse("accounts:delete"), {"confirm": "on"})
    assert not SavedSearch.objects.exists() and not SavedItem.objects.exists() and not SavedSearchAlertItem.objects.exists()
    assert not EmailOptOut.objects.exists()
