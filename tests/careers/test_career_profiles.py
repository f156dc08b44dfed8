"""A career profile shows what is open for that career now (found by the search, nearest first when a resident
gives a postcode, wider when nothing is near), names where its salary figures come from, and describes itself to
search engines as a schema.org Occupation."""

import pytest
from django.core.exceptions import ValidationError

from careers.models import ApprenticeshipStandard, CareerProfileSkill, CareerProfileStandard
from courses.models import Programme
from publishing.models import Status
from tests.careers.helpers import read
from tests.careers.page_factories import CareerProfilePageFactory
from tests.courses.factories import ProgrammeFactory, VenueFactory, skill_area, tier
from tests.helpers import closed_port_url
from tests.search.helpers import sync_now
from tests.structured_data import json_ld_of, problems_in

pytestmark = pytest.mark.django_db


def data_analyst(**fields):
    profile = CareerProfilePageFactory(title="Data analyst", **fields)
    profile.skills.add(CareerProfileSkill(tier=tier("advanced"), skill_area=skill_area("ADV-DATA"), use="finding patterns"))
    profile.save_revision().publish()
    return profile


def data_course(title, *, postcode=None):
    course = ProgrammeFactory(title=title, status=Status.PUBLISHED, tier=tier("advanced"), skill_areas=[skill_area("ADV-DATA")])
    if postcode:
        course.delivery_mode = Programme.DeliveryMode.IN_PERSON
        course.save()
        course.venues.set([VenueFactory(provider=course.provider, postcode=postcode)])
    return course


# What is open now ---------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("search_indices")
def test_a_profile_shows_a_few_open_opportunities_in_its_skill_areas(client):
    for number in range(5):
        data_course(f"Data course {number}")
    ProgrammeFactory(title="Knitting for beginners", status=Status.PUBLISHED)  # another skill area
    sync_now()

    html = read(client, data_analyst())

    assert html.count("Data course") == 3  # a few, not all five
    assert "Knitting for beginners" not in html
    assert 'href="/search/?skill=ADV-DATA&amp;sort=newest">See more like these</a>' in html
    assert "so we have shown" not in html


@pytest.mark.usefixtures("search_indices")
def test_with_a_postcode_the_nearest_come_first(client):
    data_course("Leeds data course", postcode="LS1 1AA")
    data_course("York data course", postcode="YO1 1AA")
    sync_now()
    profile = data_analyst()

    html = client.get(profile.url, {"near": "LS1"}).content.decode()

    assert "Leeds data course" in html
    assert "York data course" not in html  # beyond the usual 10 miles
    assert "so we have shown" not in html


@pytest.mark.usefixtures("search_indices")
def test_when_nothing_is_near_it_widens_and_says_so(client):
    data_course("York data course", postcode="YO1 1AA")
    data_course("Online data course")
    sync_now()
    profile = data_analyst()

    html = client.get(profile.url, {"near": "HX1"}).content.decode()

    assert "There is nothing open within 10 miles of HX1 right now, so we have shown what is open across Leeds City Region and online instead." in html
    assert "York data course" in html and "Online data course" in html


@pytest.mark.usefixtures("search_indices")
def test_a_postcode_we_cannot_place_is_explained_and_the_page_still_shows_what_is_open(client):
    data_course("Online data course")
    sync_now()
    profile = data_analyst()

    html = client.get(profile.url, {"near": "ZZ99"}).content.decode()

    assert "We do not have ZZ99 on our map" in html
    assert "Online data course" in html


@pytest.mark.usefixtures("search_indices")
def test_with_nothing_open_the_profile_says_so(client):
    html = read(client, data_analyst())

    assert "Nothing for this career is open right now." in html


@pytest.mark.usefixtures("search_indices")
def test_while_the_search_engine_is_down_the_profile_still_shows_what_is_open(client, settings):
    data_course("Leeds data course", postcode="LS1 1AA")
    sync_now()
    profile = data_analyst()
    settings.SEARCH_URL = closed_port_url("http")

    response = client.get(profile.url, {"near": "LS1"})

    assert response.status_code == 200
    assert "Leeds data course" in response.content.decode()  # from the basic search


# The salary's source ------------------------------------------------------------------------------------------


def test_a_salary_names_its_source_and_year(client):
    profile = CareerProfilePageFactory(salary_source="ONS ASHE", salary_year=2025, salary_source_url="https://www.ons.gov.uk/")

    html = read(client, profile)

    assert '<a class="govuk-link" href="https://www.ons.gov.uk/" rel="noopener noreferrer">ONS ASHE 2025</a>' in html
    assert "Source: " in html


def test_a_source_that_already_names_its_year_is_not_given_it_twice(client):
    profile = CareerProfilePageFactory(salary_source="ONS ASHE 2025, Leeds", salary_year=2025)

    assert ">ONS ASHE 2025, Leeds</a>" in read(client, profile)


@pytest.mark.parametrize("year", [1990, 2999])
def test_a_salary_year_must_be_a_real_recent_year(year):
    profile = CareerProfilePageFactory()
    profile.salary_year = year

    with pytest.raises(ValidationError) as refused:
        profile.full_clean()

    assert refused.value.message_dict["salary_year"] == ["Give a year from 1997 to this year"]


# schema.org ---------------------------------------------------------------------------------------------------


def test_a_profile_is_an_occupation_with_its_salary_source_skills_and_apprenticeships(client):
    profile = data_analyst(salary_min=25000, salary_max=40000, salary_source="ONS ASHE", salary_year=2025)
    standard = ApprenticeshipStandard.objects.order_by("reference").first()  # the real ones a migration loads
    profile.standard_links.add(CareerProfileStandard(standard=standard))
    profile.save_revision().publish()

    data = json_ld_of(read(client, profile))

    assert problems_in(data) == []
    assert data["@type"] == "Occupation"
    assert data["name"] == "Data analyst"
    assert data["occupationLocation"][0]["name"] == "Leeds City Region"
    (salary,) = data["estimatedSalary"]
    assert salary["@type"] == "MonetaryAmountDistribution"
    assert (salary["currency"], salary["duration"]) == ("GBP", "P1Y")
    assert (salary["percentile10"], salary["percentile90"]) == (25000, 40000)
    assert salary["description"] == "Source: ONS ASHE 2025"
    assert data["skills"] == "Data"
    assert data["educationRequirements"][0]["name"] == f"{standard.title} apprenticeship, level {standard.level}"


def test_a_profile_without_a_salary_gives_no_estimated_salary(client):
    profile = CareerProfilePageFactory(salary_min=None, salary_max=None, salary_source="", salary_year=None, salary_source_url="")

    data = json_ld_of(read(client, profile))

    assert problems_in(data) == []
    assert "estimatedSalary" not in data
