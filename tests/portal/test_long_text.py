"""Descriptions and other long text have a limit, so one enormous posting cannot stall the search index for
everyone: the portals, the import and the models all say so plainly, and a huge form post is refused."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from courses import imports
from courses.models import Programme, ProgrammeImport
from publishing.rich_text import LONG_TEXT_MAX_CHARACTERS
from tests.accounts.factories import member
from tests.careers.factories import ApprenticeshipVacancyFactory, EmployerFactory, SponsoredOpportunityFactory
from tests.courses.factories import ProgrammeFactory, ProviderFactory, csv_bytes, row
from tests.portal.data import opportunity_data, programme_data, vacancy_data

pytestmark = pytest.mark.django_db

TOO_LONG = "word " * (LONG_TEXT_MAX_CHARACTERS // 5 + 100)  # a little over the limit, in plain words
LIMIT_MESSAGE = "the most we take is 20,000"


@pytest.fixture
def provider():
    return ProviderFactory(organisation__website="https://airevalley.example.org")


@pytest.fixture
def employer():
    return EmployerFactory(organisation__website="https://airebank.example.org")


def provider_url(provider, name, **kwargs):
    return reverse(f"provider_portal:{name}", kwargs={"organisation": provider.organisation.slug, **kwargs})


def employer_url(employer, name, **kwargs):
    return reverse(f"employer_portal:{name}", kwargs={"organisation": employer.organisation.slug, **kwargs})


@pytest.mark.parametrize("field", ["description", "how_to_apply"])
def test_the_programme_form_explains_the_limit(client, provider, field):
    client.force_login(member(provider))

    response = client.post(provider_url(provider, "programme_new"), programme_data(starts_any_time="on", **{field: TOO_LONG}))

    assert response.status_code == 400
    assert LIMIT_MESSAGE in response.content.decode()
    assert not Programme.objects.filter(reference="NEW-1").exists()


def test_formatting_counts_towards_the_limit_of_what_was_typed(client, provider):
    client.force_login(member(provider))
    markup = "<p><strong>a</strong></p>" * 5000  # little text, a great deal of markup

    response = client.post(provider_url(provider, "programme_new"), programme_data(description=markup))

    assert response.status_code == 400
    assert "too much formatting" in response.content.decode()


def test_a_description_at_the_limit_is_accepted(client, provider):
    client.force_login(member(provider))
    longest = ("word " * (LONG_TEXT_MAX_CHARACTERS // 5))[: LONG_TEXT_MAX_CHARACTERS - 10]

    response = client.post(provider_url(provider, "programme_new"), programme_data(description=longest))

    assert response.status_code == 302


@pytest.mark.parametrize(
    "name, data",
    [("apprenticeship_new", vacancy_data), ("opportunity_new", opportunity_data)],
)
def test_the_employer_forms_explain_the_limit(client, employer, name, data):
    client.force_login(member(employer))

    response = client.post(employer_url(employer, name), data(description=TOO_LONG))

    assert response.status_code == 400
    assert LIMIT_MESSAGE in response.content.decode()


@pytest.mark.parametrize(
    "portal, make",
    [("provider_portal", lambda: ProviderFactory()), ("employer_portal", lambda: EmployerFactory())],
)
def test_a_profile_description_has_the_limit_too(client, portal, make):
    profile = make()
    client.force_login(member(profile))
    data = {"kind": "library", "sector": "Banking", "size": "small", "disability_confident": "none"}

    response = client.post(
        reverse(f"{portal}:profile", kwargs={"organisation": profile.organisation.slug}), {**data, "description": TOO_LONG}
    )

    assert response.status_code == 400
    assert LIMIT_MESSAGE in response.content.decode()


@pytest.mark.parametrize("factory", [ProgrammeFactory, ApprenticeshipVacancyFactory, SponsoredOpportunityFactory])
def test_the_models_refuse_long_text_wherever_it_comes_from(factory):
    item = factory(description=f"<p>{TOO_LONG}</p>", how_to_apply=TOO_LONG)

    with pytest.raises(ValidationError) as refused:
        item.full_clean()

    assert set(refused.value.message_dict) >= {"description", "how_to_apply"}
    assert LIMIT_MESSAGE in refused.value.message_dict["description"][0]


def test_an_import_reports_a_long_description_on_its_row_and_imports_the_rest(provider):
    content = csv_bytes([row(reference="LONG", description=TOO_LONG), row(reference="SHORT"), row(reference="HUGE", description="x" * 200_000)])
    job = ProgrammeImport.objects.create(provider=provider, created_by=member(provider), filename="p.csv", content=content)

    job = imports.run_import(job)

    assert job.state == "finished", job.file_errors
    assert [(error["line"], error["field"]) for error in job.row_errors] == [(2, "description"), (4, "description")]
    assert LIMIT_MESSAGE in job.row_errors[0]["message"]
    assert list(Programme.objects.filter(provider=provider).values_list("reference", flat=True)) == ["SHORT"]


def test_a_huge_form_post_gets_a_clear_refusal_not_a_server_error(client, provider):
    client.force_login(member(provider))
    programme = ProgrammeFactory(provider=provider, reference="NEW-1")

    response = client.post(provider_url(provider, "programme_edit", pk=programme.pk), programme_data(description="x" * (5 * 1024 * 1024)))

    assert response.status_code in {400, 413}
    programme.refresh_from_db()
    assert "xxxx" not in programme.description


def test_an_import_file_bigger_than_a_form_post_is_still_accepted(client, provider, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(member(provider))
    rows = [row(reference=f"R{number}", how_to_apply="Book at the library desk. " * 40) for number in range(3000)]
    content = csv_bytes(rows)
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE < len(content) < settings.IMPORT_MAX_UPLOAD_SIZE

    response = client.post(
        provider_url(provider, "imports"), {"file": SimpleUploadedFile("big.csv", content), "mode": "valid_rows", "open_licence": "on"}
    )

    assert response.status_code == 302
    assert ProgrammeImport.objects.get(provider=provider).filename == "big.csv"
