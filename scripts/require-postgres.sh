#!/usr/bin/env bash
# Stop with a clear message unless the PostgreSQL server in $DATABASE_URL answers.
# The backend tests need PostgreSQL: search (pg_trgm), constraints and migrations are PostgreSQL-specific.
set -euo pipefail
url="${DATABASE_URL:?DATABASE_URL must be set}"
if "${PYTHON:-.venv/bin/python}" - "$url" <<'PY'
import sys
from urllib.parse import urlsplit

import psycopg

parts = urlsplit(sys.argv[1])
try:
    psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password,
        dbname="postgres",
        connect_timeout=3,
    ).close()
except psycopg.Error as exc:
    print(f"  {exc}".rstrip(), file=sys.stderr)
    sys.exit(1)
PY
then
  exit 0
fi
cat >&2 <<MSG

PostgreSQL is not reachable at ${url%%/*}//${url#*://} .
The backend tests run on PostgreSQL. Either:
  - start the local server:   pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start
  - or with Docker:           docker compose up -d db   (then DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/omnistock)
  - or point DATABASE_URL at any PostgreSQL 13+ server you can create databases on.
MSG
exit 1
