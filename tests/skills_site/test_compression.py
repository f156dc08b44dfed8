"""Production sends pages gzipped to browsers that ask for it, and plain to those that do not."""

import gzip

import pytest

from tests.skills_site.test_configuration import production_setting


@pytest.fixture(scope="module")
def production_middleware():
    """The middleware of the production settings, as they are read in production."""
    return production_setting("MIDDLEWARE")


def test_production_compresses_pages_but_leaves_static_files_to_whitenoise(production_middleware):
    gzip_at = production_middleware.index("django.middleware.gzip.GZipMiddleware")
    assert production_middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") < gzip_at


@pytest.mark.django_db
def test_a_page_arrives_gzipped_and_reads_the_same(client, settings, production_middleware):
    settings.MIDDLEWARE = production_middleware[:-1]  # without the Content Security Policy, tested on its own
    plain = client.get("/events/")
    compressed = client.get("/events/", HTTP_ACCEPT_ENCODING="gzip, br")

    assert plain.status_code == compressed.status_code == 200
    assert "Content-Encoding" not in plain.headers
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed.headers["Vary"]
    assert len(compressed.content) < len(plain.content) / 2
    assert "<h1" in gzip.decompress(compressed.content).decode()
