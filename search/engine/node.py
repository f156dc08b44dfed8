#!/usr/bin/env python3
"""Run a real single-node OpenSearch (from Maven Central jars) for development and CI, or a cluster of several
nodes on loopback for failover tests and benchmarks.

    python3 search/engine/node.py build|start|stop|status
    python3 search/engine/node.py cluster start|stop|status [--nodes 3] [--http-port 9250] [--transport-port 9350]
                                                            [--heap 512m] [--home DIR]

Environment (single node):
    SEARCH_URL                   http://127.0.0.1:9200 by default; the host must be loopback
    SEARCH_ENGINE_HOME           cache folder, <repo>/.cache/opensearch by default
    SEARCH_ENGINE_START_TIMEOUT  seconds to wait for the node to turn yellow, 180 by default
    SEARCH_ENGINE_HEAP           the JVM heap, 1g by default (the million-item benchmark wants more)

Exit codes: 0 ok, 1 failed / down, 2 bad configuration, 3 java or mvn missing (use basic mode).
Standard library only, so it runs before any virtualenv exists.
"""

import argparse
import dataclasses
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
    if "," in url:
        raise NodeError("SEARCH_URL names several nodes; this command runs one (node.py cluster start runs several)", EXIT_CONFIG)
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


def launch(home, http_port, transport_port=None, *, heap="1g", properties=None, jvm_options=()):
    """Start a node in the background; `properties` (system properties) make it one node of a cluster."""
    java = require("java")
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    classpath = os.pathsep.join([str(TARGET / "classes"), str(TARGET / "dependency" / "*")])
    options = [f"-D{name}={value}" for name, value in (properties or {}).items()]
    command = [
        java, f"-Xms{heap}", f"-Xmx{heap}", f"-Djava.io.tmpdir={home / 'tmp'}", *jvm_options, *options,
        "-cp", classpath, MAIN_CLASS, str(home), str(http_port), str(transport_port or http_port + 100),
    ]
    with open(home / "node.log", "w") as log:
        process = subprocess.Popen(
            command, cwd=home, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    (home / "node.pid").write_text(f"{process.pid}\n")
    return process


# --- a cluster on loopback ----------------------------------------------------------------------
# Several nodes, each its own JVM with its own home, ports and heap, finding each other through their transport
# ports. For the failover test (tests/search/test_cluster.py) and benchmark (benchmarks/cluster_failover.py).


@dataclasses.dataclass(frozen=True)
class ClusterNode:
    name: str
    home: Path
    http_port: int
    transport_port: int

    @property
    def url(self):
        return f"http://127.0.0.1:{self.http_port}"


@dataclasses.dataclass(frozen=True)
class Cluster:
    name: str
    nodes: tuple
    heap: str = "512m"
    # Tests and benchmarks set this, so a run that is killed leaves no JVM behind (the node watches its parent).
    exit_with_parent: bool = False
    jvm_options: tuple = ()

    @property
    def search_url(self):
        """The value of SEARCH_URL that names every node."""
        return ",".join(node.url for node in self.nodes)

    def properties(self, node):
        return {
            "search.cluster.name": self.name,
            "search.node.name": node.name,
            "search.seed.hosts": ",".join(f"127.0.0.1:{other.transport_port}" for other in self.nodes),
            "search.initial.cluster.managers": ",".join(other.name for other in self.nodes),
            "search.exit.with.parent": str(self.exit_with_parent).lower(),
        }


def cluster_layout(home, *, nodes=3, http_port=9250, transport_port=9350, name="skills-cluster", heap="512m", exit_with_parent=False):
    """Node i (from 1) gets home/node-i, http_port + i - 1 and transport_port + i - 1."""
    home = Path(home).resolve()
    members = tuple(
        ClusterNode(f"{name}-{number}", home / f"node-{number}", http_port + number - 1, transport_port + number - 1)
        for number in range(1, nodes + 1)
    )
    return Cluster(name, members, heap, exit_with_parent)


def node_start(cluster, node):
    """Start one node of the cluster (again), keeping its data: it rejoins and recovers its shards."""
    if read_pid(node.home) is not None:
        raise NodeError(f"{node.name} is running already (pid file in {node.home})")
    for port in (node.http_port, node.transport_port):
        if port_open("127.0.0.1", port):
            raise NodeError(f"Port {port} for {node.name} is in use; choose other ports (--http-port, --transport-port)")
    node.home.mkdir(parents=True, exist_ok=True)
    return launch(
        node.home, node.http_port, node.transport_port,
        heap=cluster.heap, properties=cluster.properties(node), jvm_options=cluster.jvm_options,
    )


def node_kill(node):
    """SIGKILL the node's JVM, as a lost machine or the OOM killer would: no clean shutdown, no goodbye."""
    pid = read_pid(node.home)
    if pid is None:
        return
    os.kill(pid, signal.SIGKILL)
    # The kernel releases a dying process's memory (and so its command line) before its sockets: wait for both.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (
        read_pid(node.home) == pid or port_open("127.0.0.1", node.http_port) or port_open("127.0.0.1", node.transport_port)
    ):
        time.sleep(0.05)
    (node.home / "node.pid").unlink(missing_ok=True)


def wait_for_health(url, *, status="green", nodes=None, timeout=180.0, alive=lambda: True, what="the cluster"):
    """Poll url's cluster health until it reaches `status` (and has `nodes` nodes); the answer, or NodeError."""
    wanted = {"green": {"green"}, "yellow": {"yellow", "green"}}[status]
    query = f"wait_for_status={status}&timeout=1s" + (f"&wait_for_nodes={nodes}" if nodes else "")
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if not alive():
            raise NodeError(f"A node of {what} exited while waiting for {status}")
        body = get_json(f"{url}/_cluster/health?{query}", timeout=3.0)
        if body and body.get("status") in wanted and (nodes is None or body.get("number_of_nodes") == nodes):
            return body
        time.sleep(0.2)
    raise NodeError(f"{what} did not reach {status}{f' with {nodes} nodes' if nodes else ''} within {timeout:.0f} s")


def cluster_start(cluster, *, timeout=None):
    """Start every node (in parallel: they need each other to elect a cluster manager) and wait for green."""
    build()
    timeout = timeout or float(os.environ.get("SEARCH_ENGINE_START_TIMEOUT", "180"))
    started = time.monotonic()
    processes = [node_start(cluster, node) for node in cluster.nodes]
    try:
        wait_for_health(
            cluster.nodes[0].url, nodes=len(cluster.nodes), timeout=timeout,
            alive=lambda: all(process.poll() is None for process in processes), what=f"cluster {cluster.name}",
        )
    except NodeError:
        for node in cluster.nodes:
            print(f"--- {node.name} ---\n{log_tail(node.home, 15)}", file=sys.stderr)
        cluster_stop(cluster)
        raise
    return time.monotonic() - started


def cluster_stop(cluster):
    """Stop every node that is running (SIGTERM, then SIGKILL after a while)."""
    for node in cluster.nodes:
        pid = read_pid(node.home)
        if pid is not None:
            stop_pid(node.home, pid, wait=20.0)


def cluster_from_args(args):
    home = args.home or REPO_DIR / ".cache" / "opensearch-cluster"
    return cluster_layout(home, nodes=args.nodes, http_port=args.http_port, transport_port=args.transport_port, heap=args.heap)


def cmd_cluster(args):
    cluster = cluster_from_args(args)
    if args.action == "start":
        running = [node.name for node in cluster.nodes if read_pid(node.home) is not None]
        if running:
            raise NodeError(f"{', '.join(running)} already running; stop the cluster first (node.py cluster stop)")
        seconds = cluster_start(cluster)
        print(f"OpenSearch cluster {cluster.name}: {len(cluster.nodes)} nodes green in {seconds:.1f} s")
        print(f"SEARCH_URL={cluster.search_url}")
        return 0
    if args.action == "stop":
        cluster_stop(cluster)
        print(f"OpenSearch cluster {cluster.name} stopped")
        return 0
    up = 0
    for node in cluster.nodes:
        version = opensearch_version(node.url)
        up += bool(version)
        print(f"{node.name}: {'up' if version else 'down'} at {node.url}")
    return 0 if up == len(cluster.nodes) else 1


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
        process = launch(home, port, heap=os.environ.get("SEARCH_ENGINE_HEAP", "1g"))
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
    cluster_parser = commands.add_parser("cluster", help="start, stop or report a cluster of several nodes on loopback")
    cluster_parser.add_argument("action", choices=["start", "stop", "status"])
    cluster_parser.add_argument("--nodes", type=int, default=3)
    cluster_parser.add_argument("--http-port", type=int, default=9250, help="the first node's; the others follow")
    cluster_parser.add_argument("--transport-port", type=int, default=9350, help="the first node's; the others follow")
    cluster_parser.add_argument("--heap", default="512m", help="each node's JVM heap")
    cluster_parser.add_argument("--home", type=Path, help="folder of the nodes' homes (.cache/opensearch-cluster)")
    cluster_parser.set_defaults(func=cmd_cluster)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except NodeError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.code


if __name__ == "__main__":
    sys.exit(main())
