import pytest

from tests.feed_server import FeedServer


@pytest.fixture
def feed_server(tmp_path, settings):
    """A local HTTPS server the fetcher trusts (its authority is made for the test)."""
    server = FeedServer(tmp_path)
    settings.FETCH_CA_BUNDLE = str(server.ca)
    yield server
    server.stop()
