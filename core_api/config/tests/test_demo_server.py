"""`make run` holds a bounded number of database connections (issue 10, §1).

The demo used to be served by runserver, which starts a thread, and with it a
persistent connection, per request: a few hundred requests on PostgreSQL
exhausted `max_connections`. This test serves the app exactly as `make run`
does (scripts/serve-demo.sh) on a free port against the test database, drives
600 requests at it from 16 client threads, and samples `pg_stat_activity`
for the server's connections throughout. Takes ~5 s.
"""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from accounts.tokens import access_token_for
from collectibles.tests.factories import CardFactory

SERVE_DEMO = settings.REPO_DIR / "scripts" / "serve-demo.sh"
APP_NAME = "omnistock-demo-server-test"
WORKERS, THREADS = 2, 4
REQUESTS, CLIENTS = 600, 16


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def server_connections(monitor: psycopg.Connection) -> int:
    row = monitor.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [APP_NAME]
    ).fetchone()
    return int(row[0]) if row else 0


def wait_until_serving(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.poll() is None, "the demo server exited at start"
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1).read()  # noqa: S310  (http://127.0.0.1 only)
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the demo server did not start within 30 s")


@pytest.mark.django_db(transaction=True)
def test_the_demo_server_holds_a_bounded_number_of_connections(editor, vendor):
    CardFactory.create_batch(3, vendor=vendor)
    token = access_token_for(editor)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "PYTHON": sys.executable,
        "DEMO_WORKERS": str(WORKERS),
        "DEMO_THREADS": str(THREADS),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "true",  # as `make run`
        "DATABASE_URL": database_url(),
        "SECRET_KEY": settings.SECRET_KEY,
        "JWT_SIGNING_KEY": settings.SIMPLE_JWT["SIGNING_KEY"],
        "PGAPPNAME": APP_NAME,  # libpq tags the server's connections
        # 600 access lines would fill the unread stderr pipe and stall the server.
        "LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen(  # noqa: S603  (fixed arguments)
        [str(SERVE_DEMO)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    peak = 0
    statuses: Counter[int] = Counter()
    try:
        wait_until_serving(base, server)
        with psycopg.connect(database_url(), autocommit=True) as monitor:
            done = threading.Event()

            def sample() -> None:
                nonlocal peak
                while not done.is_set():
                    peak = max(peak, server_connections(monitor))
                    time.sleep(0.02)

            sampler = threading.Thread(target=sample)
            sampler.start()

            def request(n: int) -> int:
                path = ("/api/v1/collectibles/", "/api/v1/auth/me/", "/readyz")[n % 3]
                call = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"})  # noqa: S310
                try:
                    with urllib.request.urlopen(call, timeout=30) as response:  # noqa: S310
                        response.read()
                        return int(response.status)
                except urllib.error.HTTPError as error:
                    return int(error.code)

            try:
                with ThreadPoolExecutor(CLIENTS) as pool:
                    statuses.update(pool.map(request, range(REQUESTS)))
            finally:
                done.set()
                sampler.join()
            after = server_connections(monitor)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert statuses == Counter({200: REQUESTS}), statuses
    # One connection per worker thread, plus one per worker while /readyz checks.
    bound = WORKERS * (THREADS + 1)
    assert 0 < peak <= bound, peak
    assert after <= bound
