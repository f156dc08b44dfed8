"""The Open Referral UK API (/api/oruk/), as a council's or the NHS's directory would read it: every answer in
the profile's shapes, only public help to get online, and errors a developer can act on."""

import datetime
import uuid

import jsonschema
import pytest
from django.core.cache import cache
from django.utils import timezone

from courses.models import Programme
from opendata.oruk.ids import record_id, record_keys
from opendata.oruk.mapping import language_names
from publishing.models import Status
from tests.courses.factories import ProgrammeFactory, ProviderFactory, VenueFactory, help_to_get_online

from . import oruk_schemas as schemas

pytestmark = pytest.mark.django_db

API = "/api/oruk/"


@pytest.fixture(autouse=True)
def fresh_throttle():
    """The throttle counts requests in the cache; each test starts with none counted."""
    cache.clear()


def valid(instance, schema) -> dict:
    jsonschema.validate(instance, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return instance


def answer(client, path, schema, **params) -> dict:
    response = client.get(API + path, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return valid(response.json(), schema)


def drop_in_help(title="Get online at the library", **fields) -> Programme:
    """Public inclusion support at a library with step-free access, help in other languages and a phone line."""
    fields = {
        "postcode": "LS1 3AB",
        "kind": Programme.Kind.INCLUSION_SUPPORT,
        "drop_in": True,
        "starts_any_time": True,
        "other_languages": "Urdu, Polish and British Sign Language",
        "enquiry_phone": "0113 378 5005",
        "enquiry_email": "digital.help@library.example.org",
        **fields,
    }
    status = fields.pop("status", Status.PUBLISHED)
    programme = help_to_get_online(title, **fields)
    Programme.objects.filter(pk=programme.pk).update(status=status)
    return programme


def test_the_api_says_which_version_and_profile_it_follows(client):
    info = answer(client, "", schemas.API_INFO)
    assert info["version"] == "3.0"
    assert "openreferraluk" in info["profile"]


def test_a_service_is_fully_nested_in_the_profiles_shapes(client):
    programme = drop_in_help(step_free_access=True, description="<p>Bring your phone &amp; we will help.</p>")
    venue = programme.venues.get()

    service = answer(client, f"services/{record_id('service', programme.pk)}", schemas.SERVICE)

    assert service["name"] == "Get online at the library"
    assert "Bring your phone & we will help." in service["description"]
    assert service["status"] == "active"
    assert service["url"].endswith(programme.get_absolute_url())
    assert service["organization"]["name"] == programme.provider.name
    assert service["organization_id"] == service["organization"]["id"]
    [at_library] = service["service_at_locations"]
    location = at_library["location"]
    assert location["name"] == venue.name
    assert location["addresses"][0]["postal_code"] == "LS1 3AB"
    assert location["latitude"] == pytest.approx(venue.latitude)
    assert [item["description"] for item in location["accessibility"]] == ["Step-free access"]
    assert [(language["name"], language.get("code")) for language in service["languages"]] == [
        ("English", "en"), ("Urdu", "ur"), ("Polish", "pl"), ("British Sign Language", "bfi"),
    ]  # fmt: skip
    assert service["contacts"][0]["phones"][0]["number"] == "0113 378 5005"
    assert service["contacts"][0]["email"] == "digital.help@library.example.org"
    assert service["cost_options"][0]["option"] == "Free"
    assert any("no need to book" in schedule["description"] for schedule in service["schedules"])


def test_each_run_is_a_schedule_with_its_dates(client):
    starts = timezone.localdate() + datetime.timedelta(days=10)
    programme = drop_in_help(starts_any_time=False, drop_in=False, runs=[(starts, starts + datetime.timedelta(weeks=4))])

    service = answer(client, f"services/{record_id('service', programme.pk)}", schemas.SERVICE)

    [run] = service["schedules"]
    assert (run["valid_from"], run["valid_to"]) == (starts.isoformat(), (starts + datetime.timedelta(weeks=4)).isoformat())
    assert run["attending_type"] == "in person"


def test_a_paid_service_gives_its_price_in_pounds(client):
    programme = drop_in_help(cost=Programme.Cost.PAID)

    service = answer(client, f"services/{record_id('service', programme.pk)}", schemas.SERVICE)

    assert service["cost_options"][0]["amount"] == 40
    assert service["cost_options"][0]["currency"] == "GBP"
    assert service["fees"] == "£40.00"


def test_a_service_online_only_has_no_locations(client):
    programme = help_to_get_online("Email for beginners, online", kind=Programme.Kind.INCLUSION_SUPPORT)

    service = answer(client, f"services/{record_id('service', programme.pk)}", schemas.SERVICE)

    assert service["service_at_locations"] == []
    assert service["languages"] == [{"id": record_id("language", programme.pk, 0), "service_id": service["id"], "name": "English", "code": "en"}]


def test_only_public_help_to_get_online_is_listed(client):
    shown = drop_in_help("Shown: help at the library")
    drop_in_help("Draft help", status=Status.DRAFT)
    drop_in_help("Withdrawn help", status=Status.WITHDRAWN)
    drop_in_help("Help from an unverified provider", provider=ProviderFactory(verified=False))
    ProgrammeFactory(title="A course, not inclusion support", status=Status.PUBLISHED)

    page = answer(client, "services", schemas.page_of(schemas.SERVICE_SUMMARY))

    assert [service["name"] for service in page["contents"]] == ["Shown: help at the library"]
    assert page["contents"][0]["id"] == record_id("service", shown.pk)


@pytest.mark.parametrize("status", [Status.DRAFT, Status.WITHDRAWN])
def test_a_service_not_public_is_not_found_by_its_id(client, status):
    programme = drop_in_help(status=status)

    response = client.get(f"{API}services/{record_id('service', programme.pk)}")

    assert response.status_code == 404
    assert response.json() == {"detail": "There is no service with this id, or it is no longer offered."}


@pytest.mark.parametrize("id", [str(uuid.uuid4()), "not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_an_unknown_service_id_is_a_404_in_json(client, id):
    response = client.get(f"{API}services/{id}")

    assert response.status_code == 404
    assert "no service with this id" in response.json()["detail"]


def test_a_course_is_not_a_service_even_by_its_id(client):
    course = ProgrammeFactory(status=Status.PUBLISHED)

    assert client.get(f"{API}services/{record_id('service', course.pk)}").status_code == 404


def test_pages_count_the_services_and_say_where_they_are(client):
    for number in range(5):
        drop_in_help(f"Help session {number}")

    first = answer(client, "services", schemas.page_of(schemas.SERVICE_SUMMARY), per_page=2)
    last = answer(client, "services", schemas.page_of(schemas.SERVICE_SUMMARY), per_page=2, page=3)

    meta = {key: value for key, value in first.items() if key != "contents"}
    assert meta == {"total_items": 5, "total_pages": 3, "page_number": 1, "size": 2, "first_page": True, "last_page": False, "empty": False}
    assert (last["page_number"], last["size"], last["first_page"], last["last_page"]) == (3, 1, False, True)
    every_name = [service["name"] for service in first["contents"]] + [service["name"] for service in last["contents"]]
    assert len(set(every_name)) == 3


def test_no_services_is_an_empty_first_page(client):
    page = answer(client, "services", schemas.page_of(schemas.SERVICE_SUMMARY))

    assert {key: page[key] for key in ("total_items", "total_pages", "size", "empty", "contents")} == {
        "total_items": 0, "total_pages": 1, "size": 0, "empty": True, "contents": [],
    }  # fmt: skip


@pytest.mark.parametrize("params", [{"page": "0"}, {"page": "two"}, {"per_page": "-5"}, {"per_page": "1.5"}, {"modified_after": "yesterday"}])
def test_a_malformed_parameter_is_a_400_naming_it(client, params):
    response = client.get(API + "services", params)

    assert response.status_code == 400
    assert list(response.json()) == list(params)


def test_a_page_past_the_last_is_a_404_saying_which_is_last(client):
    drop_in_help()

    response = client.get(API + "services", {"page": "7"})

    assert response.status_code == 404
    assert response.json() == {"detail": "There is no page 7: the last page is 1."}


def test_per_page_is_capped(client):
    drop_in_help()

    assert answer(client, "services", schemas.page_of(schemas.SERVICE_SUMMARY), per_page=5000)["total_items"] == 1


def test_search_finds_services_by_their_words(client):
    drop_in_help("Tablet basics drop-in")
    drop_in_help("Staying safe online")

    page = answer(client, "services", schemas.page_of(schemas.SERVICE_SUMMARY), search="tablet")

    assert [service["name"] for service in page["contents"]] == ["Tablet basics drop-in"]


def test_modified_after_lists_only_services_changed_since(client):
    old = drop_in_help("Changed long ago")
    Programme.objects.filter(pk=old.pk).update(updated_at=timezone.now() - datetime.timedelta(days=30))
    drop_in_help("Changed today")
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()

    page = answer(client, "services", schemas.page_of(schemas.SERVICE_SUMMARY), modified_after=since)

    assert [service["name"] for service in page["contents"]] == ["Changed today"]


def test_services_are_found_by_a_taxonomy_term(client):
    safety = drop_in_help("Staying safe online", areas=("EDS-S",))
    drop_in_help("Email basics", areas=("EDS-C",))
    term = record_id("taxonomy_term", safety.skill_areas.get().pk)

    page = answer(client, "services", schemas.page_of(schemas.SERVICE_SUMMARY), taxonomy_term_id=term)

    assert [service["name"] for service in page["contents"]] == ["Staying safe online"]


def test_each_service_at_each_venue_is_listed_and_found_by_its_id(client):
    programme = drop_in_help()
    second = VenueFactory(provider=programme.provider, name="Community hub", postcode="LS6 3HG", step_free_access=True)
    programme.venues.add(second)
    help_to_get_online("Online only", kind=Programme.Kind.INCLUSION_SUPPORT)

    page = answer(client, "service_at_locations", schemas.page_of(schemas.SERVICE_AT_LOCATION_SUMMARY))
    full = answer(client, f"service_at_locations/{record_id('service_at_location', programme.pk, second.pk)}", schemas.SERVICE_AT_LOCATION_FULL)

    assert sorted(item["location"]["name"] for item in page["contents"]) == ["Central Library", "Community hub"]
    assert full["location"]["name"] == "Community hub"
    assert full["service"]["name"] == programme.title


def test_a_service_at_a_venue_it_left_is_not_found(client):
    programme = drop_in_help()
    elsewhere = VenueFactory(provider=programme.provider)

    response = client.get(f"{API}service_at_locations/{record_id('service_at_location', programme.pk, elsewhere.pk)}")

    assert response.status_code == 404


def test_taxonomies_and_their_terms(client):
    taxonomies = answer(client, "taxonomies", schemas.page_of(schemas.TAXONOMY))
    terms = answer(client, "taxonomy_terms", schemas.page_of(schemas.TAXONOMY_TERM), per_page=100)
    first_term = terms["contents"][0]

    assert "UK Essential Digital Skills" in [taxonomy["name"] for taxonomy in taxonomies["contents"]]
    assert {term["taxonomy_id"] for term in terms["contents"]} <= {taxonomy["id"] for taxonomy in taxonomies["contents"]}
    assert answer(client, f"taxonomy_terms/{first_term['id']}", schemas.TAXONOMY_TERM) == first_term
    assert answer(client, f"taxonomies/{first_term['taxonomy_id']}", schemas.TAXONOMY)["id"] == first_term["taxonomy_id"]


def test_any_other_address_is_a_404_in_json(client):
    response = client.get(API + "organizations/whatever/more")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_ids_never_change_and_read_back_to_their_records():
    assert record_id("service", 42) == record_id("service", 42)
    assert record_id("service", 42) != record_id("location", 42)
    assert uuid.UUID(record_id("service", 42)).version == 8
    assert record_keys("service", record_id("service", 42)) == (42,)
    assert record_keys("service_at_location", record_id("service_at_location", 7, 9), pair=True) == (7, 9)
    assert record_keys("service", record_id("location", 42)) is None


def test_language_names_are_read_from_what_providers_write():
    assert language_names("urdu/Polish; BSL & Arabic") == ["English", "Urdu", "Polish", "BSL", "Arabic"]
    assert language_names("English and Welsh") == ["English", "Welsh"]
    assert language_names("") == ["English"]


def test_readers_are_throttled_like_the_rest_of_the_open_data(client, settings):
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "open_data": "2/minute"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}

    statuses = [client.get(API + "services").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def test_the_open_data_catalogue_points_directories_to_the_oruk_api(client, datasets_root):
    page = client.get("/data/").content.decode()

    assert 'href="/api/oruk/"' in page
    assert "Open Referral UK" in page


def test_searching_for_odd_characters_finds_nothing_rather_than_failing(client):
    drop_in_help()

    page = answer(client, "services", schemas.page_of(schemas.SERVICE_SUMMARY), search="\x00%_'\"")

    assert page["empty"] is True


@pytest.mark.parametrize("path", ["services", "service_at_locations"])
def test_a_page_costs_the_same_few_queries_however_many_services_it_holds(client, path, django_assert_max_num_queries):
    drop_in_help("The first")
    with django_assert_max_num_queries(12) as few:
        client.get(API + path)
    for number in range(6):
        drop_in_help(f"Help session {number}")

    with django_assert_max_num_queries(len(few.captured_queries)):
        assert answer(client, path, schemas.page_of({"type": "object"}))["total_items"] == 7


def test_a_full_service_costs_a_few_queries(client, django_assert_max_num_queries):
    programme = drop_in_help()

    with django_assert_max_num_queries(8):
        answer(client, f"services/{record_id('service', programme.pk)}", schemas.SERVICE)
