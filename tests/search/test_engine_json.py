"""The JSON the engine is sent and answers with is written and read by orjson (search.connection.EngineJSON), for
speed: what it writes must read exactly as opensearch-py's own serializer would have written it, so documents hold
the same money, dates and words whichever wrote them."""

import datetime
import uuid
from decimal import Decimal

from opensearchpy.serializer import JSONSerializer

from search.connection import EngineJSON


def test_documents_are_written_as_opensearch_py_writes_them():
    document = {
        "title": "Cyfrifiaduron i ddechreuwyr – کمپیوٹر",
        "cost_amount": Decimal("49.50"),
        "next_start": datetime.date(2027, 1, 11),
        "updated_at": datetime.datetime(2026, 12, 3, 18, 1, 2, 123456, tzinfo=datetime.timezone.utc),
        "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "free": True,
        "closing_date": None,
        "locations": [{"lat": 53.79, "lon": -1.54}],
        7: "a key that is not text",
    }

    assert EngineJSON().dumps(document) == JSONSerializer().dumps(document)


def test_bodies_already_encoded_are_sent_as_they_are():
    """The rebuild and the multi-search send newline-delimited bodies they encoded themselves."""
    assert EngineJSON().dumps(b'{"index":{}}\n{}\n') == b'{"index":{}}\n{}\n'
    assert EngineJSON().dumps('{"index":{}}\n') == '{"index":{}}\n'


def test_answers_read_as_the_standard_library_reads_them():
    answer = '{"hits":{"total":{"value":2},"hits":[{"_id":"programme-1","_score":1.5,"_source":{"title":"Ünïcode"}}]}}'
    assert EngineJSON().loads(answer) == JSONSerializer().loads(answer)
