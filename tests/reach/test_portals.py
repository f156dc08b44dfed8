"""Reach in the portals: a sponsor sees its own postings' figures in the campaigns it sponsors, and every poster
each of its postings day by day; nobody sees another organisation's."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import member
from tests.careers.factories import EmployerFactory, SponsorCampaignFactory
from tests.courses.factories import ProviderFactory
from tests.reach.conftest import browser, text
from tests.reach.helpers import as_csv_would, charts, column, csv_rows, page_tables, without_blanks

pytestmark = pytest.mark.engine

MEASURES = ["Shown in search results", "Page views", "Apply clicks", "Saves"]


def signed_in(user):
    client = browser()
    client.force_login(user)
    return client


def campaign_url(employer, campaign) -> str:
    return reverse("reach:sponsor_campaign", kwargs={"organisation": employer.organisation.slug, "campaign": campaign.slug})


def posting_url(organisation, kind, item) -> str:
    portal = "employer" if organisation.kind == "employer" else "provider"
    return reverse(f"reach:{portal}_posting", kwargs={"organisation": organisation.slug, "kind": kind, "pk": item.pk})


# A sponsor's campaign ------------------------------------------------------------------------------------------


def test_a_sponsor_sees_its_own_postings_in_the_campaign_and_nobody_elses(pledge):
    sponsor = signed_in(member(pledge.aire))

    page = sponsor.get(campaign_url(pledge.aire, pledge.campaign))

    tables = page_tables(page)
    assert tables["By sponsor"]["rows"] == [["Aire Bank", "2", "0", "0", *pledge.figures("aire place", "aire apprentice")]]
    assert tables["By local authority"]["rows"] == [
        ["Bradford", "1", *pledge.figures("aire place")],
        ["Leeds", "1", *pledge.figures("aire apprentice")],
    ]
    assert column(tables["By day"], "Page views")["Total"] == pledge.figures("aire place", "aire apprentice")[1]
    words = text(page)
    assert "Bramley" not in words and "Other postings" not in words and "All postings" not in words


def test_the_sponsors_csv_holds_the_same_figures_as_its_page(pledge):
    sponsor = signed_in(member(pledge.aire))
    url = campaign_url(pledge.aire, pledge.campaign)

    page = sponsor.get(url)
    download = sponsor.get(url, {"since": page.context["form"].query()["since"], "until": str(timezone.localdate()), "format": "csv"})

    assert without_blanks(csv_rows(download)) == as_csv_would(page_tables(page))
    assert "Bramley" not in download.content.decode()


def test_the_sponsors_portal_lists_its_campaigns_and_postings(pledge):
    sponsor = signed_in(member(pledge.aire))

    dashboard = sponsor.get(reverse("employer_portal:dashboard", kwargs={"organisation": pledge.aire.organisation.slug}))
    overview = sponsor.get(reverse("reach:employer", kwargs={"organisation": pledge.aire.organisation.slug}))

    assert f'href="{reverse("reach:employer", kwargs={"organisation": pledge.aire.organisation.slug})}"' in dashboard.content.decode()
    assert campaign_url(pledge.aire, pledge.campaign) in overview.content.decode()
    postings = page_tables(overview)["Your postings"]
    assert postings["headings"] == ["Posting", *MEASURES]
    assert column(postings, "Page views") == {
        "Data analyst bootcamp place Sponsored opportunity, published": str(pledge.expected["aire place"]["views"]),
        "Data engineer apprentice Apprenticeship vacancy, published": str(pledge.expected["aire apprentice"]["views"]),
        "Data untagged place Sponsored opportunity, published": str(pledge.expected["untagged"]["views"]),
    }


def test_another_employer_cannot_see_a_sponsors_campaign(pledge):
    other = signed_in(member(EmployerFactory(organisation__name="Calder Cloud")))
    bramley = signed_in(member(pledge.bramley))

    assert other.get(campaign_url(pledge.aire, pledge.campaign)).status_code == 404
    assert bramley.get(campaign_url(pledge.aire, pledge.campaign)).status_code == 404
    assert bramley.get(campaign_url(pledge.aire, pledge.campaign), {"format": "csv"}).status_code == 404


def test_an_employer_that_does_not_sponsor_the_campaign_gets_nothing_through_its_own_portal(pledge):
    calder = EmployerFactory(organisation__name="Calder Cloud")
    unsponsored = SponsorCampaignFactory(name="Not ours")

    assert signed_in(member(calder)).get(campaign_url(calder, pledge.campaign)).status_code == 404
    assert signed_in(member(pledge.aire)).get(campaign_url(pledge.aire, unsponsored)).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, pledge):
    for url in (
        campaign_url(pledge.aire, pledge.campaign),
        reverse("reach:employer", kwargs={"organisation": pledge.aire.organisation.slug}),
        posting_url(pledge.aire.organisation, "opportunity", pledge.items["aire place"]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url


# Each posting, day by day --------------------------------------------------------------------------------------


def test_a_poster_sees_each_postings_figures_day_by_day_with_its_chart(pledge):
    place = pledge.items["aire place"]
    poster = signed_in(member(pledge.aire))

    page = poster.get(posting_url(pledge.aire.organisation, "opportunity", place))

    days = page_tables(page)["By day"]
    assert days["headings"] == ["Day", *MEASURES]
    assert days["rows"][-2] == [timezone.localdate().isoformat(), *pledge.figures("aire place")]
    assert days["rows"][-1] == ["Total", *pledge.figures("aire place")]
    chart = charts(page)[0]
    assert chart["attrs"]["role"] == "img" and chart["title"].startswith("Data analyst bootcamp place, day by day")
    assert f"Page views: {pledge.expected['aire place']['views']} in all" in chart["desc"]
    assert chart["rects"] == sum(1 for figure in pledge.figures("aire place") if figure != "0")


def test_the_posting_page_in_the_portal_links_to_its_days(pledge):
    place = pledge.items["aire place"]
    poster = signed_in(member(pledge.aire))

    detail = poster.get(place.get_portal_url()).content.decode()

    assert f'href="{posting_url(pledge.aire.organisation, "opportunity", place)}"' in detail


def test_a_provider_sees_its_programmes_figures(pledge):
    course = pledge.items["course"]
    provider = course.provider
    poster = signed_in(member(provider))

    page = poster.get(posting_url(provider.organisation, "programme", course))
    download = poster.get(posting_url(provider.organisation, "programme", course), {**page.context["form"].query(), "format": "csv"})

    assert page_tables(page)["By day"]["rows"][-1] == ["Total", *pledge.figures("course")]
    assert without_blanks(csv_rows(download)) == as_csv_would(page_tables(page))


def test_nobody_sees_another_organisations_posting_figures(pledge):
    place, course = pledge.items["aire place"], pledge.items["course"]
    bramley = signed_in(member(pledge.bramley))
    other_provider = ProviderFactory()
    provider = signed_in(member(other_provider))

    assert bramley.get(posting_url(pledge.aire.organisation, "opportunity", place)).status_code == 404
    assert bramley.get(posting_url(pledge.bramley.organisation, "opportunity", place)).status_code == 404
    assert provider.get(posting_url(course.provider.organisation, "programme", course)).status_code == 404
    assert provider.get(posting_url(other_provider.organisation, "programme", course)).status_code == 404
    assert provider.get(posting_url(other_provider.organisation, "programme", course), {"format": "csv"}).status_code == 404
    # A provider's member in the employer portal with the provider's own slug
    assert provider.get(reverse("reach:employer", kwargs={"organisation": other_provider.organisation.slug})).status_code == 404
