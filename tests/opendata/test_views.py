"""/data/: the catalogue a person reads, the same for data portals as DCAT JSON-LD, and downloads that a
client can ask again cheaply (ETag, Last-Modified, 304)."""

import hashlib
import json

import pytest
from django.utils import timezone

from opendata.services import datasets_publish
from publishing.models import Status
from tests.careers.factories import ApprenticeshipVacancyFactory
from tests.courses.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db

OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
DATASET_NAMES = ["programmes", "apprenticeships", "sponsored-opportunities", "providers", "employers", "search-demand"]


@pytest.fixture
def published(datasets_root):
    ProgrammeFactory(title="Spreadsheets for work", status=Status.PUBLISHED, licence_agreed_at=timezone.now())
    ApprenticeshipVacancyFactory(title="Software developer apprentice", status=Status.PUBLISHED, licence_agreed_at=timezone.now())
    return datasets_publish()


def test_before_the_first_night_the_catalogue_says_the_files_are_coming(client, datasets_root):
    page = client.get("/data/")

    assert page.status_code == 200
    assert "The files have not been made yet" in page.content.decode()
    assert client.get("/data/programmes.csv").status_code == 404


def test_the_catalogue_page_tells_a_person_what_each_dataset_is_and_links_its_files(client, published):
    page = client.get("/data/").content.decode()

    for title in ("Courses and help to get online", "Apprenticeship vacancies", "Sponsored opportunities", "Training providers", "Employers", "What residents searched for"):
        assert title in page
    assert "Every night" in page
    assert f'href="{OGL}"' in page
    assert "Postings whose poster has not agreed to the open licence" in page
    for name in DATASET_NAMES:
        for filename in (f"{name}.csv", f"{name}.json", f"{name}.csv-metadata.json"):
            assert f'href="/data/{filename}"' in page
    programmes = next(entry for entry in published if entry["name"] == "programmes")
    assert programmes["files"][0]["sha256"] in page
    assert 'href="/data/"' in page  # the footer links the catalogue from every page


def test_the_footer_of_every_page_links_the_catalogue(client, datasets_root):
    assert 'href="/data/">Open data</a>' in client.get("/search/").content.decode()


def test_the_dcat_catalogue_describes_every_dataset_and_every_distribution_downloads(client, published):
    response = client.get("/data/catalog.jsonld")

    assert response["Content-Type"].startswith("application/ld+json")
    catalogue = json.loads(response.content)
    assert catalogue["@type"] == "dcat:Catalog"
    assert catalogue["dct:license"]["@id"] == OGL
    datasets = catalogue["dcat:dataset"]
    assert [dataset["dct:identifier"] for dataset in datasets] == DATASET_NAMES
    for dataset in datasets:
        assert dataset["@type"] == "dcat:Dataset"
        assert dataset["dct:title"] and dataset["dct:description"]
        assert dataset["dct:publisher"]["foaf:name"] == "Digital Skills Leeds City Region"
        assert dataset["dct:license"]["@id"] == OGL
        assert dataset["dct:accrualPeriodicity"]["@id"] == "http://purl.org/cld/freq/daily"
        assert dataset["dct:modified"]["@value"]
        assert len(dataset["dcat:distribution"]) == 3
        for distribution in dataset["dcat:distribution"]:
            url = distribution["dcat:downloadURL"]["@id"]
            assert url.startswith("http://testserver/data/")
            download = client.get(url)
            content = b"".join(download.streaming_content)
            assert download.status_code == 200
            assert download["Content-Type"].split(";")[0] == distribution["dcat:mediaType"]
            assert distribution["dcat:byteSize"]["@value"] == len(content)
            assert distribution["spdx:checksum"]["spdx:checksumValue"] == hashlib.sha256(content).hexdigest()
            assert distribution["spdx:checksum"]["spdx:algorithm"]["@id"].endswith("checksumAlgorithm_sha256")


def test_a_download_has_an_etag_and_a_date_and_is_not_sent_again_when_unchanged(client, published):
    first = client.get("/data/programmes.csv")
    assert first.status_code == 200
    assert b"Spreadsheets for work" in b"".join(first.streaming_content)
    etag, last_modified = first["ETag"], first["Last-Modified"]

    assert client.get("/data/programmes.csv", headers={"If-None-Match": etag}).status_code == 304
    not_modified = client.get("/data/programmes.csv", headers={"If-Modified-Since": last_modified})
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == etag
    assert client.get("/data/programmes.csv", headers={"If-None-Match": '"something-else"'}).status_code == 200

    datasets_publish()  # nothing changed: the same file, the same validators
    assert client.get("/data/programmes.csv", headers={"If-None-Match": etag}).status_code == 304

    ProgrammeFactory(title="Databases for beginners", status=Status.PUBLISHED, licence_agreed_at=timezone.now())
    datasets_publish()
    changed = client.get("/data/programmes.csv", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert b"Databases for beginners" in b"".join(changed.streaming_content)


def test_only_the_catalogue_s_files_are_served(client, published, datasets_root):
    (datasets_root / "notes.txt").write_text("not published")

    for name in ("notes.txt", "catalogue.json", "..%2Fsecret", "programmes"):
        assert client.get(f"/data/{name}").status_code == 404
    assert client.post("/data/programmes.csv").status_code == 405
