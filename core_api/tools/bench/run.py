"""`python -m tools.bench`: load the dataset, then measure naive | Omni-Stock | floor.

See docs/performance.md for what each number means and how to read them.
"""

import argparse
import json
import os
import signal
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

API_DIR = Path(__file__).resolve().parents[2]  # core_api/
RESULTS_DIR = Path(__file__).resolve().parent / "results"
# One database per size, so a quick 100,000-row run does not replace the million.
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/omnistock_bench_{size}"
CONFIGS = ("naive", "omni")
# Both servers and this process sign and check tokens with the same keys
# (throwaway ones: DEBUG is off, as deployed); settings.py here makes the
# tokens outlive the run.
BENCH_ENV = {
    "SECRET_KEY": "omnistock-bench-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    "JWT_SIGNING_KEY": "omnistock-bench-only-jwt-key-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    "DEBUG": "false",
    "LOG_LEVEL": "WARNING",
    "AUTH_THROTTLE_RATE": "1000/min",
}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def _stop_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # unwinds through every `finally`, which stops the servers


def _ensure_database(url: str) -> None:
    """Create the benchmark database if it does not exist (never touches another one)."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            log(f"creating database {name}")
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _setup_django(database_url: str) -> None:
    os.environ.update(BENCH_ENV)
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "tools.bench.settings"
    sys.path.insert(0, str(API_DIR))
    import django

    django.setup()


def _request(
    url: str, *, method: str = "GET", body: str | None = None, token: str | None = None
) -> tuple[int, dict[str, str], Any]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(  # noqa: S310  (a URL we built, on 127.0.0.1)
        url, data=body.encode() if body is not None else None, method=method, headers=headers
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
            return response.status, dict(response.headers), json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read() or b"null")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__)
    parser.add_argument(
        "--size", type=int, default=1_000_000, help="collectibles to load (default 1,000,000)"
    )
    parser.add_argument("--seed", type=int, default=6, help="random seed of the dataset")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL") or DEFAULT_DATABASE_URL,
        help="the benchmark's own database, created if missing; {size} is replaced (default: %(default)s)",
    )
    parser.add_argument("--seconds", type=float, default=8, help="duration of each measured run")
    parser.add_argument("--warmup", type=float, default=2, help="warm-up seconds per scenario and server")
    parser.add_argument("--floor-seconds", type=float, default=3, help="duration of each floor loop")
    parser.add_argument("--only", default="", help="comma-separated scenario keys (default: all)")
    parser.add_argument("--configs", default=",".join(CONFIGS), help="naive,omni (default both)")
    parser.add_argument("--output", type=Path, default=RESULTS_DIR)
    parser.add_argument(
        "--profile",
        default="",
        help="instead of the benchmark, profile these scenarios in-process with pyinstrument",
    )
    args = parser.parse_args(argv)

    signal.signal(signal.SIGTERM, _stop_on_signal)
    signal.signal(signal.SIGHUP, _stop_on_signal)
    database_url = args.database_url.replace("{size}", str(args.size))
    _ensure_database(database_url)
    _setup_django(database_url)

    from . import measure  # needs Django set up

    report = measure.run(
        size=args.size,
        seed=args.seed,
        seconds=args.seconds,
        warmup=args.warmup,
        floor_seconds=args.floor_seconds,
        only=[key for key in args.only.split(",") if key],
        configs=[config for config in args.configs.split(",") if config],
        profile=[key for key in args.profile.split(",") if key],
        output=args.output,
        env={**BENCH_ENV, "DATABASE_URL": database_url},
        request=_request,
        log=log,
    )
    return 0 if report else 1
