"""The authority's report in the Wagtail admin: a sponsor campaign's reach by sponsor, tier, local authority and
day, its chart, and a CSV holding the same figures; for those with the permission only."""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import UserFactory
from tests.accounts.helpers import sign_in_with_totp
from tests.careers.factories import SponsorCampaignFactory, in_days
from tests.courses.factories import tier
from tests.reach.helpers import as_csv_would, charts, column, csv_rows, page_tables, without_blanks

pytestmark = pytest.mark.engine

REPORT = "reach_campaign_report"
MEASURES = ["Shown in search results", "Page views", "Apply clicks", "Saves"]


def report(client, pledge, **query):
    today = timezone.localdate()
    defaults = {"campaign": pledge.campaign.pk, "since": today - datetime.timedelta(days=6), "until": today}
    return client.get(reverse(REPORT), {**defaults, **query})


def test_the_figures_are_the_events_residents_made_by_sponsor_tier_area_and_day(moderator_client, pledge):
    tables = page_tables(report(moderator_client, pledge))

    sponsors = tables["By sponsor"]
    assert sponsors["headings"] == ["Sponsor", "Postings", "Places pledged", "Places offered", *MEASURES]
    assert sponsors["rows"] == [
        ["Aire Bank", "2", "0", "0", *pledge.figures("aire place", "aire apprentice")],
        ["Bramley Software", "1", "0", "0", *pledge.figures("bramley returner")],
        ["Other postings in the campaign", "1", "[z]", "[z]", *pledge.figures("course")],
        ["All postings", "4", "0", "0", *pledge.figures("aire place", "aire apprentice", "bramley returner", "course")],
    ]
    assert tables["By tier"]["rows"] == [
        [tier("general").name, "1", *pledge.figures("course")],
        [tier("advanced").name, "3", *pledge.figures("aire place", "aire apprentice", "bramley returner")],
    ]
    assert tables["By local authority"]["rows"] == [
        ["Bradford", "1", *pledge.figures("aire place")],
        ["Leeds", "1", *pledge.figures("aire apprentice")],
        ["Online or anywhere", "2", *pledge.figures("bramley returner", "course")],
    ]
    days = tables["By day"]["rows"]
    everything = pledge.figures("aire place", "aire apprentice", "bramley returner", "course")
    assert len(days) == 7 + 1
    assert days[-2] == [timezone.localdate().isoformat(), *everything]
    assert days[-1] == ["Total", *everything]
    assert all(row[1:] == ["0", "0", "0", "0"] for row in days[:-2])


def test_one_sponsor_chosen_shows_its_own_postings_only(moderator_client, pledge):
    tables = page_tables(report(moderator_client, pledge, sponsor=pledge.bramley_sponsor.pk))

    assert tables["By sponsor"]["rows"] == [["Bramley Software", "1", "0", "0", *pledge.figures("bramley returner")]]
    assert [row[0] for row in tables["By local authority"]["rows"]] == ["Online or anywhere"]


def test_a_sponsor_of_another_campaign_is_refused_with_a_reason(moderator_client, pledge):
    other = SponsorCampaignFactory(name="Another pledge")

    page = report(moderator_client, pledge, campaign=other.pk, sponsor=pledge.aire_sponsor.pk)

    assert page.status_code == 400
    assert "Aire Bank does not sponsor Another pledge" in page.content.decode()


def test_the_csv_holds_the_same_figures_as_the_page(moderator_client, pledge):
    page = report(moderator_client, pledge)
    download = report(moderator_client, pledge, format="csv")

    assert download["Content-Disposition"].startswith('attachment; filename="reach-digital-futures-pledge-')
    assert without_blanks(csv_rows(download)) == as_csv_would(page_tables(page))
    assert csv_rows(download)[0].keys() == {"Table", "Group", "Postings", "Places pledged", "Places offered", *MEASURES}


def test_the_daily_chart_is_an_image_described_with_the_tables_figures(moderator_client, pledge):
    page = report(moderator_client, pledge)
    chart = charts(page)[-1]
    totals = column(page_tables(page)["By day"], "Page views")["Total"]

    assert chart["attrs"]["role"] == "img"
    assert chart["attrs"]["aria-labelledby"] == "reach-chart-title reach-chart-desc"
    assert chart["title"].startswith("Digital Futures Pledge, day by day from ")
    assert f"Page views: {totals} in all" in chart["desc"]
    assert "<script" not in page.content.decode().split('id="reach-chart-title"')[1].split("</svg>")[0]


def test_a_period_backwards_is_explained(moderator_client, pledge):
    page = report(moderator_client, pledge, since="2026-02-01", until="2026-01-01")

    assert page.status_code == 400 and "The start of the period must be before its end" in page.content.decode()


def test_without_choosing_it_shows_the_latest_campaign_with_postings_over_the_last_30_days(moderator_client, pledge):
    SponsorCampaignFactory(name="Next year's pledge", starts_on=in_days(200), ends_on=None)

    page = moderator_client.get(reverse(REPORT))

    assert "<h2>Digital Futures Pledge</h2>" in page.content.decode()
    assert len(page_tables(page)["By day"]["rows"]) == 30 + 1


def test_a_signed_out_visitor_is_sent_to_sign_in(client, pledge):
    response = client.get(reverse(REPORT))

    assert response.status_code == 302 and "login" in response["Location"]


def test_an_admin_user_without_the_permission_is_refused(client, pledge):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)
    sign_in_with_totp(client, editor, secret)

    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    page = client.get(reverse(REPORT))
    download = client.get(reverse(REPORT), {"format": "csv", "campaign": pledge.campaign.pk})

    # Wagtail's admin turns a refusal into a message on its home page.
    for refused in (page, download):
        assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Sorry, you do not have permission to access this area." in home
    assert "Digital Futures Pledge" not in home


def test_places_pledged_and_offered_come_from_the_one_pledges_function(moderator_client, pledge, monkeypatch):
    from reach import reports

    pledges = {pledge.aire_sponsor.pk: reports.Places(pledged=10, offered=4), pledge.bramley_sponsor.pk: reports.Places(pledged=5, offered=5)}
    monkeypatch.setattr(reports, "pledged_places", lambda campaign: pledges)

    sponsors = page_tables(report(moderator_client, pledge))["By sponsor"]

    assert [row[:4] for row in sponsors["rows"]] == [
        ["Aire Bank", "2", "10", "4"],
        ["Bramley Software", "1", "5", "5"],
        ["Other postings in the campaign", "1", "[z]", "[z]"],
        ["All postings", "4", "15", "9"],
    ]
