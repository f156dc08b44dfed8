"""Every ORUK record's id: a UUID made from what the record is (its kind) and the primary keys it stands for.

HSDS 3.0 wants UUIDs that never change. Ours need no table: the first nine bytes are fixed for each kind (from
a UUID 5 of the kind in our own namespace) and the last seven hold the keys, so `/services/{id}` reads the
programme's key back out of the id. The layout is a version 8 ("custom") UUID, RFC 9562 section 5.8:
https://www.rfc-editor.org/rfc/rfc9562#section-5.8
"""

import uuid
from functools import cache

NAMESPACE = uuid.UUID("be178b03-268b-4899-9504-253ff82f3324")  # ours; never change it, or every id changes
PAYLOAD_BYTES = 7
PAIR_BITS = 28  # two keys share the payload: up to 268 million each


def _pack(keys: tuple[int, ...]) -> int:
    if len(keys) == 1:
        return keys[0]
    first, second = keys
    if not (0 <= first < 2**PAIR_BITS and 0 <= second < 2**PAIR_BITS):
        raise ValueError(f"Keys too large for a paired ORUK id: {keys}")
    return first << PAIR_BITS | second


@cache
def _prefix(kind: str) -> bytes:
    raw = bytearray(uuid.uuid5(NAMESPACE, kind).bytes[:9])
    raw[6] = (raw[6] & 0x0F) | 0x80  # version 8
    raw[8] = (raw[8] & 0x3F) | 0x80  # the RFC's variant
    return bytes(raw)


def record_id(kind: str, *keys: int) -> str:
    """The id of the `kind` record (e.g. "service") standing for one key, or a pair (service at a location)."""
    return str(uuid.UUID(bytes=_prefix(kind) + _pack(keys).to_bytes(PAYLOAD_BYTES, "big")))


def record_keys(kind: str, value: str, *, pair: bool = False) -> tuple[int, ...] | None:
    """The keys in an id of this kind, or None when the text is not one (another kind's id, or not a UUID)."""
    try:
        given = uuid.UUID(value).bytes
    except ValueError:
        return None
    if given[:9] != _prefix(kind):
        return None
    payload = int.from_bytes(given[9:], "big")
    if pair:
        return payload >> PAIR_BITS, payload & (2**PAIR_BITS - 1)
    return (payload,)
