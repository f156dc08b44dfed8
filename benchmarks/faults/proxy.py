"""A small HTTP proxy in front of the real OpenSearch node that can misbehave on request: answer slowly, be
unreachable, or refuse a share of a bulk request's items with 429 as a busy node does.

Everything it forwards reaches the real engine; only the faults are made up. The fault-injection tests and
`python -m benchmarks.faults` point SEARCH_URL at it.

    with EngineProxy("http://127.0.0.1:9200") as proxy:
        proxy.delay = 4.0               # every answer 4 s late
        proxy.down = True               # connections are closed without an answer
        proxy.bulk_busy_share = 0.3     # 30% of bulk items answered 429 and not sent on
"""

import http.client
import json
import random
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

BUSY = {"type": "es_rejected_execution_exception", "reason": "rejected execution (injected by the fault proxy)"}


class EngineProxy:
    def __init__(self, upstream: str, *, seed: int = 7):
        self.upstream = urlsplit(upstream)
        self.delay = 0.0
        self.down = False
        self.bulk_busy_share = 0.0
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.requests = 0
        self.busy_items = 0
        self.server = _QuietServer(("127.0.0.1", 0), _handler_for(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> "EngineProxy":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def heal(self) -> None:
        self.delay, self.down, self.bulk_busy_share = 0.0, False, 0.0

    def forward(self, method: str, path: str, headers: dict, body: bytes) -> tuple[int, list, bytes]:
        connection = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port, timeout=120)
        try:
            connection.request(method, path, body=body or None, headers=headers)
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            connection.close()

    def bulk(self, path: str, headers: dict, body: bytes) -> tuple[int, list, bytes]:
        """Send on the items not chosen to be busy; answer for all of them in their order."""
        items = _bulk_items(body)
        with self.lock:
            busy = {number for number in range(len(items)) if self.random.random() < self.bulk_busy_share}
            self.busy_items += len(busy)
        sent = [item for number, item in enumerate(items) if number not in busy]
        answers = iter([])
        status, response_headers = 200, [("content-type", "application/json")]
        if sent:
            status, response_headers, raw = self.forward("POST", path, headers, b"".join(line for item in sent for line in item))
            if status != 200:
                return status, response_headers, raw
            answers = iter(json.loads(raw)["items"])
        merged = []
        for number, item in enumerate(items):
            if number in busy:
                operation, meta = next(iter(json.loads(item[0]).items()))
                merged.append({operation: {"_index": meta.get("_index"), "_id": meta.get("_id"), "status": 429, "error": BUSY}})
            else:
                merged.append(next(answers))
        body = json.dumps({"took": 1, "errors": any("error" in next(iter(m.values())) for m in merged), "items": merged})
        return 200, [("content-type", "application/json")], body.encode()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that gave up on a slow answer closed its end: expected here, not news


def _bulk_items(body: bytes) -> list[list[bytes]]:
    """A bulk body as items: an action line, with its source line unless it deletes."""
    lines = [line + b"\n" for line in body.split(b"\n") if line.strip()]
    items, position = [], 0
    while position < len(lines):
        action = lines[position]
        operation = next(iter(json.loads(action)))
        width = 1 if operation == "delete" else 2
        items.append(lines[position : position + width])
        position += width
    return items


def _handler_for(proxy: EngineProxy):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # quiet: the tests say what matters
            pass

        def _answer(self):
            with proxy.lock:
                proxy.requests += 1
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            if proxy.down:
                # As a dead node looks to a client: the connection ends without an answer.
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if proxy.delay:
                time.sleep(proxy.delay)
            headers = {name: value for name, value in self.headers.items() if name.lower() not in {"host", "content-length"}}
            if proxy.bulk_busy_share and self.command in {"POST", "PUT"} and urlsplit(self.path).path.endswith("/_bulk"):
                status, response_headers, raw = proxy.bulk(self.path, headers, body)
            else:
                status, response_headers, raw = proxy.forward(self.command, self.path, headers, body)
            self.send_response(status)
            for name, value in response_headers:
                if name.lower() not in {"content-length", "transfer-encoding", "connection"}:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(raw)

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer

    return Handler
