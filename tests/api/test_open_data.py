"""The open-data API, as a developer reusing the authority's data would use it."""

import csv
import datetime
import io
import json

import pytest
import yaml
from django.core.cache import cache
from django.utils import timezone

from careers.models import SponsoredOpportunity
from courses.models import Programme
from publishing.models import Status, StatusChange
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.careers.factories import (
    ApprenticeshipVacancyFactory,
    EmployerFactory,
    SponsorCampaignFactory,
    SponsoredOpportunityFactory,
    in_days,
)
from tests.courses.factories import ProgrammeFactory, ProviderFactory, VenueFactory, skill_area, tier

pytestmark = pytest.mark.django_db

API = "/api/v1/"
ENDPOINTS = ["programmes", "apprenticeships", "opportunities", "providers", "employers"]
OPPORTUNITY_ENDPOINTS = ["programmes", "apprenticeships", "opportunities"]
FACTORIES = {
    "programmes": ProgrammeFactory,
    "apprenticeships": ApprenticeshipVacancyFactory,
    "opportunities": SponsoredOpportunityFactory,
}


@pytest.fixture(autouse=True)
def fresh_throttle():
    """The throttle counts requests in the cache; each test starts with none counted."""
    cache.clear()


def get(client, path, **params):
    return client.get(API + path, params)


def results(client, path, **params) -> list[dict]:
    response = get(client, path, **params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def csv_rows(response) -> list[dict]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def reference_to(organisation) -> dict:
    return {
        "name": organisation.name,
        "slug": organisation.slug,
        "url": f"http://testserver{organisation.get_absolute_url()}",
    }


def published(factory, **fields):
    return factory(status=Status.PUBLISHED, **fields)


def one_of_each():
    """A published, open item of each kind from verified organisations; returns {endpoint: slug}."""
    return {
        "programmes": published(ProgrammeFactory).slug,
        "apprenticeships": published(ApprenticeshipVacancyFactory).slug,
        "opportunities": published(SponsoredOpportunityFactory).slug,
        "providers": ProviderFactory().slug,
        "employers": EmployerFactory().slug,
    }


# What may be shown


def test_each_endpoint_lists_what_residents_can_see_with_its_public_page(client):
    slugs = one_of_each()

    for endpoint, slug in slugs.items():
        [item] = [item for item in results(client, f"{endpoint}/") if item["slug"] == slug]
        detail = get(client, f"{endpoint}/{slug}/")
        assert detail.status_code == 200
        assert detail.json() == item
        assert item["url"].startswith("http://testserver/")
        assert client.get(item["url"]).status_code == 200


HIDDEN = {
    "draft programme": ("programmes", lambda: ProgrammeFactory(status=Status.DRAFT)),
    "pending programme": ("programmes", lambda: ProgrammeFactory(status=Status.PENDING_REVIEW)),
    "withdrawn programme": ("programmes", lambda: ProgrammeFactory(status=Status.WITHDRAWN)),
    "archived programme": ("programmes", lambda: ProgrammeFactory(status=Status.ARCHIVED)),
    "programme of an unverified provider": (
        "programmes",
        lambda: published(ProgrammeFactory, provider=ProviderFactory(verified=False)),
    ),
    "draft apprenticeship": ("apprenticeships", lambda: ApprenticeshipVacancyFactory(status=Status.DRAFT)),
    "pending apprenticeship": ("apprenticeships", lambda: ApprenticeshipVacancyFactory(status=Status.PENDING_REVIEW)),
    "withdrawn apprenticeship": ("apprenticeships", lambda: ApprenticeshipVacancyFactory(status=Status.WITHDRAWN)),
    "archived apprenticeship": ("apprenticeships", lambda: ApprenticeshipVacancyFactory(status=Status.ARCHIVED)),
    "expired apprenticeship": (
        "apprenticeships",
        lambda: published(ApprenticeshipVacancyFactory, closing_date=in_days(-1)),
    ),
    "apprenticeship of an unverified employer": (
        "apprenticeships",
        lambda: published(ApprenticeshipVacancyFactory, employer=EmployerFactory(verified=False)),
    ),
    "draft opportunity": ("opportunities", lambda: SponsoredOpportunityFactory(status=Status.DRAFT)),
    "pending opportunity": ("opportunities", lambda: SponsoredOpportunityFactory(status=Status.PENDING_REVIEW)),
    "withdrawn opportunity": ("opportunities", lambda: SponsoredOpportunityFactory(status=Status.WITHDRAWN)),
    "archived opportunity": ("opportunities", lambda: SponsoredOpportunityFactory(status=Status.ARCHIVED)),
    "expired opportunity": ("opportunities", lambda: published(SponsoredOpportunityFactory, closing_date=in_days(-1))),
    "opportunity of an unverified sponsor": (
        "opportunities",
        lambda: published(SponsoredOpportunityFactory, sponsor=EmployerFactory(verified=False)),
    ),
    "unverified provider": ("providers", lambda: ProviderFactory(verified=False)),
    "unverified employer": ("employers", lambda: EmployerFactory(verified=False)),
}


@pytest.mark.parametrize("case", HIDDEN, ids=list(HIDDEN))
def test_what_is_not_public_never_appears(client, case):
    endpoint, make = HIDDEN[case]
    hidden = make()
    title = getattr(hidden, "title", None) or hidden.name

    listing = get(client, f"{endpoint}/")
    as_csv = get(client, f"{endpoint}/", format="csv")
    detail = get(client, f"{endpoint}/{hidden.slug}/")

    assert listing.json()["count"] == 0
    assert hidden.slug not in listing.content.decode()
    assert title not in as_csv.content.decode()
    assert detail.status_code == 404
    assert get(client, f"{endpoint}/{hidden.slug}/", format="csv").status_code == 404


def test_an_opportunity_closing_today_is_still_listed(client):
    vacancy = published(ApprenticeshipVacancyFactory, closing_date=timezone.localdate())
    opportunity = published(SponsoredOpportunityFactory, closing_date=timezone.localdate())

    assert [item["slug"] for item in results(client, "apprenticeships/")] == [vacancy.slug]
    assert [item["slug"] for item in results(client, "opportunities/")] == [opportunity.slug]


def test_a_training_provider_that_is_not_verified_is_not_named(client):
    published(ApprenticeshipVacancyFactory, training_provider=ProviderFactory(verified=False).organisation)
    verified = ProviderFactory()
    published(ApprenticeshipVacancyFactory, training_provider=verified.organisation)

    providers = [item["training_provider"] for item in results(client, "apprenticeships/")]

    assert None in providers
    assert reference_to(verified) in providers


def test_a_remote_opportunity_has_no_location(client):
    published(SponsoredOpportunityFactory, is_remote=True)

    [item] = results(client, "opportunities/")

    assert item["is_remote"] is True
    assert item["location"] is None


# Personal data

SECRETS = [
    "zebedee.private@members.example",
    "Zebedee",
    "Quartermaine",
    "verifier.private@moderators.example",
    "MODERATOR-NOTE-7731",
]
NOT_PUBLIC = ("status", "status_reason", "created_at", "created_by", "verified_by", "verified_at", "members", "email")


def test_no_personal_data_in_any_response(client):
    verifier = UserFactory(email="verifier.private@moderators.example", first_name="Zebedee", last_name="Quartermaine")
    member = UserFactory(email="zebedee.private@members.example", first_name="Zebedee", last_name="Quartermaine")
    provider = ProviderFactory(organisation__verified_by=verifier)
    employer = EmployerFactory(organisation__verified_by=verifier)
    for organisation in (provider.organisation, employer.organisation):
        MembershipFactory(organisation=organisation, user=member, decided_by=verifier)
    programme = published(ProgrammeFactory, provider=provider, status_reason="MODERATOR-NOTE-7731")
    programme.venues.add(VenueFactory(provider=provider))
    vacancy = published(
        ApprenticeshipVacancyFactory, employer=employer, training_provider=provider.organisation, status_reason="MODERATOR-NOTE-7731"
    )
    opportunity = published(SponsoredOpportunityFactory, sponsor=employer, status_reason="MODERATOR-NOTE-7731")
    for item in (programme, vacancy, opportunity):
        StatusChange.objects.create(
            item=item,
            from_status=Status.PENDING_REVIEW,
            to_status=Status.PUBLISHED,
            by=verifier,
            reason="MODERATOR-NOTE-7731",
        )
    slugs = {
        "programmes": programme.slug,
        "apprenticeships": vacancy.slug,
        "opportunities": opportunity.slug,
        "providers": provider.slug,
        "employers": employer.slug,
    }

    for endpoint, slug in slugs.items():
        for path in (f"{endpoint}/", f"{endpoint}/{slug}/"):
            for fmt in ("json", "csv"):
                response = get(client, path, format=fmt)
                assert response.status_code == 200
                body = response.content.decode()
                assert slug in body
                for secret in SECRETS:
                    assert secret not in body, f"{secret} in {path} as {fmt}"
                if fmt == "csv":
                    assert not set(NOT_PUBLIC) & set(body.splitlines()[0].split(","))
                else:
                    assert not [field for field in NOT_PUBLIC if f'"{field}":' in body]


# Fields


def test_a_programme_carries_what_a_reuser_needs(client):
    provider = ProviderFactory()
    campaign = SponsorCampaignFactory(name="Festival pledge", slug="festival-pledge")
    venue = VenueFactory(provider=provider, name="Central Library", postcode="LS1 3AB")
    programme = published(
        ProgrammeFactory,
        provider=provider,
        title="Spreadsheets for work",
        tier=tier("general"),
        skill_areas=[skill_area("EDS-H"), skill_area("ADV-DATA")],
        delivery_mode=Programme.DeliveryMode.IN_PERSON,
        cost=Programme.Cost.PAID,
        cost_amount=120,
        enquiry_email="courses@college.example.org",
        sponsor_campaign=campaign,
        runs=[(in_days(10), in_days(40)), (in_days(-30), in_days(-1))],
    )
    programme.venues.add(venue)

    [item] = results(client, "programmes/")

    assert item["title"] == "Spreadsheets for work"
    assert item["url"] == f"http://testserver{programme.get_absolute_url()}"
    assert item["tier"] == "general"
    assert sorted(item["skill_areas"]) == ["ADV-DATA", "EDS-H"]
    assert item["level"] == "1"
    assert item["delivery_mode"] == "in_person"
    assert (item["cost"], item["cost_amount"]) == ("paid", "120.00")
    assert item["enquiry_email"] == "courses@college.example.org"
    assert item["provider"] == reference_to(provider)
    assert item["sponsor_campaign"] == {"name": "Festival pledge", "slug": "festival-pledge", "code": campaign.code}
    # Only runs still to start, as on the programme's page.
    assert item["runs"] == [
        {"starts_on": in_days(10).isoformat(), "ends_on": in_days(40).isoformat(), "note": "", "venue_name": None}
    ]
    [place] = item["venues"]
    assert place["name"] == "Central Library"
    assert place["postcode"] == "LS1 3AB"
    assert place["local_authority"] == {"code": "E08000035", "name": "Leeds"}
    assert place["latitude"] == pytest.approx(53.797, abs=0.01)
    assert item["description"] == "<p>Bring your own laptop or borrow one of ours.</p>"
    assert datetime.datetime.fromisoformat(item["updated_at"]) == programme.updated_at


def test_an_apprenticeship_carries_its_standard_wage_and_place(client):
    vacancy = published(ApprenticeshipVacancyFactory)

    [item] = results(client, "apprenticeships/")

    assert item["standard"]["reference"] == "ST0116"
    assert set(item["standard"]) == {"reference", "title", "level", "is_degree"}
    assert item["level"] == str(vacancy.standard.level)
    assert item["weekly_wage"] == "320.00"
    assert item["closing_date"] == vacancy.closing_date.isoformat()
    assert item["employer"]["slug"] == vacancy.employer.slug
    assert item["location"]["local_authority"] == {"code": "E08000035", "name": "Leeds"}
    assert item["skill_areas"] == ["ADV-SOFTWARE"]


def test_an_opportunity_names_its_sponsor_and_campaign(client):
    campaign = SponsorCampaignFactory()
    opportunity = published(SponsoredOpportunityFactory, sponsor_campaign=campaign)

    [item] = results(client, "opportunities/")

    assert item["sponsor"]["name"] == opportunity.sponsor.name
    assert item["sponsor_campaign"] == {"name": campaign.name, "slug": campaign.slug, "code": campaign.code}
    assert item["kind"] == SponsoredOpportunity.Kind.BOOTCAMP_PLACE
    assert item["location"]["town"] == "Bradford"
    assert item["location"]["local_authority"]["code"] == "E08000032"


def test_providers_and_employers_have_a_slug_and_public_page(client):
    provider = ProviderFactory()
    VenueFactory(provider=provider)
    employer = EmployerFactory()

    [provider_item] = results(client, "providers/")
    [employer_item] = results(client, "employers/")

    assert provider_item["slug"] == provider.slug
    assert provider_item["url"] == f"http://testserver/providers/{provider.slug}/"
    assert provider_item["venues"][0]["town"] == "Leeds"
    assert employer_item["slug"] == employer.slug
    assert employer_item["url"] == f"http://testserver/employers/{employer.slug}/"


def test_register_identifiers_let_a_reuser_match_our_records_with_theirs(client):
    provider = ProviderFactory(ukprn="10001234")
    employer = EmployerFactory(companies_house_number="SC123456")
    programme = published(ProgrammeFactory, provider=provider, lars_code="60312345")
    vacancy = published(ApprenticeshipVacancyFactory, employer=employer)

    assert get(client, f"providers/{provider.slug}/").json()["ukprn"] == "10001234"
    assert get(client, f"employers/{employer.slug}/").json()["companies_house_number"] == "SC123456"
    assert get(client, f"programmes/{programme.slug}/").json()["lars_code"] == "60312345"
    assert get(client, f"apprenticeships/{vacancy.slug}/").json()["standard"]["reference"] == vacancy.standard.reference
    assert csv_rows(get(client, "providers/", format="csv"))[0]["ukprn"] == "10001234"


# Filters


@pytest.mark.parametrize("endpoint", OPPORTUNITY_ENDPOINTS)
def test_filter_by_tier(client, endpoint):
    factory = FACTORIES[endpoint]
    general = published(factory, tier=tier("general"))
    published(factory, tier=tier("advanced"))

    assert [item["slug"] for item in results(client, f"{endpoint}/", tier="general")] == [general.slug]


def test_filter_by_skill_area(client):
    data = published(ProgrammeFactory, skill_areas=[skill_area("ADV-DATA"), skill_area("EDS-H")])
    published(ProgrammeFactory, skill_areas=[skill_area("EDS-C")])
    vacancy = published(ApprenticeshipVacancyFactory)

    assert [item["slug"] for item in results(client, "programmes/", skill_area="ADV-DATA")] == [data.slug]
    assert [item["slug"] for item in results(client, "apprenticeships/", skill_area="ADV-SOFTWARE")] == [vacancy.slug]
    assert results(client, "apprenticeships/", skill_area="ADV-DATA") == []


def test_filter_programmes_by_any_venue_in_a_local_authority(client):
    provider = ProviderFactory()
    leeds, also_leeds = VenueFactory(provider=provider), VenueFactory(provider=provider, name="Hub", postcode="LS1 4AP")
    bradford = VenueFactory(provider=provider, name="Bradford centre", town="Bradford", postcode="BD1 1AA")
    both = published(ProgrammeFactory, provider=provider, delivery_mode=Programme.DeliveryMode.IN_PERSON)
    both.venues.add(leeds, also_leeds, bradford)
    only_bradford = published(ProgrammeFactory, provider=provider, delivery_mode=Programme.DeliveryMode.IN_PERSON)
    only_bradford.venues.add(bradford)
    published(ProgrammeFactory, provider=provider)  # online, no venue

    in_leeds = get(client, "programmes/", local_authority="E08000035").json()
    in_bradford = results(client, "programmes/", local_authority="E08000032")

    assert in_leeds["count"] == 1
    assert [item["slug"] for item in in_leeds["results"]] == [both.slug]
    assert sorted(item["slug"] for item in in_bradford) == sorted([both.slug, only_bradford.slug])


def test_filter_apprenticeships_and_opportunities_by_local_authority(client):
    leeds = published(ApprenticeshipVacancyFactory, postcode="LS1 4AP")
    published(ApprenticeshipVacancyFactory, postcode="BD1 1AA")
    bradford = published(SponsoredOpportunityFactory, postcode="BD1 1AA")

    assert [item["slug"] for item in results(client, "apprenticeships/", local_authority="E08000035")] == [leeds.slug]
    assert [item["slug"] for item in results(client, "opportunities/", local_authority="E08000032")] == [bradford.slug]
    assert results(client, "opportunities/", local_authority="E08000035") == []


def test_filter_by_updated_since_a_date_or_a_moment(client):
    old = published(ProgrammeFactory)
    recent = published(ProgrammeFactory)
    Programme.objects.filter(pk=old.pk).update(updated_at=timezone.now() - datetime.timedelta(days=10))
    # Verified long ago too: a programme whose organisation was verified since counts as new (see below).
    type(old.provider.organisation).objects.filter(pk=old.provider.organisation_id).update(
        verified_at=timezone.now() - datetime.timedelta(days=10)
    )
    moment = timezone.now() - datetime.timedelta(hours=1)
    two_days_ago = timezone.localdate() - datetime.timedelta(days=2)

    since_date = results(client, "programmes/", updated_since=two_days_ago.isoformat())
    since_moment = results(client, "programmes/", updated_since=moment.isoformat())
    since_long_ago = results(client, "programmes/", updated_since="2000-01-01T00:00:00Z")

    assert [item["slug"] for item in since_date] == [recent.slug]
    assert [item["slug"] for item in since_moment] == [recent.slug]
    assert len(since_long_ago) == 2


def test_an_unencoded_plus_in_an_offset_is_understood(client):
    published(ProgrammeFactory)

    # A client that forgets to encode "+" sends a space.
    response = client.get(API + "programmes/?updated_since=2000-01-01T09:30:00+01:00")

    assert response.status_code == 200
    assert response.json()["count"] == 1


@pytest.mark.parametrize(
    "param, value, message",
    [
        ("tier", "expert", "Unknown tier: use one of inclusion, general, advanced."),
        ("skill_area", "cooking", "Unknown skill area: use one of"),
        ("local_authority", "E08000003", "Unknown local authority code: use one of"),
        ("local_authority", "leeds", "Unknown local authority code"),
        ("updated_since", "yesterday", "Enter an ISO 8601 date or date and time"),
        ("updated_since", "2025-02-30", "Enter an ISO 8601 date or date and time"),
    ],
)
@pytest.mark.parametrize("endpoint", OPPORTUNITY_ENDPOINTS)
def test_a_bad_filter_value_is_a_400_that_says_what_is_wrong(client, endpoint, param, value, message):
    response = get(client, f"{endpoint}/", **{param: value})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    [problem] = response.json()[param]
    assert problem.startswith(message)


def test_a_bad_filter_value_with_csv_asked_for_still_explains_in_json(client):
    response = get(client, "programmes/", tier="expert", format="csv")

    assert response.status_code == 400
    assert response.json() == {"tier": ["Unknown tier: use one of inclusion, general, advanced."]}


# Pagination


def test_pages_have_a_count_and_links(client):
    EmployerFactory.create_batch(5)

    first = get(client, "employers/", page_size=2).json()
    last = get(client, "employers/", page_size=2, page=3).json()

    assert set(first) == {"count", "next", "previous", "results"}
    assert first["count"] == 5
    assert len(first["results"]) == 2
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/employers/?page=2&page_size=2"
    assert len(last["results"]) == 1 and last["next"] is None
    seen = [item["slug"] for page in (1, 2, 3) for item in results(client, "employers/", page_size=2, page=page)]
    assert len(set(seen)) == 5


def test_twenty_a_page_by_default_and_never_more_than_a_hundred(client):
    EmployerFactory.create_batch(105)

    assert len(results(client, "employers/")) == 20
    assert len(results(client, "employers/", page_size=1000)) == 100
    assert len(results(client, "employers/", page_size=100, page=2)) == 5


@pytest.mark.parametrize(
    "params, status, field",
    [
        ({"page": "999"}, 404, "detail"),
        ({"page": "abc"}, 400, "page"),
        ({"page": "0"}, 400, "page"),
        ({"page": "-1"}, 400, "page"),
        ({"page": "1.5"}, 400, "page"),
        ({"page_size": "abc"}, 400, "page_size"),
        ({"page_size": "0"}, 400, "page_size"),
        ({"page_size": "-5"}, 400, "page_size"),
    ],
)
def test_a_bad_page_is_a_clear_error(client, params, status, field):
    EmployerFactory()

    response = get(client, "employers/", **params)

    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()[field]


def test_an_empty_list_is_a_page_not_an_error(client):
    assert get(client, "programmes/").json() == {"count": 0, "next": None, "previous": None, "results": []}


# CSV


def flatten(item: dict, prefix: str = "", in_list: bool = False) -> dict[str, str]:
    """The flattening docs/api.md promises, written out for the test: objects as name_field, lists joined
    with "; ", lists of objects joined field by field; true/false; null as an empty cell (a null object has
    no cells here: its columns are checked to be empty)."""
    cells = {}
    for name, value in item.items():
        if value is None:
            if in_list:
                cells[prefix + name] = ""
            continue
        if isinstance(value, dict):
            cells.update(flatten(value, f"{prefix}{name}_"))
        elif value and isinstance(value, list) and isinstance(value[0], dict):
            parts = [flatten(element, f"{prefix}{name}_", in_list=True) for element in value]
            for column in {column for part in parts for column in part}:
                cells[column] = "; ".join(part.get(column, "") for part in parts)
        elif isinstance(value, list):
            cells[prefix + name] = "; ".join(value)
        elif isinstance(value, bool):
            cells[prefix + name] = "true" if value else "false"
        else:
            cells[prefix + name] = str(value)
    return cells


def rich_data():
    provider = ProviderFactory()
    venues = [
        VenueFactory(provider=provider),
        VenueFactory(provider=provider, name="Bradford hub", town="Bradford", postcode="BD1 1AA"),
    ]
    for n in range(3):
        programme = published(
            ProgrammeFactory,
            provider=provider,
            delivery_mode=Programme.DeliveryMode.BLENDED,
            skill_areas=[skill_area("EDS-H"), skill_area("EDS-C")],
            runs=[(in_days(7 + n), in_days(20)), (in_days(30), None)],
            sponsor_campaign=SponsorCampaignFactory() if n else None,
            title=f'Course {n}, with "quotes"; and commas',
        )
        programme.venues.add(*venues)
    published(ApprenticeshipVacancyFactory, training_provider=provider.organisation)
    published(ApprenticeshipVacancyFactory, sponsor_campaign=SponsorCampaignFactory())
    published(SponsoredOpportunityFactory, is_remote=True)
    published(SponsoredOpportunityFactory)
    EmployerFactory()
    VenueFactory(provider=ProviderFactory(website=""))


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_csv_has_the_same_items_and_values_as_json(client, endpoint):
    rich_data()

    as_json = get(client, f"{endpoint}/", page_size=2).json()["results"]
    rows = csv_rows(get(client, f"{endpoint}/", page_size=2, format="csv"))

    assert len(rows) == len(as_json) == 2
    for item, row in zip(as_json, rows, strict=True):
        for column, value in flatten(item).items():
            assert row[column] == value, column
        # Columns missing from the JSON flattening are those of null objects or empty lists, and are empty.
        assert all(value == "" for column, value in row.items() if column not in flatten(item))


def test_a_csv_of_a_programme_flattens_runs_and_venues(client):
    rich_data()

    row = csv_rows(get(client, "programmes/", format="csv"))[0]

    assert row["provider_name"]
    assert row["skill_areas"] == "EDS-C; EDS-H" or row["skill_areas"] == "EDS-H; EDS-C"
    assert row["runs_starts_on"] == f"{in_days(7).isoformat()}; {in_days(30).isoformat()}"
    assert row["runs_ends_on"] == f"{in_days(20).isoformat()}; "
    assert row["venues_local_authority_code"] in {"E08000035; E08000032", "E08000032; E08000035"}
    assert row["sponsor_campaign_name"] == ""


def test_csv_by_accept_header_and_an_empty_page_still_has_its_header(client):
    response = client.get(API + "opportunities/", HTTP_ACCEPT="text/csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header = response.content.decode().splitlines()[0].split(",")
    assert header[:3] == ["url", "slug", "title"]
    assert "sponsor_name" in header and "location_local_authority_code" in header


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_defused_in_csv(client):
    published(ProgrammeFactory, title='=HYPERLINK("http://evil.example","Click")')

    row = csv_rows(get(client, "programmes/", format="csv"))[0]

    assert row["title"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert results(client, "programmes/")[0]["title"] == '=HYPERLINK("http://evil.example","Click")'


# Schema, access, robustness


def test_the_schema_describes_every_endpoint_and_the_licence(client):
    as_json = client.get(API + "schema/", {"format": "json"})
    as_yaml = client.get(API + "schema/")

    assert as_json.status_code == as_yaml.status_code == 200
    schema = json.loads(as_json.content)
    assert schema["openapi"].startswith("3.")
    assert yaml.safe_load(as_yaml.content)["paths"] == schema["paths"]
    for endpoint in ENDPOINTS:
        assert f"/api/v1/{endpoint}/" in schema["paths"]
        assert f"/api/v1/{endpoint}/{{slug}}/" in schema["paths"]
    assert all(path.startswith("/api/v1/") for path in schema["paths"])
    description = schema["info"]["description"]
    assert "Open Government Licence v3.0" in description
    assert "Contains OS data © Crown copyright and database right" in description
    assert "Contains Royal Mail data © Royal Mail copyright and database right" in description
    assert "Source: Office for National Statistics" in description
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/programmes/"]["get"]["parameters"]}
    assert {"tier", "skill_area", "local_authority", "updated_since", "page", "page_size"} <= set(parameters)
    assert parameters["tier"]["description"]
    fields = schema["components"]["schemas"]["Programme"]["properties"]
    assert all(field.get("description") for field in fields.values())


def test_the_api_is_read_only(client):
    slug = one_of_each()["programmes"]

    assert client.post(API + "programmes/", {}).status_code == 405
    assert client.delete(API + f"programmes/{slug}/").status_code == 405
    assert client.put(API + f"programmes/{slug}/", {}, content_type="application/json").status_code == 405


def test_anyone_may_read_it_from_another_site(client):
    assert get(client, "programmes/")["Access-Control-Allow-Origin"] == "*"


def test_anonymous_use_is_throttled(client, settings):
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "open_data": "3/minute"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}

    statuses = [get(client, "employers/").status_code for _ in range(4)]
    refused = get(client, "employers/", format="csv")

    assert statuses == [200, 200, 200, 429]
    assert refused.status_code == 429
    assert "throttled" in refused.json()["detail"].lower()


HOSTILE = [
    {"tier": "<script>alert(1)</script>"},
    {"skill_area": "' OR 1=1 --"},
    {"local_authority": "E08000035' OR '1'='1"},
    {"tier": "\x00"},
    {"skill_area": "A" * 10_000},
    {"updated_since": "9" * 5_000},
    {"updated_since": "9999-12-31T23:59:59-12:00"},
    {"updated_since": "0001-01-01T00:00:00+14:00"},
    {"updated_since": "2025-01-01T25:00:00"},
    {"page": "-1"},
    {"page": "9" * 5_000},
    {"page": "1e3"},
    {"page_size": "9" * 5_000},
    {"page_size": "\x00"},
    {"format": "xml"},
    {"format": "<script>"},
    {"page": "last", "page_size": "1"},
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("params", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_query_strings_never_break_the_api(client, endpoint, params):
    ProviderFactory()

    response = get(client, f"{endpoint}/", **params)

    assert response.status_code < 500
    assert response.status_code in {200, 400, 404}
    if response.status_code != 200:
        assert response.json()
    assert "<script>" not in response.content.decode()


@pytest.mark.parametrize("slug", ["%00", "..%2F..%2Fetc", "a" * 5000, "%3Cscript%3E"])
def test_hostile_slugs_are_not_found(client, slug):
    response = client.get(f"{API}programmes/{slug}/")

    assert response.status_code == 404


# Efficiency


@pytest.mark.parametrize(
    "endpoint, limit",
    [("programmes", 5), ("apprenticeships", 3), ("opportunities", 3), ("providers", 3), ("employers", 2)],
)
def test_a_full_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries, endpoint, limit):
    provider = ProviderFactory()
    venues = [VenueFactory(provider=provider), VenueFactory(provider=provider, postcode="BD1 1AA")]
    campaign = SponsorCampaignFactory()
    for _ in range(20):
        programme = published(
            ProgrammeFactory,
            provider=ProviderFactory(),
            sponsor_campaign=campaign,
            skill_areas=[skill_area("EDS-H"), skill_area("ADV-DATA")],
            runs=[(in_days(5), in_days(9)), (in_days(20), None)],
        )
        programme.venues.add(*venues)
        VenueFactory(provider=programme.provider)
        published(ApprenticeshipVacancyFactory, training_provider=provider.organisation, sponsor_campaign=campaign)
        published(SponsoredOpportunityFactory, sponsor_campaign=campaign)

    for fmt in ("json", "csv"):
        with django_assert_max_num_queries(limit):
            response = get(client, f"{endpoint}/", format=fmt)
        assert response.status_code == 200
    assert len(results(client, f"{endpoint}/")) == 20
