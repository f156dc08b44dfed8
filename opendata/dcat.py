"""The catalogue as DCAT in JSON-LD (https://www.w3.org/TR/vocab-dcat-3/), for data portals to harvest: Data Mill
North's CKAN reads it with ckanext-dcat (https://github.com/ckan/ckanext-dcat)."""

from django.urls import reverse

from publishing.models import OPEN_LICENCE_URL

from .selectors import PUBLISHER, PublishedDataset

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
DAILY = "http://purl.org/cld/freq/daily"
SHA256 = "http://spdx.org/rdf/terms#checksumAlgorithm_sha256"


def _publisher(request) -> dict:
    return {"@id": request.build_absolute_uri("/"), "@type": "foaf:Organization", "foaf:name": PUBLISHER}


def _distribution(request, published: PublishedDataset, file) -> dict:
    url = request.build_absolute_uri(reverse("opendata:file", kwargs={"filename": file.filename}))
    return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": f"{published.dataset.title} ({file.format})",
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": file.media_type,
        "dct:format": file.format,
        "dcat:byteSize": {"@value": file.bytes, "@type": "xsd:nonNegativeInteger"},
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {"@id": SHA256},
            "spdx:checksumValue": file.sha256,
        },
        "dct:license": {"@id": OPEN_LICENCE_URL},
        "dct:modified": {"@value": published.modified.isoformat(), "@type": "xsd:dateTime"},
    }


def catalogue_json_ld(request, datasets: list[PublishedDataset]) -> dict:
    catalogue_url = request.build_absolute_uri(reverse("opendata:catalogue"))
    modified = max((published.modified for published in datasets), default=None)
    catalogue = {
        "@context": CONTEXT,
        "@id": request.build_absolute_uri(reverse("opendata:catalogue_json_ld")),
        "@type": "dcat:Catalog",
        "dct:title": f"{PUBLISHER}: open data",
        "dct:description": (
            "Courses, apprenticeship vacancies, sponsored opportunities, the providers and employers behind them, "
            "and what residents searched for, in the Leeds City Region. Updated every night."
        ),
        "dct:publisher": _publisher(request),
        "dct:license": {"@id": OPEN_LICENCE_URL},
        "dct:language": {"@id": "http://id.loc.gov/vocabulary/iso639-1/en"},
        "foaf:homepage": {"@id": catalogue_url},
        "dcat:dataset": [
            {
                "@id": f"{catalogue_url}#{published.dataset.name}",
                "@type": "dcat:Dataset",
                "dct:identifier": published.dataset.name,
                "dct:title": published.dataset.title,
                "dct:description": " ".join((published.dataset.description, *published.dataset.notes)),
                "dct:publisher": _publisher(request),
                "dct:license": {"@id": OPEN_LICENCE_URL},
                "dct:modified": {"@value": published.modified.isoformat(), "@type": "xsd:dateTime"},
                "dct:accrualPeriodicity": {"@id": DAILY},
                "dct:spatial": "Leeds City Region",
                "dcat:landingPage": {"@id": f"{catalogue_url}#{published.dataset.name}"},
                "dcat:distribution": [_distribution(request, published, file) for file in published.files],
            }
            for published in datasets
        ],
    }
    if modified is not None:
        catalogue["dct:modified"] = {"@value": modified.isoformat(), "@type": "xsd:dateTime"}
    return catalogue
