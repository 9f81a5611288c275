"""The run's numbers as JSON (everything) and Markdown (the tables people read)."""

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from .dataset import Dataset
from .scenarios import FILTERS, Scenario

LIST_SCENARIOS = (
    "list",
    "filtered",
    "search-2",
    "search-3",
    "search-5",
    "search-11",
    "deep-offset",
    "deep-cursor",
)
SEARCH_SCENARIOS = ("search-3", "search-5", "search-11")
FULL_SCANS = ("Seq Scan on collectibles_collectible", "Seq Scan on collectibles_carddetails")


def build(
    *,
    started_at: str,
    data: Dataset,
    machine_info: dict[str, Any],
    server: dict[str, Any],
    loads: list[tuple[float, float, float]],
    results: dict[str, dict[str, Any]],
    floors: dict[str, Any],
    plans: dict[str, list[str]],
    rss: dict[str, dict[int, float]],
    chosen: list[Scenario],
    seconds: float,
) -> dict[str, Any]:
    one_minute = [load[0] for load in loads]
    summary: dict[str, Any] = {
        "started_at": started_at,
        "dataset": asdict(data),
        "machine": machine_info,
        "load_average": {
            "start": loads[0],
            "end": loads[-1],
            "during_1min_min": min(one_minute),
            "during_1min_max": max(one_minute),
            "samples_1min": one_minute,
        },
        "server": server,
        "load_tool": f"wrk -t1, {seconds:g} s per run, c=1 and c=8, after a warm-up at c=8",
        "filters": FILTERS,
        "scenarios": [
            {
                "key": s.key,
                "title": s.title,
                "method": s.method,
                "path": s.path,
                "naive_path": s.path_for("naive"),
            }
            for s in chosen
        ],
        "results": results,
        "floor": floors,
        "plans": plans,
        "peak_rss_mb": {
            config: max(per_worker.values(), default=math.nan) for config, per_worker in rss.items()
        },
        "peak_rss_mb_per_worker": rss,
    }
    summary["targets"] = [asdict(check) for check in _targets(summary)]
    return summary


@dataclass(frozen=True)
class Check:
    target: str
    measured: str
    met: bool | None  # None: not measured in this run


def _get(summary: dict[str, Any], *path: str) -> Any:
    node: Any = summary
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def _ratio(summary: dict[str, Any], key: str, config: str = "omni") -> float | None:
    api = _get(summary, "results", config, key, "c1", "p95_ms")
    base = _get(summary, "floor", key, "p95_ms")
    return api / base if api is not None and base else None


def _check(target: str, value: float | None, ok: Callable[[float], bool], fmt: str) -> Check:
    if value is None:
        return Check(target, "not measured", None)
    return Check(target, fmt.format(value), ok(value))


def _targets(summary: dict[str, Any]) -> list[Check]:
    omni = summary["results"].get("omni", {})
    searches = [_get(omni, key, "c1", "p95_ms") for key in SEARCH_SCENARIOS if key in omni]
    queries = [omni[key]["probe"]["queries"] for key in LIST_SCENARIOS if key in omni]
    first_page = _get(omni, "list", "c1", "p95_ms")
    deep = [_get(omni, key, "c1", "p95_ms") for key in ("deep-offset", "deep-cursor") if key in omni]
    short_plan = "\n".join(summary["plans"].get("search-2", []))
    return [
        _check(
            "filtered list p95 ≤ 30 ms at c=1",
            _get(omni, "filtered", "c1", "p95_ms"),
            lambda v: v <= 30,
            "{:.1f} ms",
        ),
        _check("filtered list p95 ≤ 2.5× floor", _ratio(summary, "filtered"), lambda v: v <= 2.5, "{:.2f}×"),
        _check(
            "typo search (3, 5, 11 chars) p95 ≤ 60 ms",
            max(searches) if searches else None,
            lambda v: v <= 60,
            "worst {:.1f} ms",
        ),
        _short_search_check(short_plan),
        _check(
            "deep page p95 ≤ 1.5× first page p95 (flat with depth)",
            min(deep) / first_page if deep and first_page else None,
            lambda v: v <= 1.5,
            "{:.2f}× (best of offset/cursor)",
        ),
        _check(
            "≤ 3 SQL queries per list request", max(queries) if queries else None, lambda v: v <= 3, "{:.0f}"
        ),
        _check(
            "filtered list ≥ 300 req/s at c=8",
            _get(omni, "filtered", "c8", "requests")
            and omni["filtered"]["c8"]["requests"] / omni["filtered"]["c8"]["seconds"],
            lambda v: v >= 300,
            "{:.0f} req/s",
        ),
        _check(
            "peak RSS ≤ 200 MB per worker",
            summary["peak_rss_mb"].get("omni"),
            lambda v: v <= 200,
            "{:.0f} MB",
        ),
    ]


def _short_search_check(plan: str) -> Check:
    target = "1–2 character search scans no whole table"
    if not plan:
        return Check(target, "not measured", None)
    if _full_scan(plan):
        return Check(target, "a sequential scan in its plan", False)
    return Check(target, "no sequential scan in its plan", True)


def _full_scan(plan: str) -> bool:
    return any(scan in plan for scan in FULL_SCANS)


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def _latencies(result: dict[str, Any] | None) -> str:
    if not result:
        return "–"
    c1 = result["c1"]
    return f"{_ms(c1['p50_ms'])} / {_ms(c1['p95_ms'])} / {_ms(c1['p99_ms'])}"


def _rps(result: dict[str, Any] | None, level: str) -> str:
    if not result:
        return "–"
    run = result[level]
    rate = run["requests"] / run["seconds"] if run["seconds"] else 0
    flag = " ⚠" if run["errors"] or run["non_2xx"] else ""
    return f"{rate:.0f}{flag}"


def _times(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}×"


def markdown(summary: dict[str, Any]) -> str:
    data = summary["dataset"]
    info = summary["machine"]
    load = summary["load_average"]
    server = summary["server"]
    dirty = " (uncommitted changes)" if info["git_dirty"] else ""
    during = f"{load['during_1min_min']:.2f} and {load['during_1min_max']:.2f}"
    workers = f"{server['workers']} workers × {server['threads']} threads"
    lines = [
        f"# Omni-Stock benchmark: {data['size']:,} collectibles",
        "",
        f"- run: {summary['started_at']}, commit `{info['git_commit']}`{dirty}",
        f"- machine: {info['cpu']}, {info['cores']} cores, {info['memory_gib']} GiB; PostgreSQL "
        f"{info['postgresql']} (shared_buffers {info['postgresql_shared_buffers']}) on the same host; "
        f"Python {info['python']}, Django {info['django']}",
        f"- load average (1/5/15 min): {_load(load['start'])} at start, {_load(load['end'])} at the end; "
        f"1-minute value between {during} during the run",
        f"- dataset: 100 vendors; the largest (id {data['largest_vendor_id']}) holds "
        f"{data['largest_vendor_rows']:,} rows; every request is its owner's",
        f"- server: gunicorn {server['worker_class']}, {workers}; load: {summary['load_tool']}",
        "",
        "Latency at concurrency 1, milliseconds, p50 / p95 / p99. The floor runs the same SQL as "
        "Omni-Stock through bare psycopg and encodes the rows with orjson, with no HTTP.",
        "",
        "| scenario | naive | Omni-Stock | floor | naive ÷ floor | Omni-Stock ÷ floor |",
        "|---|---|---|---|---|---|",
    ]
    results = summary["results"]
    naive, omni = results.get("naive", {}), results.get("omni", {})
    for scenario in summary["scenarios"]:
        key = scenario["key"]
        base = summary["floor"].get(key)
        floor_text = f"{_ms(base['p50_ms'])} / {_ms(base['p95_ms'])} / {_ms(base['p99_ms'])}" if base else "–"
        apis = f"{_latencies(naive.get(key))} | {_latencies(omni.get(key))}"
        ratios = f"{_times(_ratio(summary, key, 'naive'))} | {_times(_ratio(summary, key))}"
        lines.append(f"| {scenario['title']} | {apis} | {floor_text} | {ratios} |")
    lines += [
        "",
        "Throughput (requests/s at concurrency 1 and 8), SQL queries per request (authentication "
        "included; `+1` marks Django's connection health check, a `SELECT 1` before the first query "
        "on a reused connection) and rows returned.",
        "",
        "| scenario | naive c=1 | Omni-Stock c=1 | naive c=8 | Omni-Stock c=8 "
        "| queries naive / Omni-Stock | rows |",
        "|---|---|---|---|---|---|---|",
    ]
    for scenario in summary["scenarios"]:
        key = scenario["key"]
        lines.append(
            f"| {scenario['title']} | {_rps(naive.get(key), 'c1')} | {_rps(omni.get(key), 'c1')} "
            f"| {_rps(naive.get(key), 'c8')} | {_rps(omni.get(key), 'c8')} "
            f"| {_queries(naive.get(key))} / {_queries(omni.get(key))} "
            f"| {_probe(omni.get(key), 'rows')} of {_probe(omni.get(key), 'count')} |"
        )
    rss = summary["peak_rss_mb"]
    lines += [
        "",
        "Peak RSS per worker: "
        + ", ".join(f"{name} {value:.0f} MB" for name, value in rss.items() if not math.isnan(value)),
        "",
        "| target | measured | met |",
        "|---|---|---|",
    ]
    for check in summary["targets"]:
        met = {True: "yes", False: "**no**", None: "–"}[check["met"]]
        lines.append(f"| {check['target']} | {check['measured']} | {met} |")
    return "\n".join(lines) + "\n"


def _queries(result: dict[str, Any] | None) -> str:
    text = _probe(result, "queries")
    return f"{text} +1" if result and result["probe"].get("health_checks") else text


def _probe(result: dict[str, Any] | None, key: str) -> str:
    if not result or result["probe"].get(key) is None:
        return "–"
    value = result["probe"][key]
    return f"{value:,}" if isinstance(value, int) else str(value)


def _load(values: tuple[float, float, float] | list[float]) -> str:
    return " / ".join(f"{value:.2f}" for value in values)
