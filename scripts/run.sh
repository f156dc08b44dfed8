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

worker_pids=""
if scripts/services.sh start redis 2>/dev/null; then
  export CELERY_BROKER_URL="${CELERY_BROKER_URL:-redis://127.0.0.1:6379/0}"
  # A worker per queue, as in production (README, Running on several machines): periodic jobs with the one beat,
  # index sync, emails, and imports one at a time, so a long import or a slow mail server holds up nothing else.
  .venv/bin/celery -A skills_site worker -Q celery -n default@%h --beat --loglevel=INFO --concurrency=1 --schedule .cache/celerybeat-schedule > .cache/celery-worker.log 2>&1 &
  worker_pids="$!"
  for queue in index email; do
    .venv/bin/celery -A skills_site worker -Q "$queue" -n "$queue@%h" --loglevel=INFO --concurrency=1 > ".cache/celery-$queue.log" 2>&1 &
    worker_pids="$worker_pids $!"
  done
  .venv/bin/celery -A skills_site worker -Q imports -n imports@%h --loglevel=INFO --concurrency=1 --prefetch-multiplier=1 > .cache/celery-imports.log 2>&1 &
  worker_pids="$worker_pids $!"
  trap 'kill $worker_pids 2>/dev/null || true' EXIT
  echo "Celery workers started: periodic jobs (with beat), index sync, emails and imports (logs: .cache/celery-*.log)."
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
