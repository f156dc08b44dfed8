"""Web addresses that take residents to other sites: is one safe, and which host does a browser go to?

The portal forms, the automated checks and the apply buttons all ask `browser_host()`, so they cannot
disagree. Browsers read addresses by the WHATWG URL Standard (https://url.spec.whatwg.org/), which is more
forgiving than Python's urlsplit: a backslash counts as a slash, so for `https://evil.example\\@leeds.gov.uk/`
a browser goes to evil.example while urlsplit reports leeds.gov.uk. Rather than copy every leniency we
refuse what lets the two readings differ (backslashes, a name or password before an @, spaces, control and
invisible characters, schemes other than http and https), and read the host as browsers do: percent-decoded,
internationalised names in their ASCII form (UTS #46), numbers as an IPv4 address.
"""

import ipaddress
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote_to_bytes, urlsplit

import idna
from django.core.exceptions import ValidationError

DATA = Path(__file__).resolve().parent / "data"

_SCHEME = re.compile(r"(?i)https?://")
_DOMAIN = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*")
_NUMBER = re.compile(r"(?i)0x[0-9a-f]*|[0-9]+")


class UnsafeURL(ValueError):
    """The address is refused; the message says why in words for the person who typed it."""


def browser_host(url: str) -> str:
    """The host a browser goes to for `url`, lower case and in ASCII; UnsafeURL if we refuse the address."""
    if "\\" in url:
        raise UnsafeURL("The web address has a backslash (\\) in it. Copy the address from your browser's address bar.")
    if any(unicodedata.category(character)[0] in "CZ" for character in url):
        raise UnsafeURL("The web address has a space or an invisible character in it. Remove it, or copy the address from your browser's address bar.")
    scheme = _SCHEME.match(url)
    if not scheme:
        raise UnsafeURL("The web address must start with https:// (or http://).")
    authority = re.split(r"[/?#]", url[scheme.end() :], maxsplit=1)[0]
    if "@" in authority:
        raise UnsafeURL("The web address has a name or password before an @. Give the address of the page itself.")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (reading it checks it is a number in range)
        host = unquote_to_bytes(parts.hostname or "").decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        raise UnsafeURL("This is not a web address we can read.") from None
    if ":" in host:  # an IPv6 address, which urlsplit gives without its brackets
        try:
            return f"[{ipaddress.IPv6Address(host).compressed}]"
        except ValueError:
            raise UnsafeURL("This is not a web address we can read.") from None
    host = _ascii_domain(host)
    return _ipv4(host) or host


def _ascii_domain(host: str) -> str:
    host = host.lower().rstrip(".")
    if not host.isascii():
        try:
            host = idna.encode(host, uts46=True).decode("ascii")  # non-transitional, as browsers map names
        except idna.IDNAError:
            raise UnsafeURL("The web address has a site name we cannot read.") from None
    if not _DOMAIN.fullmatch(host):
        raise UnsafeURL("The web address has a site name we cannot read.")
    return host


def _ipv4(host: str) -> str | None:
    """A host whose last part is a number is an IPv4 address to a browser: "0x7f.1" is 127.0.0.1."""
    parts = host.split(".")
    if not _NUMBER.fullmatch(parts[-1]):
        return None
    try:
        numbers = [_ipv4_number(part) for part in parts]
        if len(numbers) > 4 or any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
            raise ValueError
    except ValueError:
        raise UnsafeURL("The web address has a number where a site name should be that is not an address.") from None
    value = numbers[-1] + sum(n * 256 ** (3 - i) for i, n in enumerate(numbers[:-1]))
    return str(ipaddress.IPv4Address(value))


def _ipv4_number(part: str) -> int:
    if part[:2].lower() == "0x":
        return int(part[2:] or "0", 16)
    if len(part) > 1 and part.startswith("0"):
        return int(part, 8)
    return int(part, 10)


def validate_external_url(value: str) -> None:
    """Form validator for every web address a member gives."""
    try:
        browser_host(value)
    except UnsafeURL as error:
        raise ValidationError(str(error), code="unsafe_url") from None


# Where links may go -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def known_link_domains() -> tuple[str, ...]:
    lines = (DATA / "link_domains.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#"))


def is_within(host: str, domains) -> bool:
    """The host is one of the domains or a subdomain of one."""
    return any(host == domain or host.endswith(f".{domain}") for domain in domains if domain)


def is_known_host(host: str) -> bool:
    """On the allow list (data/link_domains.txt): residents go straight there from an apply button."""
    return is_within(host, known_link_domains())
