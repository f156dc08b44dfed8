"""Finding help to get started: a laptop to borrow, free data, help in another language, step-free access, or
somewhere to drop in without booking. Providers say what they offer; residents filter by it on the search
page, in the API and from the home page, and see it on each result."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from courses import imports
from courses.models import Programme, ProgrammeImport
from publishing.models import Status
from search.params import parse
from search.views import query_string
from tests.helpers import closed_port_url
from tests.courses.factories import ProgrammeFactory, ProviderFactory, VenueFactory, tier
from tests.accounts.factories import member
from tests.publishing.helpers import established
from tests.search.helpers import sync_now

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("search_indices", "clear_limits")]

EXAMPLES = Path(settings.BASE_DIR) / "courses" / "static" / "courses" / "import"


def help_at(title, *, postcode=None, step_free=False, **offers):
    programme = ProgrammeFactory(
        title=title, status=Status.PUBLISHED, tier=tier("inclusion"), kind=Programme.Kind.INCLUSION_SUPPORT, starts_any_time=True, **offers
    )
    if postcode:
        programme.delivery_mode = Programme.DeliveryMode.IN_PERSON
        programme.save()
        programme.venues.add(VenueFactory(provider=programme.provider, postcode=postcode, step_free_access=step_free))
    return programme


@pytest.fixture
def places_to_get_help(db):
    help_at("Keighley Library laptop drop-in", postcode="BD21 3SX", step_free=True, free_device_loan=True, drop_in=True)
    help_at("Bradford tablet lending", postcode="BD1 1NN", free_device_loan=True)
    help_at("Chapeltown help in Urdu", postcode="LS7 3AA", other_languages="Urdu, Punjabi")
    # Online, so there is nowhere to step into, whatever the provider ticked.
    help_at("Online safety sessions", step_free_access=True)
    sync_now()


def titles(body) -> set[str]:
    return {hit["title"] for hit in body["results"]}


def test_ticking_two_needs_finds_only_places_that_offer_both_and_says_so_on_the_result(client, places_to_get_help):
    page = client.get("/search/", {"help": ["device_loan", "drop_in"]}).content.decode()

    assert "1 result" in page
    assert "Keighley Library laptop drop-in" in page and "Bradford tablet lending" not in page
    for tag in ("Borrow a laptop or tablet", "Drop in, no need to book", "Step-free access"):
        assert f'<strong class="govuk-tag govuk-tag--yellow">{tag}</strong>' in page
    assert "Help to get started" in page
    assert 'name="help" type="checkbox" value="drop_in" checked' in page


def test_the_counts_say_how_many_would_be_left_if_one_more_need_were_ticked(client, places_to_get_help):
    everything = client.get("/api/v1/search/").json()["facets"]["help"]
    laptops = client.get("/api/v1/search/", {"help": "device_loan"}).json()

    assert {item["value"]: item["count"] for item in everything} == {"device_loan": 2, "drop_in": 1, "other_languages": 1, "step_free": 1}
    assert titles(laptops) == {"Keighley Library laptop drop-in", "Bradford tablet lending"}
    assert {item["value"]: item["count"] for item in laptops["facets"]["help"]} == {"device_loan": 2, "drop_in": 1, "step_free": 1}


def test_the_api_lists_the_help_each_result_offers_and_the_languages_in_the_providers_words(client, places_to_get_help):
    body = client.get("/api/v1/search/", {"help": "other_languages"}).json()

    assert [(hit["title"], hit["help_to_start"], hit["other_languages"]) for hit in body["results"]] == [
        ("Chapeltown help in Urdu", ["other_languages"], "Urdu, Punjabi")
    ]
    assert "Help in Urdu, Punjabi" in client.get("/search/", {"help": "other_languages"}).content.decode()
    assert client.get("/api/v1/search/", {"help": "a_pony"}).status_code == 400


def test_online_help_is_never_called_step_free(client, places_to_get_help):
    assert titles(client.get("/api/v1/search/", {"help": "step_free"}).json()) == {"Keighley Library laptop drop-in"}


def test_the_basic_search_keeps_the_filter_when_the_engine_is_down(client, places_to_get_help, settings):
    settings.SEARCH_URL = closed_port_url("http")

    body = client.get("/api/v1/search/", {"help": ["device_loan", "drop_in"]}).json()

    assert body["mode"] == "basic"
    assert titles(body) == {"Keighley Library laptop drop-in"}


def test_links_from_a_search_keep_the_help_chosen(db):
    params, _ = parse({"q": "laptop", "help": ["device_loan", "drop_in"]})

    assert query_string(params, page=2) == "q=laptop&help=device_loan&help=drop_in&page=2"


def test_get_help_near_you_from_the_home_page_works_without_javascript(client, places_to_get_help):
    home = client.get("/").content.decode()
    assert "Get help near you" in home
    assert '<input type="hidden" name="kind" value="programme">' in home
    assert '<input type="hidden" name="tier" value="inclusion">' in home
    assert 'id="help-near" name="near"' in home
    assert 'name="help" type="checkbox" value="drop_in"' in home

    # What the browser sends when the form is submitted with a postcode and one need ticked.
    page = client.get("/search/", {"kind": "programme", "tier": "inclusion", "near": "BD21", "help": "drop_in"}).content.decode()

    assert "1 result within 10 miles of BD21" in page
    assert "Keighley Library laptop drop-in" in page
    assert "Help to get started" in page


def test_a_provider_says_people_can_drop_in_and_residents_find_it(client, db):
    provider = ProviderFactory(kind="library")
    established(ProgrammeFactory(provider=provider))
    client.force_login(member(provider))
    form = client.get(reverse("provider_portal:programme_new", kwargs={"organisation": provider.organisation.slug})).content.decode()
    assert "People can drop in without booking" in form

    job = ProgrammeImport.objects.create(provider=provider, filename="programmes.csv", content=(EXAMPLES / "programmes-example.csv").read_bytes())
    imports.run_import(job)
    sync_now()

    drop_in = Programme.objects.get(provider=provider, reference="DROP-IN-01")
    assert drop_in.drop_in and drop_in.status == Status.PUBLISHED
    assert not Programme.objects.get(provider=provider, reference="WEB-ONLINE-1").drop_in
    assert titles(client.get("/api/v1/search/", {"help": "drop_in"}).json()) == {drop_in.title}

