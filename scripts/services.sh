#!/usr/bin/env bash
# Start, stop or report the three services the platform uses in development and CI:
# PostgreSQL and Redis from Debian's packages, and the embedded OpenSearch node (search/engine).
#   scripts/services.sh start [--install] [postgres] [redis] [search]   (no names: all three)
#   scripts/services.sh stop | status
#   scripts/services.sh browser          (Debian's Chromium for the browser tests; installs it when missing)
#   scripts/services.sh gettext          (GNU gettext's msgfmt, which compiles the translations; installs it when missing)
# --install: apt-get install PostgreSQL and Redis when they are missing (make test and CI use it).
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT="${PG_PORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"
DB_NAME=skills DB_USER=skills DB_PASSWORD=skills   # a local, loopback-only development database
CACHE_DIR="$PWD/.cache"
PYTHON="${PYTHON:-python3}"
mkdir -p "$CACHE_DIR"

say() { printf '%s\n' "$*"; }

apt_install() {
  if [ "$(id -u)" != 0 ]; then say "Cannot install $* without root: install it and run again." >&2; return 1; fi
  if [ ! -f "$CACHE_DIR/apt-updated" ]; then apt-get update -qq && touch "$CACHE_DIR/apt-updated"; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_cluster() { pg_lsclusters --no-header 2>/dev/null | awk 'NR==1 {print $1, $2}'; }

start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null || [ -z "$(pg_cluster)" ]; then
    [ "$INSTALL" = 1 ] || { say "PostgreSQL is not installed (make test installs it)." >&2; return 1; }
    apt_install postgresql
  fi
  read -r version name <<<"$(pg_cluster)"
  if ! pg_ctlcluster "$version" "$name" status >/dev/null 2>&1; then
    pg_ctlcluster "$version" "$name" start
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break; sleep 1; done
  runuser -u postgres -- psql -q -p "$PG_PORT" -tc "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'" | grep -q 1 ||
    runuser -u postgres -- psql -q -p "$PG_PORT" -c "CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'"
  runuser -u postgres -- psql -q -p "$PG_PORT" -tc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" | grep -q 1 ||
    runuser -u postgres -- createdb -p "$PG_PORT" -O "$DB_USER" "$DB_NAME"
  say "PostgreSQL: postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME"
}

start_redis() {
  if ! command -v redis-server >/dev/null; then
    [ "$INSTALL" = 1 ] || { say "Redis is not installed (make test installs it)." >&2; return 1; }
    apt_install redis-server
  fi
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
      --pidfile "$CACHE_DIR/redis.pid" --logfile "$CACHE_DIR/redis.log" --dir "$CACHE_DIR"
    for _ in $(seq 1 20); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.5; done
  fi
  say "Redis: redis://127.0.0.1:$REDIS_PORT/0"
}

start_search() { "$PYTHON" search/engine/node.py start; }

# The browser tests drive the system Chromium through Playwright (`playwright install` is never used).
ensure_browser() {
  if [ ! -x /usr/bin/chromium ]; then apt_install chromium; fi
  say "Chromium: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
}

ensure_gettext() {
  if ! command -v msgfmt >/dev/null; then apt_install gettext; fi
}

stop_all() {
  "$PYTHON" search/engine/node.py stop || true
  if [ -f "$CACHE_DIR/redis.pid" ]; then redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; fi
  if command -v pg_ctlcluster >/dev/null && [ -n "$(pg_cluster)" ]; then
    read -r version name <<<"$(pg_cluster)"
    pg_ctlcluster "$version" "$name" stop 2>/dev/null || true
  fi
  say "Stopped PostgreSQL, Redis and OpenSearch."
}

status_all() {
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null && say "PostgreSQL: up" || say "PostgreSQL: down"
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && say "Redis: up" || say "Redis: down"
  "$PYTHON" search/engine/node.py status || true
}

command="${1:-status}"; shift || true
INSTALL=0
services=()
for arg in "$@"; do
  case "$arg" in
    --install) INSTALL=1 ;;
    postgres|redis|search) services+=("$arg") ;;
    *) say "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
[ ${#services[@]} -gt 0 ] || services=(postgres redis search)

case "$command" in
  start) for service in "${services[@]}"; do "start_$service"; done ;;
  stop) stop_all ;;
  status) status_all ;;
  browser) ensure_browser ;;
  gettext) ensure_gettext ;;
  *) say "usage: $0 start [--install] [postgres|redis|search]... | stop | status | browser | gettext" >&2; exit 2 ;;
esac
