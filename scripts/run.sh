#!/usr/bin/env bash
# make run: the platform with demo data at http://127.0.0.1:8000 on the zero-setup SQLite database,
# with the search engine and a Celery worker where this machine can run them.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-skills_site.settings.dev}"

search_up=yes
if ! scripts/services.sh start search; then
  search_up=no
  echo "Search runs in basic mode: the OpenSearch node could not start here (it needs Java 17 and Maven)."
fi

worker_pid=""
if scripts/services.sh start redis 2>/dev/null; then
  export CELERY_BROKER_URL="${CELERY_BROKER_URL:-redis://127.0.0.1:6379/0}"
  .venv/bin/celery -A skills_site worker --beat --loglevel=INFO --concurrency=1 --schedule .cache/celerybeat-schedule > .cache/celery-worker.log 2>&1 &
  worker_pid=$!
  trap 'kill "$worker_pid" 2>/dev/null || true' EXIT
  echo "Celery worker with its periodic tasks started (log: .cache/celery-worker.log)."
else
  echo "Redis is not installed: background tasks run in-process."
fi

$PY manage.py migrate --noinput
if $PY manage.py help load_demo_data >/dev/null 2>&1; then
  $PY manage.py load_demo_data
fi
if [ "$search_up" = yes ]; then
  # A fresh index each time, so mapping changes in search/documents.py apply; development data may shrink freely.
  $PY manage.py search_index --rebuild --max-drop 1
fi
echo "Serving http://127.0.0.1:8000 (Ctrl+C to stop)."
$PY manage.py runserver 127.0.0.1:8000
