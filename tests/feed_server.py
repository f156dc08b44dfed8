"""A real HTTPS server on 127.0.0.1 for the feed tests, with its own certificate authority made at test time.

Each test says what a path answers: a file (with ETag / Last-Modified, honouring conditional requests), a
redirect, a slow or dripping answer. Every request's path and headers are kept, to see what the fetcher sent."""

import datetime
import ipaddress
import json
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def make_certificates(directory: Path) -> tuple[Path, Path, Path]:
    """(the authority's certificate, the server's certificate, the server's key), for 127.0.0.1 and localhost."""
    now = datetime.datetime.now(datetime.UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("Feed tests authority"))
        .issuer_name(_name("Feed tests authority"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    server = (
        x509.CertificateBuilder()
        .subject_name(_name("localhost"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = directory / "ca.pem", directory / "server.pem", directory / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return paths


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        server = self.server.feeds
        server.requests.append((self.path, dict(self.headers)))
        answer = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])  # with its query first
        if answer is None:
            self.send_error(404)
            return
        answer(self)

    def log_message(self, format, *args):
        pass


class FeedServer:
    def __init__(self, directory: Path):
        self.ca, certificate, key = make_certificates(directory)
        self.routes, self.requests = {}, []
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.feeds = self
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certificate, key)
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"https://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def serve(self, path: str, body: bytes, *, etag: str = "", last_modified: str = "", content_type: str = "text/csv", declare_length: bool = True) -> None:
        """A file; a request whose If-None-Match or If-Modified-Since matches gets 304 Not Modified."""

        def answer(handler):
            if (etag and handler.headers.get("If-None-Match") == etag) or (
                last_modified and handler.headers.get("If-Modified-Since") == last_modified
            ):
                handler.send_response(304)
                handler.end_headers()
                return
            handler.send_response(200)
            handler.send_header("Content-Type", content_type)
            if etag:
                handler.send_header("ETag", etag)
            if last_modified:
                handler.send_header("Last-Modified", last_modified)
            if declare_length:
                handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)  # without a length, the body ends when the connection closes (HTTP/1.0)

        self.routes[path] = answer

    def serve_json(self, path: str, data) -> None:
        self.serve(path, json.dumps(data).encode(), content_type="application/json")

    def redirect(self, path: str, to: str) -> None:
        def answer(handler):
            handler.send_response(302)
            handler.send_header("Location", to)
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        self.routes[path] = answer

    def slow(self, path: str, *, wait: float) -> None:
        """Says nothing for `wait` seconds."""

        def answer(handler):
            time.sleep(wait)
            handler.send_response(200)
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        self.routes[path] = answer

    def drip(self, path: str, *, seconds: float) -> None:
        """Starts at once, then sends one byte every tenth of a second for `seconds`."""

        def answer(handler):
            handler.send_response(200)
            handler.end_headers()
            stop = time.monotonic() + seconds
            try:
                while time.monotonic() < stop:
                    handler.wfile.write(b"x")
                    handler.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass  # the fetcher gave up and closed the connection

        self.routes[path] = answer
