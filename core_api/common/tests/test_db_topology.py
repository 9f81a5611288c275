"""The app on a real streaming replica and behind a real pgbouncer (issue 12, "The database side").

Both tests build their topology themselves from the PostgreSQL installation on the machine
and remove it afterwards:

- replicas: a scratch primary cluster (`initdb`) on a free port, a streaming replica of it
  (`pg_basebackup -R`) on another, the app migrated onto the primary; then a probe process
  configured with `DATABASE_REPLICA_URLS` drives the API, and again after the replica is
  stopped (~15 s);
- pooling: pgbouncer in transaction mode, one server connection for two client threads, in
  front of the test database; a probe process with `DATABASE_TRANSACTION_POOLING` runs the
  API's list/search/write calls through it (~10 s).

PostgreSQL and pgbouncer refuse to run as root, so as root they run as `postgres`.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from common.db_settings import store_search_threshold_on_database

API_DIR = Path(settings.BASE_DIR)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def as_postgres(*command: str | Path) -> list[str]:
    args = [str(part) for part in command]
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def postgres_bin(name: str) -> Path:
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3]))
    assert candidates, f"{name} not found under /usr/lib/postgresql (PostgreSQL server package)"
    return candidates[-1]


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, **kwargs)  # noqa: S603
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture
def scratch_dir() -> Iterator[Path]:
    """A directory the postgres user owns (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="omnistock-db-topology-"))
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def probe(mode: str, env: dict[str, str]) -> dict:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "DJANGO_"))}
    result = subprocess.run(  # noqa: S603  (fixed arguments)
        [sys.executable, "-m", "common.tests.live_db_probe", mode],
        cwd=API_DIR,
        env={
            **base,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "ALLOWED_HOSTS": "testserver",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "JWT_SIGNING_KEY": secrets.token_urlsafe(64),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return {**json.loads(result.stdout.splitlines()[-1]), "stderr": result.stderr}


def start_cluster(data: Path, port: int) -> None:
    run(as_postgres(postgres_bin("pg_ctl"), "-D", data, "-l", data / "server.log", "-w", "-t", "60", "start"))


def stop_cluster(data: Path) -> None:
    if (data / "postmaster.pid").exists():
        subprocess.run(  # noqa: S603
            as_postgres(postgres_bin("pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"),
            capture_output=True,
            timeout=60,
            check=False,
        )


def configure(data: Path, port: int, sockets: Path) -> None:
    with (data / "postgresql.auto.conf").open("a") as conf:
        conf.write(
            f"port = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{sockets}'\n"
            "fsync = off\nfull_page_writes = off\nshared_buffers = 32MB\nmax_connections = 40\n"
        )


def test_reads_go_to_a_live_replica_and_fall_back_to_the_primary_when_it_is_down(scratch_dir):
    primary, replica = scratch_dir / "primary", scratch_dir / "replica"
    primary_port, replica_port = free_port(), free_port()
    try:
        # initdb's default pg_hba trusts local replication connections.
        run(as_postgres(postgres_bin("initdb"), "-D", primary, "-U", "postgres", "--auth=trust", "-N"))
        configure(primary, primary_port, scratch_dir)
        start_cluster(primary, primary_port)
        run(
            as_postgres(
                postgres_bin("pg_basebackup"),
                "-h",
                "127.0.0.1",
                "-p",
                str(primary_port),
                "-U",
                "postgres",
                "-D",
                replica,
                "-R",
                "-X",
                "stream",
            )
        )
        with (replica / "postgresql.auto.conf").open("a") as conf:
            conf.write(f"port = {replica_port}\n")
        start_cluster(replica, replica_port)
        with psycopg.connect(host="127.0.0.1", port=primary_port, user="postgres", autocommit=True) as admin:
            admin.execute("CREATE DATABASE omnistock")
        primary_url = f"postgres://postgres@127.0.0.1:{primary_port}/omnistock"
        replica_url = f"postgres://postgres@127.0.0.1:{replica_port}/omnistock"
        env = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")}
        run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            cwd=API_DIR,
            env={**env, "DATABASE_URL": primary_url},
        )

        topology = {"DATABASE_URL": primary_url, "DATABASE_REPLICA_URLS": replica_url}
        seen = probe("replicas", topology)

        # A viewer's list is read from the replica only.
        assert seen["viewer_list"]["status"] == 200
        assert seen["viewer_list"]["queries"].get("replica_0", 0) > 0
        assert seen["viewer_list"]["queries"].get("default", 0) == 0
        # A write goes to the primary ...
        assert seen["editor_create"]["status"] == 201
        assert seen["editor_create"]["queries"].get("default", 0) > 0
        # ... and the same client's next reads too (read-your-writes), seeing the new item.
        for step in ("editor_list_after_write", "editor_detail_after_write"):
            assert seen[step]["status"] == 200
            assert seen[step]["queries"].get("default", 0) > 0, step
            assert seen[step]["queries"].get("replica_0", 0) == 0, step
        assert seen["editor_list_after_write"]["sees_new_item"]
        # Another client that did not write keeps reading from the replica.
        assert seen["viewer_list_again"]["queries"].get("replica_0", 0) > 0
        assert seen["viewer_list_again"]["queries"].get("default", 0) == 0
        # An export streams its rows from the replica too.
        assert seen["viewer_export"]["status"] == 200
        assert seen["viewer_export"]["queries"].get("replica_0", 0) > 0
        assert seen["viewer_export"]["queries"].get("default", 0) == 0

        stop_cluster(replica)
        down = probe("replica-down", topology)
        assert [step["status"] for step in down["lists"]] == [200, 200, 200]
        assert all(step["queries"].get("default", 0) > 0 for step in down["lists"])
        # One connection attempt notices the replica is down; later reads skip it.
        assert down["stderr"].count("database replica replica_0 does not answer") == 1
    finally:
        stop_cluster(replica)
        stop_cluster(primary)


@pytest.mark.django_db(transaction=True)
def test_the_api_works_behind_pgbouncer_in_transaction_mode(scratch_dir):
    pgbouncer = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
    assert Path(pgbouncer).exists(), (
        "pgbouncer is not installed (make test-backend installs it: apt-get install pgbouncer)"
    )
    db = connection.settings_dict
    with override_settings(DATABASE_TRANSACTION_POOLING=True):
        # What `migrate` does behind a pooler: the search threshold lives on the database.
        store_search_threshold_on_database(using="default")
    port = free_port()
    (scratch_dir / "users.txt").write_text(f'"{db["USER"]}" ""\n')
    (scratch_dir / "pgbouncer.ini").write_text(
        "[databases]\n"
        f"{db['NAME']} = host={db['HOST'] or '127.0.0.1'} port={db['PORT'] or 5432}\n"
        "[pgbouncer]\n"
        f"listen_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n"
        f"auth_type = trust\nauth_file = {scratch_dir / 'users.txt'}\n"
        # Two server connections used in turn (FIFO): a client's next transaction runs on
        # the other one, so anything that outlived a transaction (a server-side cursor, a
        # prepared statement, a SET) is missing there and the call fails.
        "pool_mode = transaction\ndefault_pool_size = 2\nmin_pool_size = 2\nserver_round_robin = 1\n"
        "max_client_conn = 20\n"
        f"logfile = {scratch_dir / 'pgbouncer.log'}\n"
    )
    bouncer = subprocess.Popen(as_postgres(pgbouncer, scratch_dir / "pgbouncer.ini"))  # noqa: S603
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                psycopg.connect(
                    host="127.0.0.1", port=port, user=db["USER"], dbname=db["NAME"], connect_timeout=1
                ).close()
                break
            except psycopg.OperationalError:
                assert bouncer.poll() is None, "pgbouncer exited at start"
                assert time.monotonic() < deadline, "pgbouncer did not answer within 20 s"
                time.sleep(0.1)
        seen = probe(
            "pooling",
            {
                "DATABASE_URL": f"postgres://{db['USER']}@127.0.0.1:{port}/{db['NAME']}",
                "DATABASE_TRANSACTION_POOLING": "true",
            },
        )
    finally:
        bouncer.terminate()
        bouncer.wait(timeout=20)
    assert seen["failures"] == []
    expected = {
        "create": 201,
        "list": 200,
        "search": 200,
        "detail": 200,
        "edit": 200,
        "adjust": 201,
        "history": 200,
    }
    for thread in seen["threads"]:
        for call, status_code in expected.items():
            assert thread["statuses"][call] == [status_code] * 6, (call, thread["statuses"][call])
        assert thread["statuses"]["bulk"] == [200]
        assert thread["statuses"]["export"] == [200]
        assert thread["export_rows"] >= 6
        # The typo finds the Charizards: the threshold reached the pooled connections.
        assert thread["search_hits"] >= 6
    assert len(seen["threads"]) == 2
