"""The nightly files hold what residents can see and its poster agreed to open, and nothing else; each CSV
matches its data dictionary, and each checksum matches its file."""

import csv
import hashlib
import io
import json
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from opendata.services import datasets_publish
from opendata.tasks import publish_datasets_task
from publishing.models import Status
from tests.careers.factories import ApprenticeshipVacancyFactory, EmployerFactory, SponsoredOpportunityFactory, in_days
from tests.courses.factories import ProgrammeFactory, ProviderFactory

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def agreed(**fields):
    return {"licence_agreed_at": timezone.now(), **fields}


@pytest.fixture
def postings():
    """Live, agreed postings of verified organisations, beside everything that must stay out of the files."""
    college = ProviderFactory(organisation__name="Aire Valley College")
    ProgrammeFactory(provider=college, title="Spreadsheets for work", status=Status.PUBLISHED, enquiry_email="jo.bloggs@airevalley.example.org", **agreed())
    ProgrammeFactory(provider=college, title="Draft databases course", **agreed())
    ProgrammeFactory(provider=college, title="Withdrawn coding club", status=Status.WITHDRAWN, **agreed())
    ProgrammeFactory(provider=college, title="Published before the licence was asked", status=Status.PUBLISHED)
    unverified = ProviderFactory(organisation__name="Unchecked Academy", verified=False)
    ProgrammeFactory(provider=unverified, title="Course of an unchecked provider", status=Status.PUBLISHED, **agreed())
    ProgrammeFactory(provider=ProviderFactory(organisation__name="Drafts Only Library"), title="Another organisation's draft", **agreed())

    bank = EmployerFactory(organisation__name="Aire Bank")
    ApprenticeshipVacancyFactory(employer=bank, title="Software developer apprentice", status=Status.PUBLISHED, **agreed())
    ApprenticeshipVacancyFactory(employer=bank, title="Vacancy waiting for review", status=Status.PENDING_REVIEW, **agreed())
    ApprenticeshipVacancyFactory(employer=bank, title="Vacancy that closed yesterday", status=Status.PUBLISHED, closing_date=in_days(-1), **agreed())
    software = EmployerFactory(organisation__name="Bramley Software")
    SponsoredOpportunityFactory(sponsor=software, title="Funded data bootcamp place", status=Status.PUBLISHED, **agreed())
    SponsoredOpportunityFactory(sponsor=EmployerFactory(organisation__name="Quiet Employer"), title="Unagreed placement", status=Status.PUBLISHED)


def read_csv(root, name):
    with (root / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_json(root, name):
    return json.loads((root / f"{name}.json").read_text(encoding="utf-8"))


def test_the_files_hold_only_live_agreed_postings_of_verified_organisations(datasets_root, postings):
    datasets_publish()

    for name in ("programmes", "apprenticeships", "sponsored-opportunities"):
        assert [row["title"] for row in read_csv(datasets_root, name)] == [row["title"] for row in read_json(datasets_root, name)]
    assert [row["title"] for row in read_csv(datasets_root, "programmes")] == ["Spreadsheets for work"]
    assert [row["title"] for row in read_csv(datasets_root, "apprenticeships")] == ["Software developer apprentice"]
    assert [row["title"] for row in read_csv(datasets_root, "sponsored-opportunities")] == ["Funded data bootcamp place"]
    assert [row["name"] for row in read_csv(datasets_root, "providers")] == ["Aire Valley College"]
    assert [row["name"] for row in read_json(datasets_root, "employers")] == ["Aire Bank", "Bramley Software"]


def test_no_email_address_is_published(datasets_root, postings):
    datasets_publish()

    for path in datasets_root.iterdir():
        assert not EMAIL.search(path.read_text(encoding="utf-8")), path.name


def test_each_csv_matches_its_data_dictionary(datasets_root, postings):
    datasets_publish()

    for metadata_path in datasets_root.glob("*.csv-metadata.json"):
        metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
        columns = metadata["tableSchema"]["columns"]
        with (datasets_root / metadata["url"]).open(newline="", encoding="utf-8") as handle:
            header, *rows = list(csv.reader(handle))
        assert header == [column["name"] for column in columns]
        assert all(len(row) == len(header) for row in rows)
        assert metadata["dc:license"]["@id"] == "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
        assert all(column["titles"] and column["datatype"] and column["dc:description"] for column in columns)
        for row in rows:
            for column, cell in zip(columns, row, strict=True):
                if column["datatype"] == "boolean":
                    assert cell in {"true", "false"}
                if column["datatype"] == "integer" and cell:
                    int(cell)

    programme = read_csv(datasets_root, "programmes")[0]
    assert programme["provider_name"] == "Aire Valley College"
    assert programme["skill_areas"] == "EDS-H"
    assert programme["description"] == "Bring your own laptop or borrow one of ours."
    assert programme["url"].endswith(f"/programmes/{programme['slug']}/")


def test_the_catalogue_records_each_file_s_size_and_checksum(datasets_root, postings):
    entries = datasets_publish()

    for entry in entries:
        for published in entry["files"]:
            content = (datasets_root / published["filename"]).read_bytes()
            assert published["bytes"] == len(content)
            assert published["sha256"] == hashlib.sha256(content).hexdigest()


def test_a_file_that_did_not_change_keeps_its_date_and_a_changed_one_is_replaced_whole(datasets_root, postings):
    first = {entry["name"]: entry for entry in datasets_publish()}
    csv_path = datasets_root / "apprenticeships.csv"
    before = csv_path.stat().st_mtime_ns

    again = {entry["name"]: entry for entry in datasets_publish()}
    assert again["apprenticeships"]["modified"] == first["apprenticeships"]["modified"]
    assert csv_path.stat().st_mtime_ns == before

    ApprenticeshipVacancyFactory(title="Data analyst apprentice", status=Status.PUBLISHED, **agreed())
    changed = {entry["name"]: entry for entry in datasets_publish()}
    assert changed["apprenticeships"]["modified"] > first["apprenticeships"]["modified"]
    assert changed["apprenticeships"]["rows"] == 2
    assert not [path.name for path in datasets_root.iterdir() if path.name.startswith(".")]


def test_the_command_and_the_nightly_task_write_the_files(datasets_root, postings):
    out = io.StringIO()
    call_command("publish_datasets", stdout=out)
    assert "programmes.csv: 1 rows" in out.getvalue()
    (datasets_root / "programmes.csv").unlink()

    assert publish_datasets_task() == 6
    assert (datasets_root / "programmes.csv").exists()


def test_beat_runs_the_nightly_task(settings):
    assert "opendata.publish_datasets" in {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}


def test_register_identifiers_are_in_the_files_and_their_data_dictionaries(datasets_root, postings):
    college = ProviderFactory(organisation__name="Calder College", ukprn="10001234")
    ProgrammeFactory(provider=college, title="Level 3 data technician", lars_code="60312345", status=Status.PUBLISHED, **agreed())
    bank = EmployerFactory(organisation__name="Calder Bank", companies_house_number="SC123456")
    ApprenticeshipVacancyFactory(employer=bank, title="Cyber apprentice", status=Status.PUBLISHED, **agreed())

    datasets_publish()

    programme = next(row for row in read_csv(datasets_root, "programmes") if row["title"] == "Level 3 data technician")
    assert (programme["lars_code"], programme["provider_ukprn"]) == ("60312345", "10001234")
    provider = next(row for row in read_json(datasets_root, "providers") if row["name"] == "Calder College")
    assert provider["ukprn"] == "10001234"
    vacancy = next(row for row in read_csv(datasets_root, "apprenticeships") if row["title"] == "Cyber apprentice")
    assert vacancy["employer_companies_house_number"] == "SC123456"
    employer = next(row for row in read_csv(datasets_root, "employers") if row["name"] == "Calder Bank")
    assert employer["companies_house_number"] == "SC123456"
    dictionary = json.loads((datasets_root / "providers.csv-metadata.json").read_text(encoding="utf-8"))
    [ukprn] = [column for column in dictionary["tableSchema"]["columns"] if column["name"] == "ukprn"]
    assert "UK Provider Reference Number" in ukprn["dc:description"]
