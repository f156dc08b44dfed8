"""Programme imports name a sponsor campaign by its code, say how many places a programme offers and whether it
welcomes career changers; a code that is unknown, or of a campaign not running, is an error on its line and column."""

import pytest
from django.urls import reverse

from courses.models import Programme
from tests.accounts.factories import member
from tests.careers.factories import ended_campaign, running_campaign
from tests.courses.factories import ProgrammeFactory, ProviderFactory, csv_bytes, row
from tests.courses.test_imports import errors_of, run

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider():
    return ProviderFactory(organisation__name="Aire Valley College", organisation__website="https://college.example.org")


@pytest.fixture
def running():
    return running_campaign()


@pytest.fixture
def ended():
    return ended_campaign()


def messages_of(job) -> dict[tuple[int, str], str]:
    return {(error["line"], error["field"]): error["message"] for error in job.row_errors}


def test_a_row_joins_the_campaign_its_code_names_with_its_places_and_welcome(provider, running):
    content = csv_bytes(
        [
            row(reference="R1", sponsor_campaign="DIGITAL26", places="16", welcomes_career_changers="yes"),
            row(reference="R2", sponsor_campaign="digital26 "),  # as typed in a hurry
            row(reference="R3", sponsor_campaign="", places=""),
        ]
    )

    job = run(provider, content)

    assert job.created_count == 3, job.row_errors
    programmes = {programme.reference: programme for programme in provider.programmes.all()}
    assert (programmes["R1"].sponsor_campaign, programmes["R1"].places, programmes["R1"].welcomes_career_changers) == (running, 16, True)
    assert programmes["R2"].sponsor_campaign == running
    assert (programmes["R3"].sponsor_campaign, programmes["R3"].places, programmes["R3"].welcomes_career_changers) == (None, 1, False)


def test_an_unknown_or_ended_campaign_code_is_an_error_on_its_line_and_column(provider, running, ended):
    content = csv_bytes(
        [
            row(reference="OK-1", sponsor_campaign="DIGITAL26"),
            row(reference="UNKNOWN", sponsor_campaign="NOSUCHCODE"),
            row(reference="ENDED", sponsor_campaign="SPRING20"),
            row(reference="PLACES", places="none"),
        ]
    )

    job = run(provider, content)

    assert (job.created_count, job.failed_count) == (1, 3)
    assert errors_of(job) == [(3, "sponsor_campaign"), (4, "sponsor_campaign"), (5, "places")]
    messages = messages_of(job)
    assert messages[(3, "sponsor_campaign")] == (
        '"NOSUCHCODE" is not the code of a sponsor campaign we know: ask its organisers for the code, like LCRDIGITAL26.'
    )
    assert messages[(4, "sponsor_campaign")] == "The Spring skills pledge campaign ended on 31 May 2020: choose a campaign that is running now, or none."
    assert messages[(5, "places")] == '"none" is not a number of places: write a whole number, like 12.'
    assert set(provider.programmes.values_list("reference", flat=True)) == {"OK-1"}


def test_re_importing_a_programme_keeps_the_campaign_it_joined_before_the_campaign_ended(provider, ended):
    ProgrammeFactory(provider=provider, reference="R1", sponsor_campaign=ended)

    job = run(provider, csv_bytes([row(reference="R1", title="New title", sponsor_campaign="SPRING20")]))

    assert job.updated_count == 1, job.row_errors
    programme = Programme.objects.get(reference="R1")
    assert (programme.title, programme.sponsor_campaign) == ("New title", ended)


def test_the_provider_reads_the_campaign_error_by_line_and_column_in_the_portal(client, provider, ended):
    job = run(provider, csv_bytes([row(reference="ENDED", sponsor_campaign="SPRING20")]))
    client.force_login(member(provider))

    page = client.get(reverse("provider_portal:import", kwargs={"organisation": provider.organisation.slug, "pk": job.pk})).content.decode()

    assert '<td class="govuk-table__cell">2</td><td class="govuk-table__cell">sponsor_campaign</td>' in page
    assert "The Spring skills pledge campaign ended on 31 May 2020" in page
