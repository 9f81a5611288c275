"""A quick check of the benchmark harness (`make bench` itself is never run by the tests)."""

import json

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from accounts.tokens import access_token_for
from collectibles.models import Collectible
from collectibles.tests.factories import CardFactory, CollectibleFactory
from tools.bench import dataset, floor, report
from tools.bench.load import DONE_HOOK, MARKER, WrkRequest, _lua_string
from tools.bench.middleware import QUERY_COUNT_HEADER, QueryCountMiddleware
from tools.bench.scenarios import DEEP_OFFSET, deep_offset, scenarios
from tools.bench.stats import percentile


@pytest.mark.parametrize("total", [20_000, 100_000, 1_000_000])
def test_vendor_sizes_are_skewed_and_add_up(total):
    sizes = dataset.vendor_sizes(total)
    assert (len(sizes), sum(sizes)) == (100, total)
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] >= total * 0.2  # 1,000,000 rows: the largest vendor holds over 200,000


def test_deep_offset_fits_the_largest_vendor():
    assert deep_offset(234_000) == DEEP_OFFSET
    assert deep_offset(4_680) == 2_300


def test_scenarios_cover_the_issue():
    keys = [s.key for s in scenarios(detail_id=1, offset=50_000, deep_cursor="abc")]
    assert keys == [
        "list",
        "filtered",
        "search-2",
        "search-3",
        "search-5",
        "search-11",
        "deep-offset",
        "deep-cursor",
        "detail",
        "create",
    ]


def test_the_naive_peer_has_no_cursor_scenario():
    (cursor,) = (s for s in scenarios(detail_id=1, offset=100, deep_cursor="abc") if s.key == "deep-cursor")
    assert cursor.path_for("naive") is None
    assert cursor.path_for("omni").endswith("cursor=abc")


def test_percentile_is_nearest_rank():
    samples = list(range(1, 101))
    assert (percentile(samples, 50), percentile(samples, 95), percentile(samples, 99)) == (50, 95, 99)


def test_wrk_script_pieces():
    assert MARKER in DONE_HOOK
    assert _lua_string('say "hi"') == '"say \\"hi\\""'
    assert WrkRequest("http://x/", "GET", {}, None).body is None


@pytest.mark.django_db
def test_query_count_header_counts_every_statement():
    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.execute("SELECT 2")
        return HttpResponse("ok")

    response = QueryCountMiddleware(view)(RequestFactory().get("/"))
    assert response[QUERY_COUNT_HEADER] == "2"


@pytest.mark.django_db
@pytest.mark.urls("tools.bench.urls")
def test_the_naive_peer_answers_the_same_rows(owner_client, vendor):
    CardFactory.create_batch(3, vendor=vendor)
    CollectibleFactory(vendor=vendor)
    omni = owner_client.get(reverse("collectible-list"), {"page_size": 50}).json()
    naive = owner_client.get(reverse("naive-collectible-list"), {"page_size": 50}).json()
    assert naive == omni


@pytest.mark.django_db
@pytest.mark.urls("tools.bench.urls")
def test_the_naive_peer_creates_with_card_details(owner_client, vendor):
    from tools.bench.scenarios import CREATE_BODY

    response = owner_client.post(reverse("naive-collectible-list"), CREATE_BODY, format="json")
    assert response.status_code == 201, response.data
    assert response.data["card_details"]["set_code"] == "OBF"


def test_report_renders_a_run():
    run = {
        "c1": _load(10.0),
        "c8": _load(4.0),
        "probe": {"status": 200, "queries": 2, "rows": 50, "count": 9},
    }
    summary = report.build(
        started_at="now",
        data=dataset.Dataset(1000, 6, 1, 230, "bench-owner-001", 1000),
        machine_info={
            "cpu": "cpu",
            "cores": 2,
            "memory_gib": 1,
            "postgresql": "15",
            "postgresql_shared_buffers": "128MB",
            "python": "3.11",
            "django": "5.2",
            "git_commit": "abc",
            "git_dirty": False,
        },
        server={"workers": 3, "threads": 1, "worker_class": "sync"},
        loads=[(1.0, 1.0, 1.0), (2.0, 1.5, 1.0)],
        results={"naive": {"filtered": run}, "omni": {"filtered": run}},
        floors={"filtered": {"p50_ms": 2.0, "p95_ms": 4.0, "p99_ms": 5.0, "iterations": 10}},
        plans={},
        rss={"omni": {1: 80.0}},
        chosen=[s for s in scenarios(detail_id=1, offset=100, deep_cursor="x") if s.key == "filtered"],
        seconds=1,
    )
    json.dumps(summary)
    markdown = report.markdown(summary)
    assert "| filtered list (language, region, dates, price) |" in markdown
    assert "| filtered list p95 ≤ 2.5× floor | 2.50× | yes |" in markdown


def _load(p95):
    return {
        "concurrency": 1,
        "requests": 100,
        "seconds": 1.0,
        "errors": 0,
        "non_2xx": 0,
        "p50_ms": p95 / 2,
        "p95_ms": p95,
        "p99_ms": p95,
        "max_ms": p95,
        "mean_ms": p95,
    }


@pytest.mark.django_db(transaction=True)
def test_health_checks_of_reused_connections_are_reported(settings):
    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return HttpResponse("ok")

    connection.ensure_connection()
    connection.health_check_enabled, connection.health_check_done = True, False
    response = QueryCountMiddleware(view)(RequestFactory().get("/"))
    assert (response[QUERY_COUNT_HEADER], response["X-Bench-Health-Checks"]) == ("1", "1")


@pytest.mark.django_db(transaction=True)
def test_the_floor_replays_a_create_with_its_history_and_movement(owner):
    """The create writes the collectible, its card details, their history rows
    and an opening stock movement; each replay must insert a fresh set."""
    token = access_token_for(owner)
    create = next(s for s in scenarios(detail_id=1, offset=100, deep_cursor="x") if s.key == "create")
    captured = floor.capture(method="POST", path="/api/v1/" + create.path, body=create.body_text, token=token)
    assert captured.status == 201
    assert sum(statement.lstrip().upper().startswith("INSERT") for statement in captured.statements) >= 3

    result = floor.measure(
        captured.statements, write=True, created_id=captured.created_id, seconds=0, min_iterations=3
    )

    assert result.iterations == 3
    # The capture's row, the warm-up round's and three measured rounds', each with its own card details.
    assert Collectible.objects.filter(vendor=owner.profile.vendor, card_details__set_code="OBF").count() == 5
