"""Posters agree to the open licence of what they publish: a required tick box when they publish (or send for
review) in the portals, once for a whole file when they import; the time is recorded on each posting."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from courses import imports
from courses.models import Programme, ProgrammeImport
from publishing.models import Status
from tests.accounts.factories import member
from tests.careers.factories import EmployerFactory, SponsoredOpportunityFactory
from tests.courses.factories import ProgrammeFactory, ProviderFactory, csv_bytes, row
from tests.publishing.helpers import established

pytestmark = pytest.mark.django_db


def action_url(namespace: str, kind: str, item) -> str:
    return reverse(f"{namespace}:{kind}_action", kwargs={"organisation": item.owner_organisation.slug, "pk": item.pk})


@pytest.fixture
def programme():
    provider = ProviderFactory()
    established(ProgrammeFactory(provider=provider))
    return ProgrammeFactory(provider=provider, title="Spreadsheets for work")


def test_publishing_without_agreeing_to_the_licence_is_refused_with_a_reason(client, programme):
    client.force_login(member(programme.provider))
    detail = reverse("provider_portal:programme", kwargs={"organisation": programme.owner_organisation.slug, "pk": programme.pk})
    page = client.get(detail).content.decode()
    assert 'name="open_licence"' in page and "Open Government Licence v3.0" in page

    refused = client.post(action_url("provider_portal", "programme", programme), {"action": "publish"}, follow=True)

    programme.refresh_from_db()
    assert programme.status == Status.DRAFT
    assert programme.licence_agreed_at is None
    assert "Tick the box to agree to the open licence, then publish" in refused.content.decode()


def test_publishing_with_the_box_ticked_records_when_the_poster_agreed(client, programme):
    client.force_login(member(programme.provider))
    before = timezone.now()

    client.post(action_url("provider_portal", "programme", programme), {"action": "publish", "open_licence": "on"})

    programme.refresh_from_db()
    assert programme.status == Status.PUBLISHED
    assert before <= programme.licence_agreed_at <= timezone.now()


def test_an_employer_agrees_when_sending_an_opportunity_for_review(client):
    opportunity = SponsoredOpportunityFactory(sponsor=EmployerFactory(verified=False))
    client.force_login(member(opportunity.sponsor))

    client.post(action_url("employer_portal", "opportunity", opportunity), {"action": "publish"})
    opportunity.refresh_from_db()
    assert (opportunity.status, opportunity.licence_agreed_at) == (Status.DRAFT, None)

    client.post(action_url("employer_portal", "opportunity", opportunity), {"action": "publish", "open_licence": "on"})
    opportunity.refresh_from_db()
    assert opportunity.status == Status.PENDING_REVIEW
    assert opportunity.licence_agreed_at is not None


def test_a_copy_is_a_new_posting_that_needs_agreeing_again(client, programme):
    client.force_login(member(programme.provider))
    client.post(action_url("provider_portal", "programme", programme), {"action": "publish", "open_licence": "on"})

    client.post(action_url("provider_portal", "programme", programme), {"action": "duplicate"})

    copy = Programme.objects.exclude(pk=programme.pk).get(title="Spreadsheets for work")
    assert copy.licence_agreed_at is None


def test_an_import_is_refused_until_the_licence_is_agreed_for_the_file(client):
    provider = ProviderFactory()
    client.force_login(member(provider))
    url = reverse("provider_portal:imports", kwargs={"organisation": provider.organisation.slug})

    response = client.post(url, {"file": SimpleUploadedFile("feed.csv", csv_bytes([row()])), "mode": "valid_rows"})

    assert response.status_code == 400
    assert "Tick the box to agree to the open licence for the programmes in this file" in response.content.decode()
    assert not ProgrammeImport.objects.exists()


def test_an_agreed_import_records_the_agreement_on_each_programme_it_saves(client, django_capture_on_commit_callbacks):
    provider = ProviderFactory()
    client.force_login(member(provider))
    url = reverse("provider_portal:imports", kwargs={"organisation": provider.organisation.slug})
    upload = SimpleUploadedFile("feed.csv", csv_bytes([row(), row(reference="R2", title="Online banking")]))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"file": upload, "mode": "valid_rows", "open_licence": "on"})

    job = ProgrammeImport.objects.get()
    assert job.licence_agreed_at is not None
    assert {programme.licence_agreed_at for programme in Programme.objects.filter(provider=provider)} == {job.licence_agreed_at}


def test_a_feed_imported_without_agreement_records_none():
    provider = ProviderFactory()
    job = ProgrammeImport.objects.create(provider=provider, filename="feed.csv", content=csv_bytes([row()]))

    imports.run_import(job)

    assert Programme.objects.get(provider=provider).licence_agreed_at is None


def test_the_operator_s_feed_command_records_the_provider_s_agreement_when_told(tmp_path):
    provider = ProviderFactory()
    feed = tmp_path / "feed.csv"
    feed.write_bytes(csv_bytes([row()]))

    call_command("import_programmes", str(feed), "--provider", provider.organisation.slug, "--agree-open-licence", stdout=io.StringIO())

    assert Programme.objects.get(provider=provider).licence_agreed_at is not None
