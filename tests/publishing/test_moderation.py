"""Moderators work through the queue in the Wagtail admin: items from unverified organisations and first
postings of newly verified ones. They approve, or reject with a reason the organisation is emailed (by
Celery), and can take down any published item. Every decision is recorded."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse

from publishing import services
from publishing.models import EmailOptOut, Status, StatusChange
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import sign_in_with_totp
from tests.careers.factories import ApprenticeshipVacancyFactory, SponsoredOpportunityFactory
from tests.courses.factories import ProgrammeFactory, ProviderFactory
from tests.publishing.helpers import decide, member_of

pytestmark = pytest.mark.django_db



@pytest.fixture
def waiting():
    """A first posting of a newly verified provider, and a vacancy of an unverified employer, both submitted."""
    programme = ProgrammeFactory(title="Intro to Python", provider__organisation__name="Aire Valley College")
    vacancy = ApprenticeshipVacancyFactory(title="Junior developer apprentice", employer__verified=False)
    for item in (programme, vacancy):
        services.item_publish(item=item, by=member_of(item))
    return programme, vacancy


def test_the_queue_shows_each_waiting_posting_with_why_and_its_checks(moderator_client, waiting):
    page = moderator_client.get(reverse("publishing_posting_queue")).content.decode()

    assert "Intro to Python" in page and "Junior developer apprentice" in page
    assert "checks an organisation&#x27;s first posting" in page
    assert "not verified yet" in page
    assert "Completeness:" in page


def test_only_moderators_see_the_queue(client, waiting):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))  # in the admin, but not a moderator
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)
    sign_in_with_totp(client, editor, secret)

    refused = client.get(reverse("publishing_posting_queue"))
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's "permission denied"
    programme = waiting[0]
    decide(client, programme, "approve")
    programme.refresh_from_db()
    assert programme.status == Status.PENDING_REVIEW


def test_approving_publishes_records_who_and_emails_the_organisation(moderator_client, moderator, waiting, django_capture_on_commit_callbacks):
    programme, _ = waiting
    colleague = member_of(programme)

    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator_client, programme, "approve")

    programme.refresh_from_db()
    assert programme.status == Status.PUBLISHED
    decision = StatusChange.objects.filter(object_id=programme.pk).first()
    assert (decision.from_status, decision.to_status, decision.by) == (Status.PENDING_REVIEW, Status.PUBLISHED, moderator)
    assert decision.at is not None
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert colleague.email in recipients and len(recipients) == 2  # both members
    assert mail.outbox[0].subject == "Digital Skills: Intro to Python is now live"
    assert programme.get_absolute_url() in mail.outbox[0].body


def test_after_the_first_approval_the_organisation_publishes_directly(moderator, waiting):
    programme, _ = waiting
    services.item_approve(item=programme, by=moderator)
    second = ProgrammeFactory(provider=programme.provider)

    services.item_publish(item=second, by=member_of(second))

    second.refresh_from_db()
    assert second.status == Status.PUBLISHED


def test_rejecting_needs_a_reason_which_is_emailed_and_shown_to_the_poster(moderator_client, waiting, django_capture_on_commit_callbacks):
    programme, _ = waiting

    without = decide(moderator_client, programme, "reject", reason="   ")
    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator_client, programme, "reject", reason="Say which exam board the course follows.")

    assert "Give a reason" in without.content.decode()
    programme.refresh_from_db()
    assert (programme.status, programme.status_reason) == (Status.DRAFT, "Say which exam board the course follows.")
    message = mail.outbox[-1]
    assert message.subject == "Digital Skills: Changes needed before Intro to Python can go live"
    assert "What to change: Say which exam board the course follows." in message.body
    assert f"/portal/provider/{programme.provider.slug}/programmes/{programme.pk}/" in message.body
    assert StatusChange.objects.filter(object_id=programme.pk, to_status=Status.DRAFT).get().reason == programme.status_reason


def test_moderators_take_down_any_published_item_with_a_reason(moderator_client, moderator, django_capture_on_commit_callbacks):
    opportunity = SponsoredOpportunityFactory(title="Too good to be true", status=Status.PUBLISHED)
    member_of(opportunity)
    listed = moderator_client.get(reverse("publishing_published_postings"), {"q": "too good"}).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator_client, opportunity, "take-down", reason="The pay described is misleading.")

    assert "Too good to be true" in listed
    opportunity.refresh_from_db()
    assert (opportunity.status, opportunity.status_reason) == (Status.WITHDRAWN, "The pay described is misleading.")
    assert mail.outbox[-1].subject == "Digital Skills: We have taken down Too good to be true"
    log = moderator_client.get(reverse("publishing_status_changes")).content.decode()
    assert "The pay described is misleading." in log and moderator.email in log


def test_an_item_of_an_unverified_organisation_goes_live_once_it_is_verified(moderator, waiting):
    _, vacancy = waiting
    services.item_approve(item=vacancy, by=moderator)

    assert vacancy.status == Status.PUBLISHED
    from publishing.selectors import can_view

    assert not can_view(item=vacancy, user=UserFactory())
    from accounts.services import organisation_verify

    organisation_verify(organisation=vacancy.employer.organisation, by=moderator)
    vacancy.refresh_from_db()
    assert can_view(item=vacancy, user=UserFactory())


def test_members_who_unsubscribed_get_no_decision_emails_and_the_link_works_without_signing_in(client, moderator, waiting, django_capture_on_commit_callbacks):
    programme, _ = waiting
    for person in programme.provider.organisation.memberships.all():
        EmailOptOut.objects.create(user=person.user, topic="posting_decisions")
    keen = member_of(programme)

    with django_capture_on_commit_callbacks(execute=True):
        services.item_approve(item=programme, by=moderator)

    assert [message.to for message in mail.outbox] == [[keen.email]]
    message = mail.outbox[0]
    link = re.search(r"http://\S+/email/unsubscribe/\S+/", message.body).group(0)
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    path = link.replace("http://127.0.0.1:8000", "")
    # Opening the link (as a mail scanner does) only asks; the button on the page unsubscribes.
    question = client.get(path)

    assert question.status_code == 200 and "Stop emails about moderators" in question.content.decode()
    assert not EmailOptOut.objects.filter(user=keen, topic="posting_decisions").exists()

    page = client.post(path)

    assert page.status_code == 200 and "You are unsubscribed" in page.content.decode()
    assert EmailOptOut.objects.filter(user=keen, topic="posting_decisions").exists()


def test_one_click_unsubscribe_by_post_and_subscribing_again(waiting):
    from publishing.notifications import unsubscribe_token

    person = member_of(waiting[0])
    token = unsubscribe_token(user=person, topic="closing_reminders")
    # A mail provider's one-click POST (RFC 8058) carries no CSRF token: the signed token is the proof.
    mail_provider = Client(enforce_csrf_checks=True)

    response = mail_provider.post(f"/portal/provider/email/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert EmailOptOut.objects.filter(user=person, topic="closing_reminders").exists()
    client = Client()
    client.post(f"/portal/provider/email/resubscribe/{token}/")
    assert not EmailOptOut.objects.filter(user=person).exists()


def test_a_forged_or_altered_unsubscribe_token_is_refused(client, waiting):
    from publishing.notifications import unsubscribe_token

    person = member_of(waiting[0])
    token = unsubscribe_token(user=person, topic="closing_reminders")

    assert client.get(f"/portal/provider/email/unsubscribe/{token[:-2]}xx/").status_code == 404
    assert client.post(f"/portal/provider/email/unsubscribe/{token[:-2]}xx/").status_code == 404
    assert client.post("/portal/employer/email/unsubscribe/not-a-token/").status_code == 404
    assert not EmailOptOut.objects.exists()
