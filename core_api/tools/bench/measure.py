"""One benchmark run: dataset, servers, load, floor, report (Django is set up)."""

import json
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from rest_framework import serializers

from accounts.tokens import access_token_for
from collectibles.models import Collectible
from common.cursors import Cursor

from . import dataset, floor, machine, report
from .load import WrkRequest, run_wrk
from .middleware import HEALTH_CHECK_HEADER, QUERY_COUNT_HEADER
from .scenarios import Scenario, deep_offset, scenarios
from .server import gunicorn

API_ROOT = {"naive": "/bench/naive/api/v1/", "omni": "/api/v1/"}
Requester = Callable[..., tuple[int, dict[str, str], Any]]


def _conninfo() -> str:
    params = floor.connection_params()
    return " ".join(f"{key}='{value}'" for key, value in params.items() if key != "options" and value)


def _obtain_token(base_url: str, username: str, request: Requester) -> str:
    status, _headers, body = request(
        f"{base_url}/api/v1/auth/token/",
        method="POST",
        body=json.dumps({"username": username, "password": dataset.BENCH_PASSWORD}),
    )
    if status != 200:
        raise RuntimeError(f"could not obtain a token for {username}: {status} {body}")
    return str(body["access"])


def _detail_id(data: dataset.Dataset) -> int:
    """A card of the largest vendor from the middle of its stock."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.id FROM collectibles_collectible c "
            "JOIN collectibles_carddetails d ON d.collectible_id = c.id "
            "WHERE c.vendor_id = %s ORDER BY c.id OFFSET %s LIMIT 1",
            [data.largest_vendor_id, data.largest_vendor_rows // 2],
        )
        return int(cursor.fetchone()[0])


def _deep_cursor(data: dataset.Dataset, offset: int) -> str:
    """The cursor a client holds after paging to row `offset` of the default
    order: the position of the row before it, as the API encodes it."""
    row = (
        Collectible.objects.filter(vendor_id=data.largest_vendor_id)
        .order_by("-updated_at", "-id")
        .values("updated_at", "id")[offset - 1]
    )
    updated_at = serializers.DateTimeField().to_representation(row["updated_at"])
    return Cursor(["-updated_at", "-id"], [updated_at, row["id"]]).encode()


def _probe(url: str, scenario: Scenario, token: str, request: Requester) -> dict[str, Any]:
    status, headers, body = request(url, method=scenario.method, body=scenario.body_text, token=token)
    rows = None
    if isinstance(body, dict) and "results" in body:
        rows = len(body["results"])
    elif status in (200, 201):
        rows = 1
    lowered = {key.lower(): value for key, value in headers.items()}
    queries = lowered.get(QUERY_COUNT_HEADER.lower())
    health_checks = lowered.get(HEALTH_CHECK_HEADER.lower())
    return {
        "status": status,
        "queries": int(queries) if queries is not None else None,
        "health_checks": int(health_checks) if health_checks is not None else None,
        "rows": rows,
        "count": body.get("count") if isinstance(body, dict) else None,
    }


def _explain(statements: list[str]) -> list[str]:
    plans = []
    with connection.cursor() as cursor:
        for statement in statements:
            if not statement.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {statement}")
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans


def run(
    *,
    size: int,
    seed: int,
    seconds: float,
    warmup: float,
    floor_seconds: float,
    only: list[str],
    configs: list[str],
    profile: list[str],
    output: Path,
    env: dict[str, str],
    request: Requester,
    log: Callable[[str], None],
) -> dict[str, Any]:
    output.mkdir(parents=True, exist_ok=True)
    started_at = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    loads = [machine.load_average()]
    log("migrating the benchmark database")
    call_command("migrate", verbosity=0)
    data = dataset.load(_conninfo(), size=size, seed=seed, log=log)
    offset = deep_offset(data.largest_vendor_rows)
    chosen = [
        scenario
        for scenario in scenarios(
            detail_id=_detail_id(data), offset=offset, deep_cursor=_deep_cursor(data, offset)
        )
        if not only or scenario.key in only
    ]
    if profile:
        return _profile(data, [scenario for scenario in chosen if scenario.key in profile], output, log)
    results: dict[str, dict[str, Any]] = {config: {} for config in configs}
    rss: dict[str, dict[int, float]] = {}
    token = ""
    server_log = output / "gunicorn.log"
    server_log.unlink(missing_ok=True)
    try:
        for config in configs:
            log(f"serving {config} with gunicorn")
            with gunicorn(env, server_log) as server:
                token = token or _obtain_token(server.base_url, data.owner_username, request)
                for scenario in chosen:
                    path = scenario.path_for(config)
                    if path is None:
                        continue
                    url = f"{server.base_url}{API_ROOT[config]}{path}"
                    loads.append(machine.load_average())
                    target = WrkRequest(url, scenario.method, _headers(token), scenario.body_text)
                    run_wrk(target, concurrency=8, seconds=warmup)
                    # After the warm-up: a worker's first query on a new connection
                    # (type lookups) would otherwise count against the scenario.
                    probe = _probe(url, scenario, token, request)
                    c1 = run_wrk(target, concurrency=1, seconds=seconds)
                    c8 = run_wrk(target, concurrency=8, seconds=seconds)
                    results[config][scenario.key] = {"probe": probe, "c1": asdict(c1), "c8": asdict(c8)}
                    log(
                        f"{config:5} {scenario.key:12} p95 {c1.p95_ms:8.1f} ms  c8 {c8.rps:7.0f} req/s  "
                        f"queries {probe['queries']}  rows {probe['rows']}  status {probe['status']}"
                    )
                rss[config] = server.peak_rss_mb()
        floors: dict[str, Any] = {}
        plans: dict[str, list[str]] = {}
        log("measuring the floor (the same SQL through bare psycopg + orjson)")
        for scenario in chosen:
            captured = floor.capture(
                method=scenario.method,
                path=API_ROOT["omni"] + scenario.path,
                body=scenario.body_text,
                token=token,
            )
            result = floor.measure(
                captured.statements,
                write=scenario.method != "GET",
                created_id=captured.created_id,
                seconds=floor_seconds,
            )
            floors[scenario.key] = {**asdict(result), "statements": captured.statements}
            plans[scenario.key] = _explain(captured.statements) if scenario.method == "GET" else []
    finally:
        dataset.remove_rows_added_since_load(_conninfo(), data)
    loads.append(machine.load_average())
    summary = report.build(
        started_at=started_at,
        data=data,
        machine_info=machine.describe(),
        server=_server_settings(env),
        loads=loads,
        results=results,
        floors=floors,
        plans=plans,
        rss=rss,
        chosen=chosen,
        seconds=seconds,
    )
    (output / "latest.json").write_text(json.dumps(summary, indent=2))
    markdown = report.markdown(summary)
    (output / "latest.md").write_text(markdown)
    print(markdown)
    log(f"wrote {output / 'latest.json'} and {output / 'latest.md'}")
    return summary


def _profile(
    data: dataset.Dataset, chosen: list[Scenario], output: Path, log: Callable[[str], None]
) -> dict[str, Any]:
    from .profile import profile

    token = access_token_for(User.objects.get(username=data.owner_username))
    written = {}
    for scenario in chosen:
        target = profile(scenario, api_root=API_ROOT["omni"], token=token, requests=200, output=output)
        log(f"profile of {scenario.key}: {target}")
        written[scenario.key] = str(target)
    dataset.remove_rows_added_since_load(_conninfo(), data)
    return written


def _headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def _server_settings(env: dict[str, str]) -> dict[str, Any]:
    import runpy

    conf = runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))
    return {key: conf[key] for key in ("workers", "threads", "worker_class", "keepalive", "preload_app")}
