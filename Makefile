# The two commands of the Quick start are `make run` and `make test`; the rest are their steps.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
export PYTHON := $(CURDIR)/$(PY)

# make test runs against the real services that scripts/services.sh starts on loopback.
TEST_ENV := DJANGO_SETTINGS_MODULE=skills_site.settings.test \
	DATABASE_URL=postgres://skills:skills@127.0.0.1:5432/skills \
	CELERY_BROKER_URL=redis://127.0.0.1:6379/1 \
	SEARCH_URL=http://127.0.0.1:9200

.PHONY: install assets messages services stop run test production-check lock

install: $(VENV)/.installed assets messages

$(VENV)/.installed: pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

assets: skills_site/static/build/site.css

skills_site/static/build/site.css: package-lock.json $(wildcard skills_site/frontend/*.scss) skills_site/frontend/build.mjs
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build

# The translations: .po files are committed, the .mo files Django reads are built from them (GNU gettext's msgfmt).
messages:
	scripts/services.sh gettext
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=search/engine

services: install
	scripts/services.sh start --install

stop:
	scripts/services.sh stop

run: install
	scripts/run.sh

test: install
	scripts/services.sh start --install
	scripts/services.sh browser
	$(TEST_ENV) $(PY) manage.py check
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports --no-cache
	$(PY) scripts/production_check.py
	$(TEST_ENV) $(PY) -m pytest

# The README's production recipe booted on loopback and read as an operator would (part of make test).
production-check: install
	scripts/services.sh start --install
	$(PY) scripts/production_check.py

# Refresh the pinned versions after changing pyproject.toml.
lock:
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m pip freeze --exclude-editable > constraints.txt
