#!/usr/bin/env python3
"""Run a real single-node OpenSearch (from Maven Central jars) for development and CI.

    python3 search/engine/node.py build|start|stop|status

Environment:
    SEARCH_URL                   http://127.0.0.1:9200 by default; the host must be loopback
    SEARCH_ENGINE_HOME           cache folder, <repo>/.cache/opensearch by default
    SEARCH_ENGINE_START_TIMEOUT  seconds to wait for the node to turn yellow, 180 by default

Exit codes: 0 ok, 1 failed / down, 2 bad configuration, 3 java or mvn missing (use basic mode).
Standard library only, so it runs before any virtualenv exists.
"""

import argparse
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ENGINE_DIR = Path(__file__).resolve().parent
REPO_DIR = ENGINE_DIR.parent.parent
TARGET = ENGINE_DIR / "target"
STAMP = TARGET / "build.sha256"
MAIN_CLASS = "uk.org.lcr.skills.search.EmbeddedNode"
LOOPBACK = {"127.0.0.1", "localhost"}
EXIT_FAILED, EXIT_CONFIG, EXIT_NO_TOOLS = 1, 2, 3


class NodeError(Exception):
    """The embedded node could not be set up, started or stopped (not a refused search request: connection.EngineError)."""

    def __init__(self, message, code=EXIT_FAILED):
        super().__init__(message)
        self.code = code


# --- settings ---------------------------------------------------------------------------------

def search_url():
    url = os.environ.get("SEARCH_URL", "http://127.0.0.1:9200").rstrip("/")
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise NodeError(f"SEARCH_URL must look like http://127.0.0.1:9200, not {url!r}", EXIT_CONFIG)
    return url, parts.hostname, parts.port or 9200


def cache_dir():
    return Path(os.environ.get("SEARCH_ENGINE_HOME") or REPO_DIR / ".cache" / "opensearch").resolve()


# --- HTTP -------------------------------------------------------------------------------------

def get_json(url, timeout=5.0):
    """GET url and return the decoded JSON body, or None if nothing usable answered."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return json.load(response)
    except (OSError, ValueError):  # URLError, HTTPError (e.g. 408 from health), timeouts, bad JSON
        return None


def opensearch_version(url):
    """The version of the OpenSearch answering at url, or None."""
    body = get_json(url + "/", timeout=2.0)
    version = body.get("version", {}) if isinstance(body, dict) else {}
    return version.get("number") if version.get("distribution") == "opensearch" else None


def port_open(host, port):
    try:
        with socket.create_connection((host, port), timeout=1.0):
            return True
    except OSError:
        return False


# --- build ------------------------------------------------------------------------------------

def sources_hash():
    digest = hashlib.sha256()
    for path in [ENGINE_DIR / "pom.xml", *sorted((ENGINE_DIR / "src").rglob("*.java"))]:
        digest.update(str(path.relative_to(ENGINE_DIR)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def is_built():
    return (
        STAMP.is_file()
        and STAMP.read_text().strip() == sources_hash()
        and any((TARGET / "dependency").glob("opensearch-*.jar"))
    )


def require(tool):
    path = shutil.which(tool)
    if not path:
        raise NodeError(f"{tool} not found on PATH: the OpenSearch engine needs Java 17 and Maven", EXIT_NO_TOOLS)
    return path


def build(force=False):
    if not force and is_built():
        return False
    mvn = require("mvn")
    require("java")
    # clean, so a version bump never leaves two OpenSearch versions in target/dependency.
    goals = ["clean", "package", "dependency:copy-dependencies", "-DincludeScope=runtime"]
    base = [mvn, "-q", "-B", "-f", str(ENGINE_DIR / "pom.xml")]
    # Once the jars have been fetched, try offline first; fall back online if the pom needs new artifacts.
    attempts = [base + ["-o"], base] if (TARGET / "dependency").is_dir() else [base]
    note = "" if len(attempts) > 1 else " (the first build downloads ~90 MB from Maven Central)"
    print(f"Building the OpenSearch engine{note}...", flush=True)
    for attempt in attempts:
        result = subprocess.run(attempt + goals, cwd=ENGINE_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode == 0:
            STAMP.write_text(sources_hash() + "\n")
            return True
    sys.stdout.write(result.stdout[-4000:])
    raise NodeError("Maven build of search/engine failed (output above)")


# --- process ----------------------------------------------------------------------------------

def command_line(pid):
    """The argv of a live process, [] if gone (or a zombie)."""
    try:
        if Path("/proc/self").is_dir():
            return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")[:-1]
        return subprocess.run(["ps", "-o", "command=", "-p", str(pid)], capture_output=True, text=True).stdout.split()
    except OSError:
        return []


def read_pid(home):
    """The pid in node.pid if that process is alive and is our node (guards against recycled pids), else None."""
    try:
        pid = int((home / "node.pid").read_text())
    except (OSError, ValueError):
        return None
    return pid if MAIN_CLASS in command_line(pid) else None


def log_tail(home, lines=40):
    try:
        text = (home / "node.log").read_text(errors="replace").splitlines()[-lines:]
    except OSError:
        return "(no node.log)"
    return "\n".join(text)


def stop_pid(home, pid, wait=30.0):
    for sig, seconds in ((signal.SIGTERM, wait), (signal.SIGKILL, 5.0)):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and read_pid(home) == pid:
            time.sleep(0.2)
        if read_pid(home) != pid:
            break
    (home / "node.pid").unlink(missing_ok=True)


def launch(home, http_port):
    java = require("java")
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    classpath = os.pathsep.join([str(TARGET / "classes"), str(TARGET / "dependency" / "*")])
    command = [
        java, "-Xms1g", "-Xmx1g", f"-Djava.io.tmpdir={home / 'tmp'}",
        "-cp", classpath, MAIN_CLASS, str(home), str(http_port), str(http_port + 100),
    ]
    with open(home / "node.log", "w") as log:
        process = subprocess.Popen(
            command, cwd=home, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    (home / "node.pid").write_text(f"{process.pid}\n")
    return process


# --- commands ---------------------------------------------------------------------------------

def cmd_build(args):
    print("OpenSearch engine built" if build(force=args.force) else "OpenSearch engine is up to date")
    return 0


def cmd_start(args):
    url, host, port = search_url()
    version = opensearch_version(url)
    if version:
        # Something answers: use it only if it is healthy, so a broken node never passes for a working one.
        body = get_json(f"{url}/_cluster/health?wait_for_status=yellow&timeout=30s", timeout=35.0)
        if body and body.get("status") in ("yellow", "green"):
            print(f"OpenSearch already running at {url}")
            return 0
        raise NodeError(
            f"An OpenSearch node answers at {url} but its cluster is not healthy ({(body or {}).get('status', 'no status')}); "
            f"stop it (python3 search/engine/node.py stop, or the process on that port) and start again"
        )
    if host not in LOOPBACK:
        raise NodeError(f"SEARCH_URL host {host!r} is not loopback; the embedded node only serves 127.0.0.1", EXIT_CONFIG)
    home = cache_dir()
    home.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    pid = read_pid(home)
    process = None
    if pid is not None:  # a node of ours is still starting: wait for it instead of racing it
        node_port = int(command_line(pid)[-2])  # argv ends: MAIN_CLASS home http_port transport_port
        if node_port != port:
            raise NodeError(f"The node in {home} (pid {pid}) serves port {node_port}, not {port}; stop it first")
    else:
        if port_open(host, port):
            raise NodeError(f"Port {port} is in use by something that is not OpenSearch; free it or change SEARCH_URL")
        build()
        process = launch(home, port)
        pid = process.pid
        started = time.monotonic()

    timeout = float(os.environ.get("SEARCH_ENGINE_START_TIMEOUT", "180"))
    health = f"{url}/_cluster/health?wait_for_status=yellow&timeout=2s"
    while time.monotonic() - started < timeout:
        alive = process.poll() is None if process else read_pid(home) == pid
        if not alive:
            (home / "node.pid").unlink(missing_ok=True)
            print(log_tail(home), file=sys.stderr)
            raise NodeError(f"OpenSearch exited during start-up (log above, full log in {home / 'node.log'})")
        body = get_json(health, timeout=5.0)
        if body and body.get("status") in ("yellow", "green"):
            print(f"OpenSearch {opensearch_version(url)} running at {url} (pid {pid}, {time.monotonic() - started:.1f} s)")
            return 0
        time.sleep(0.5)

    print(log_tail(home), file=sys.stderr)
    stop_pid(home, pid, wait=10.0)
    raise NodeError(
        f"OpenSearch did not reach yellow within {timeout:.0f} s and was stopped "
        f"(log above; raise SEARCH_ENGINE_START_TIMEOUT if the machine is slow)"
    )


def cmd_stop(args):
    home = cache_dir()
    pid = read_pid(home)
    if pid is None:
        (home / "node.pid").unlink(missing_ok=True)
        url = search_url()[0]
        extra = f" (but an OpenSearch this script did not start answers at {url})" if opensearch_version(url) else ""
        print(f"OpenSearch not running{extra}")
        return 0
    stop_pid(home, pid)
    print(f"OpenSearch stopped (pid {pid})")
    return 0


def cmd_status(args):
    url = search_url()[0]
    version = opensearch_version(url)
    print(f"OpenSearch {version} up at {url}" if version else f"OpenSearch down at {url}")
    return 0 if version else 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="compile the launcher and fetch the jars if needed")
    build_parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    build_parser.set_defaults(func=cmd_build)
    commands.add_parser("start", help="start the node (idempotent)").set_defaults(func=cmd_start)
    commands.add_parser("stop", help="stop the node (idempotent)").set_defaults(func=cmd_stop)
    commands.add_parser("status", help="exit 0 if OpenSearch answers at SEARCH_URL").set_defaults(func=cmd_status)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except NodeError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.code


if __name__ == "__main__":
    sys.exit(main())
