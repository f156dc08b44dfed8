"""Bulk import of programmes from CSV and JSON: good files, re-imports, every kind of bad file, all or
nothing, progress while it runs, and the management command for scheduled feeds."""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from courses import imports
from courses.models import Programme, ProgrammeImport
from publishing.models import Status
from tests.accounts.factories import member
from tests.courses.factories import ProgrammeFactory, ProviderFactory, csv_bytes, row
from tests.publishing.helpers import established

pytestmark = pytest.mark.django_db

EXAMPLES = Path(settings.BASE_DIR) / "courses" / "static" / "courses" / "import"



@pytest.fixture
def provider():
    return ProviderFactory(organisation__name="Aire Valley College", organisation__website="https://college.example.org")


def run(provider, content: bytes, filename="programmes.csv", *, all_or_nothing=False, by=None, on_progress=None):
    job = ProgrammeImport.objects.create(
        provider=provider, created_by=by, filename=filename, content=content, all_or_nothing=all_or_nothing
    )
    return imports.run_import(job, on_progress=on_progress)


def errors_of(job) -> list[tuple[int, str]]:
    return [(error["line"], error["field"]) for error in job.row_errors]


# Good files and re-imports --------------------------------------------------------------------------


def test_the_example_csv_imports_drafts_and_sends_published_rows_for_review(provider):
    job = run(provider, (EXAMPLES / "programmes-example.csv").read_bytes())

    assert (job.state, job.total_rows, job.created_count, job.failed_count) == ("finished", 3, 3, 0), job.row_errors
    drop_in = Programme.objects.get(reference="DROP-IN-01")
    assert drop_in.status == Status.PENDING_REVIEW  # the provider's first posting
    assert drop_in.kind == "inclusion_support" and drop_in.free_device_loan
    assert drop_in.venues.get().local_authority.name == "Leeds"
    data = Programme.objects.get(reference="DATA-L3-2027")
    assert data.status == Status.DRAFT
    assert [(run.starts_on.isoformat(), run.ends_on.isoformat()) for run in data.runs.all()] == [
        ("2027-01-11", "2027-04-05"),
        ("2027-04-26", "2027-07-19"),
    ]
    assert {area.code for area in data.skill_areas.all()} == {"ADV-DATA", "EDS-H"}
    assert "<li>Writing SQL queries</li>" in data.description
    assert not job.content  # the file is not kept


def test_the_json_example_gives_the_same_programmes_as_the_csv(provider):
    other = ProviderFactory()
    run(provider, (EXAMPLES / "programmes-example.csv").read_bytes())
    job = run(other, (EXAMPLES / "programmes-example.json").read_bytes(), "programmes.json")

    assert job.created_count == 3, job.row_errors
    fields = ["reference", "title", "summary", "description", "tier_id", "level", "delivery_mode", "cost", "cost_amount", "funding_eligibility", "hours_per_week", "starts_any_time", "free_data", "status"]
    assert list(provider.programmes.order_by("reference").values(*fields)) == list(other.programmes.order_by("reference").values(*fields))


def test_a_trusted_provider_publishes_straight_from_the_file(provider):
    established(ProgrammeFactory(provider=provider))

    run(provider, (EXAMPLES / "programmes-example.csv").read_bytes())

    assert Programme.objects.get(reference="WEB-ONLINE-1").status == Status.PUBLISHED


def test_reimporting_updates_by_reference_instead_of_duplicating(provider):
    run(provider, csv_bytes([row(), row(reference="R2", title="Video calls")]))
    first = Programme.objects.get(reference="R1")

    job = run(provider, csv_bytes([row(title="Email for complete beginners"), row(reference="R2", title="Video calls")]))

    assert (job.created_count, job.updated_count) == (0, 2)
    assert provider.programmes.count() == 2
    first.refresh_from_db()
    assert first.title == "Email for complete beginners"


def test_reimported_runs_replace_the_old_ones(provider):
    run(provider, csv_bytes([row(starts_any_time="", runs="2027-01-04; 2027-02-01")]))

    run(provider, csv_bytes([row(starts_any_time="", runs="2027-02-01 to 2027-03-01; 2027-04-05")]))

    runs = Programme.objects.get(reference="R1").runs.all()
    assert [(run.starts_on.isoformat(), run.ends_on and run.ends_on.isoformat()) for run in runs] == [
        ("2027-02-01", "2027-03-01"),
        ("2027-04-05", None),
    ]


def test_a_published_programme_updated_by_a_feed_stays_published_only_if_it_still_passes(provider):
    established(ProgrammeFactory(provider=provider))
    run(provider, csv_bytes([row(publish="yes")]))
    assert Programme.objects.get(reference="R1").status == Status.PUBLISHED

    job = run(provider, csv_bytes([row(starts_any_time="no")]))

    assert errors_of(job) == [(2, "runs")]
    programme = Programme.objects.get(reference="R1")
    assert programme.status == Status.PUBLISHED and programme.starts_any_time


# Bad files ------------------------------------------------------------------------------------------


def test_unknown_and_missing_columns_are_named_and_nothing_is_imported(provider):
    content = b"Course name,summary,tier,skill_areas,delivery_mode,cost,reference\nX,Y,general,EDS-C,online,free,R1\n"

    job = run(provider, content)

    assert job.state == "failed"
    assert '"course_name" is not a column we know' in job.file_errors[0]
    assert any("required column title is missing" in message for message in job.file_errors)
    assert not Programme.objects.exists()


def test_a_misspelt_column_gets_a_suggestion(provider):
    job = run(provider, csv_bytes([{**row(), "venu_postcode": "LS1 3AB"}]))

    assert 'did you mean "venue_postcode"?' in job.file_errors[0]


@pytest.mark.parametrize(
    ("encoding", "prefix", "read_as"),
    [
        ("utf-8", b"\xef\xbb\xbf", "UTF-8 (with byte order mark)"),
        ("utf-16", b"", "UTF-16"),
        ("utf-16-le", b"", "UTF-16"),
        ("cp1252", b"", "Windows-1252"),
        ("latin-1", b"", "Windows-1252"),
    ],
)
def test_files_in_other_encodings_are_read_correctly(provider, encoding, prefix, read_as):
    content = prefix + csv_bytes([row(title="Café computer club", summary="Tea, biscuits and help for £0.")], encoding=encoding)

    job = run(provider, content)

    assert job.created_count == 1, (job.file_errors, job.row_errors)
    assert job.encoding == read_as
    programme = Programme.objects.get()
    assert (programme.title, programme.summary) == ("Café computer club", "Tea, biscuits and help for £0.")
    assert bool(job.notes) == (read_as == "Windows-1252")


def test_an_excel_workbook_is_refused_with_a_way_forward(provider):
    job = run(provider, b"PK\x03\x04" + b"\x00" * 100, "programmes.xlsx")

    assert job.state == "failed"
    assert "CSV UTF-8" in job.file_errors[0]


def test_empty_files_and_header_only_files_say_so(provider):
    assert run(provider, b"").file_errors == ["The file is empty."]
    assert "only the column names" in run(provider, csv_bytes([row()]).split(b"\r\n")[0] + b"\r\n").file_errors[0]


def test_bad_rows_are_reported_by_line_and_column_and_the_others_imported(provider):
    content = csv_bytes(
        [
            row(reference="OK-1"),
            row(reference="BAD-DATE", starts_any_time="", runs="31/02/2027"),
            row(reference="BAD-POSTCODE", delivery_mode="in_person", venue_name="Nowhere", venue_postcode="ZZ9 9ZZ"),
            row(reference="BAD-CHOICE", cost="cheap", tier="expert"),
            row(reference="OK-1", title="Same reference again"),
            row(reference="BAD-AREA", skill_areas="EDS-C; NOPE"),
            row(reference="OK-2"),
        ]
    )

    job = run(provider, content)

    assert (job.created_count, job.failed_count) == (2, 5)
    assert errors_of(job) == [
        (3, "runs"),
        (4, "venue_postcode"),
        (5, "cost"),
        (5, "tier"),
        (6, "reference"),
        (7, "skill_areas"),
    ]
    messages = {(error["line"], error["field"]): error["message"] for error in job.row_errors}
    assert "is not a date we can read" in messages[(3, "runs")]
    assert "We do not have ZZ9 on our map" in messages[(4, "venue_postcode")]
    assert messages[(6, "reference")] == "The reference OK-1 is also on line 2: give each programme its own reference."
    assert "NOPE is not a skill area code" in messages[(7, "skill_areas")]
    assert set(provider.programmes.values_list("reference", flat=True)) == {"OK-1", "OK-2"}


def test_line_numbers_count_lines_inside_quoted_values(provider):
    content = csv_bytes([row(description="First paragraph.\n\nSecond paragraph."), row(reference="R2", cost="cheap")])

    job = run(provider, content)

    assert errors_of(job) == [(5, "cost")]


def test_json_errors_give_the_line_where_each_programme_starts(provider):
    records = [row(), {**row(reference="R2"), "coast": "free"}, row(reference="R3", tier="")]
    content = json.dumps({"programmes": records}, indent=2).encode()

    job = run(provider, content, "feed.json")

    assert errors_of(job) == [(14, "coast"), (26, "tier")]
    assert 'did you mean "cost"?' in job.row_errors[0]["message"]


def test_invalid_json_says_where(provider):
    job = run(provider, b'[{"reference": "R1",}]', "feed.json")

    assert job.file_errors == ["The JSON is not valid: Expecting property name enclosed in double quotes at line 1, column 21."]


def test_scripts_in_rich_text_are_removed_and_the_provider_is_told(provider):
    description = '<p onclick="steal()">Learn <b>email</b></p><script>alert("hi")</script><a href="javascript:alert(1)">x</a>'

    job = run(provider, csv_bytes([row(description=description)]))

    programme = Programme.objects.get()
    assert programme.description == "<p>Learn <b>email</b></p><a>x</a>"
    assert job.notes == [{"line": 2, "field": "description", "message": "We removed scripts, styles or unsafe links from the description."}]


def test_banned_phrases_stop_a_row_that_is_to_be_published(provider):
    job = run(provider, csv_bytes([row(summary="Must be under 25, young and energetic.", publish="yes")]))

    assert errors_of(job) == [(2, "")]
    assert '"must be under 25", "young and energetic"' in job.row_errors[0]["message"]
    assert not Programme.objects.exists()


# All or nothing -------------------------------------------------------------------------------------


def test_all_or_nothing_imports_nothing_when_any_row_fails(provider):
    run(provider, csv_bytes([row(), row(reference="R2")]))

    job = run(provider, csv_bytes([row(title="Changed"), row(reference="R3"), row(reference="R4", runs="not a date")]), all_or_nothing=True)

    assert job.saved_nothing
    assert (job.created_count, job.updated_count, job.failed_count) == (0, 0, 1)
    assert set(provider.programmes.values_list("reference", flat=True)) == {"R1", "R2"}
    assert Programme.objects.get(reference="R1").title == "Email for beginners"
    assert provider.venues.count() == 0


def test_all_or_nothing_imports_everything_when_every_row_passes(provider):
    job = run(provider, csv_bytes([row(), row(reference="R2", delivery_mode="in_person", venue_name="Library", venue_postcode="BD1 1AA")]), all_or_nothing=True)

    assert (job.created_count, job.failed_count, job.saved_nothing) == (2, 0, False)
    assert provider.venues.get().local_authority.name == "Bradford"


# Progress -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("all_or_nothing", [False, True])
def test_progress_is_written_as_the_import_runs(provider, all_or_nothing):
    seen = []

    def watch(job):
        stored = ProgrammeImport.objects.get(pk=job.pk)
        seen.append((stored.state, stored.percent))

    run(provider, csv_bytes([row(reference=f"R{n}") for n in range(60)]), all_or_nothing=all_or_nothing, on_progress=watch)

    percents = [percent for _, percent in seen]
    assert percents == sorted(percents) and percents[-1] == 100
    assert len(set(percents)) >= 3
    states = [state for state, _ in seen]
    assert states[0] == "checking" and states[-1] == "finished"
    assert ("saving" in states) == all_or_nothing


def test_the_progress_page_refreshes_itself_without_javascript_and_offers_a_status_endpoint(client, provider):
    job = ProgrammeImport.objects.create(provider=provider, filename="feed.csv", state="checking", total_rows=40, rows_checked=10)
    client.force_login(member(provider))
    url = reverse("provider_portal:import", kwargs={"organisation": provider.organisation.slug, "pk": job.pk})

    page = client.get(url).content.decode()
    status = client.get(url + "status.json").json()

    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    assert '<progress id="import-progress" class="govuk-!-width-full" max="100" value="25">25%</progress>' in page
    assert "10 of 40 rows" in page
    assert status == {"state": "checking", "state_label": "Checking rows", "running": True, "percent": 25, "total_rows": 40, "rows_checked": 10, "rows_saved": 0}


def test_uploading_runs_the_import_and_shows_the_result(client, provider, django_capture_on_commit_callbacks):
    client.force_login(member(provider))
    upload = SimpleUploadedFile("feed.csv", csv_bytes([row(), row(reference="R2", cost="cheap")]), content_type="text/csv")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("provider_portal:imports", kwargs={"organisation": provider.organisation.slug}), {"file": upload, "mode": "valid_rows", "open_licence": "on"})
    result = client.get(response["Location"]).content.decode()

    assert "Imported, with problems" in result
    assert "http-equiv" not in result
    assert '<td class="govuk-table__cell">3</td><td class="govuk-table__cell">cost</td>' in result
    job = ProgrammeImport.objects.get()
    assert job.created_by.memberships.get().organisation == provider.organisation


def test_a_100_mb_file_gets_a_clear_message_before_it_is_read(client, provider):
    client.force_login(member(provider))
    url = reverse("provider_portal:imports", kwargs={"organisation": provider.organisation.slug})

    response = client.post(url, {"file": SimpleUploadedFile("huge.csv", b"x" * (100 * 1024 * 1024)), "mode": "valid_rows", "open_licence": "on"})

    assert response.status_code == 413
    assert "The file is 100 MB: the most we take at once is 5 MB" in response.content.decode()
    assert not ProgrammeImport.objects.exists()


def test_a_file_just_over_the_limit_is_stopped_while_it_streams(client, provider):
    client.force_login(member(provider))
    url = reverse("provider_portal:imports", kwargs={"organisation": provider.organisation.slug})

    response = client.post(url, {"file": SimpleUploadedFile("big.csv", b"x" * (settings.IMPORT_MAX_UPLOAD_SIZE + 1000)), "mode": "valid_rows", "open_licence": "on"})

    assert response.status_code == 413
    assert "The file is too big: the most we take at once is 5 MB" in response.content.decode()
    assert not ProgrammeImport.objects.exists()


def test_an_upload_without_the_csrf_token_is_refused(provider):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member(provider))
    url = reverse("provider_portal:imports", kwargs={"organisation": provider.organisation.slug})

    response = client.post(url, {"file": SimpleUploadedFile("feed.csv", csv_bytes([row()])), "mode": "valid_rows", "open_licence": "on"})

    assert response.status_code == 403
    assert not ProgrammeImport.objects.exists()


# The command ----------------------------------------------------------------------------------------


def command(*args) -> tuple[str, str]:
    """(stdout, stderr); manage.py turns a CommandError into exit status 1."""
    out, err = io.StringIO(), io.StringIO()
    call_command("import_programmes", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_imports_a_good_feed_and_exits_cleanly(provider, tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_bytes((EXAMPLES / "programmes-example.json").read_bytes())

    out, err = command("--provider", provider.organisation.slug, str(feed))

    assert "3 rows: 3 created, 0 updated, 0 failed" in out
    assert err == ""
    assert provider.programmes.count() == 3


def test_the_command_prints_each_bad_row_and_exits_non_zero(provider, tmp_path):
    feed = tmp_path / "feed.csv"
    feed.write_bytes(csv_bytes([row(), row(reference="R2", runs="2027-13-01", starts_any_time="")]))
    err = io.StringIO()

    with pytest.raises(CommandError) as failure:
        call_command("import_programmes", "--provider", provider.organisation.slug, "--all-or-nothing", str(feed), stderr=err)

    assert failure.value.returncode == 1
    assert 'line 3, runs: "2027-13-01" is not a date we can read' in err.getvalue()
    assert str(failure.value) == "2 rows: 0 created, 0 updated, 1 failed; nothing was imported (all or nothing)"
    assert not provider.programmes.exists()


def test_the_command_refuses_a_100_mb_file_and_an_unknown_provider(provider, tmp_path):
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as file:
        file.truncate(100 * 1024 * 1024)

    with pytest.raises(CommandError, match="huge.csv is 100.0 MB; the most we import at once is 5 MB"):
        command("--provider", provider.organisation.slug, str(huge))
    with pytest.raises(CommandError, match="No provider has the slug 'no-such-provider'"):
        command("--provider", "no-such-provider", str(huge))
    assert not ProgrammeImport.objects.exists()


def test_a_lars_code_is_imported_in_capitals_and_a_malformed_one_names_its_line(provider):
    job = run(provider, csv_bytes([row(reference="Q1", lars_code="z0001234"), row(reference="Q2", lars_code="LARS-1")]))

    assert Programme.objects.get(reference="Q1").lars_code == "Z0001234"
    assert errors_of(job) == [(3, "lars_code")]
    assert "8 letters and digits" in job.row_errors[0]["message"]
