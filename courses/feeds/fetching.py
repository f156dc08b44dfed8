"""Fetching a file from an address a provider gave us, safely: the server is someone else's, and so is the URL.

Only https:// is fetched, and only from hosts whose every address is public: a URL that names (or redirects to,
or resolves to) an address inside our own network is refused, so a feed cannot be used to reach our services
(server-side request forgery, https://owasp.org/www-community/attacks/Server_Side_Request_Forgery). The
connection goes to the address that was checked, so a second DNS answer cannot swap it. Each redirect is
checked the same way. A slow or endless answer stops at a timeout, a total deadline and a size limit.

Settings: FETCH_TIMEOUTS (connect, read, total seconds); FETCH_CA_BUNDLE (certificates to trust instead of the
system's: the tests' own authority); FETCH_ALLOW_LOOPBACK (the tests' local server; never on in production).
"""

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings

MAX_REDIRECTS = 3
CHUNK = 64 * 1024
REDIRECTS = {301, 302, 303, 307, 308}
USER_AGENT = "DigitalSkillsLeedsCityRegion-feed/1.0"


class FetchProblem(Exception):
    """The file could not be fetched; the message says why, for the provider."""


@dataclass(frozen=True)
class Fetched:
    changed: bool  # False: the server answered 304 Not Modified
    content: bytes
    etag: str
    last_modified: str
    url: str  # where the file was in the end, after any redirects


def _seconds(count: int) -> str:
    return f"{count} second{'s' if count != 1 else ''}"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def address_refusal(url: str) -> str:
    """Why this address cannot be fetched at all, or "" (the form says this before anything is fetched)."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "https":
        return "The address must start with https://, so the file cannot be changed on its way to us."
    if not parts.hostname:
        return "Enter the full address of the file, starting with https://"
    if parts.username or parts.password:
        return "Leave any user name and password out of the address: the file must be public."
    return ""


def _checked_address(host: str, port: int) -> str:
    """The host's address to connect to, once every address it has is known to be outside our network."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchProblem(f"We could not find the server {host}: check the address.") from None
    addresses = [ipaddress.ip_address(answer[4][0].split("%")[0]) for answer in answers]
    for address in addresses:
        mapped = getattr(address, "ipv4_mapped", None) or address
        if mapped.is_global:
            continue
        if mapped.is_loopback and settings.FETCH_ALLOW_LOOPBACK:
            continue
        raise FetchProblem(f"The server {host} is on a private network: give an address that anyone on the internet can reach.")
    return str(min(addresses, key=lambda address: address.version))  # IPv4 first: not every network routes IPv6


def _pool(url: str) -> tuple[urllib3.HTTPSConnectionPool, str]:
    parts = urlsplit(url)
    host, port = parts.hostname, parts.port or 443
    connect, read, _ = settings.FETCH_TIMEOUTS
    pool = urllib3.HTTPSConnectionPool(
        _checked_address(host, port),
        port,
        server_hostname=host,
        assert_hostname=host,
        cert_reqs="CERT_REQUIRED",
        ca_certs=settings.FETCH_CA_BUNDLE or None,
        timeout=urllib3.Timeout(connect=connect, read=read),
        retries=False,
        maxsize=1,
    )
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return pool, target


def fetch(url: str, *, max_bytes: int, etag: str = "", last_modified: str = "", accept: str = "*/*") -> Fetched:
    """GET the file at `url`, conditionally when `etag` or `last_modified` (from the last fetch) are given.

    Raises FetchProblem, saying what went wrong in plain English, for any answer but the file or 304."""
    connect, read, total = settings.FETCH_TIMEOUTS
    deadline = time.monotonic() + total
    headers = {"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    for _ in range(MAX_REDIRECTS + 1):
        refusal = address_refusal(url)
        if refusal:
            raise FetchProblem(refusal)
        pool, target = _pool(url)
        host = urlsplit(url).netloc
        try:
            response = pool.urlopen(
                "GET", target, headers={**headers, "Host": host}, redirect=False, preload_content=False, retries=False
            )
            try:
                if response.status in REDIRECTS:
                    location = response.headers.get("Location", "")
                    if not location:
                        raise FetchProblem(f"The server answered {response.status} but did not say where the file moved to.")
                    next_url = urljoin(url, location)
                    if urlsplit(next_url).scheme.lower() != "https":
                        raise FetchProblem("The address sent us on to one that does not start with https://, so we stopped.")
                    url = next_url
                    continue
                if response.status == 304:
                    return Fetched(False, b"", etag, last_modified, url)
                if response.status != 200:
                    raise FetchProblem(f"The server answered {response.status} ({response.reason}) instead of the file: check the address.")
                content = _read(response, max_bytes=max_bytes, deadline=deadline, total=total)
                return Fetched(True, content, response.headers.get("ETag", ""), response.headers.get("Last-Modified", ""), url)
            finally:
                response.release_conn()
        except (urllib3.exceptions.ConnectTimeoutError, urllib3.exceptions.NewConnectionError):
            raise FetchProblem(f"We could not connect to the server within {_seconds(connect)}: try again later.") from None
        except urllib3.exceptions.ReadTimeoutError:
            raise FetchProblem(f"The server stopped answering for more than {_seconds(read)}, so we gave up.") from None
        except urllib3.exceptions.SSLError:
            raise FetchProblem("The server's security certificate could not be checked, so we did not fetch the file.") from None
        except urllib3.exceptions.HTTPError:
            raise FetchProblem("The connection to the server failed part-way: try again later.") from None
        finally:
            pool.close()
    raise FetchProblem(f"The address redirected more than {MAX_REDIRECTS} times, so we stopped.")


def _read(response, *, max_bytes: int, deadline: float, total: int) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchProblem(f"The file is {_megabytes(int(declared))}: the most we take is {_megabytes(max_bytes)}.")
    parts, size = [], 0
    while chunk := response.read1(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchProblem(f"The file is bigger than the most we take, {_megabytes(max_bytes)}.")
        if time.monotonic() > deadline:
            raise FetchProblem(f"The file took longer than {_seconds(total)} to arrive, so we gave up.")
        parts.append(chunk)
    return b"".join(parts)
