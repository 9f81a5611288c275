"""Drives the API in a process configured for a live database topology.

Run by test_db_topology.py in a subprocess (its settings come from the environment:
replicas or a transaction pooler), prints one JSON object with what it saw:

    python -m common.tests.live_db_probe replicas|replica-down|pooling
"""

import json
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

import django

COLLECTIBLES = "/api/v1/collectibles/"


def _count_queries(counts: Counter[str]) -> ExitStack:
    """Counts the statements each database alias runs on this thread."""
    from django.db import connections

    stack = ExitStack()
    for alias in connections:

        def count(
            execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any, alias: str = alias
        ) -> Any:
            counts[alias] += 1
            return execute(sql, params, many, context)

        stack.enter_context(connections[alias].execute_wrapper(count))
    return stack


def _client(user: Any) -> Any:
    from rest_framework.test import APIClient

    from accounts.tokens import access_token_for

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token_for(user)}")
    return client


def _staff(prefix: str) -> tuple[Any, Any]:
    from accounts.models import Role
    from accounts.tests.factories import UserFactory, VendorFactory

    vendor = VendorFactory(name=f"{prefix} Cards", slug=f"{prefix}-cards")
    editor = UserFactory(username=f"{prefix}-editor", vendor=vendor, role=Role.EDITOR)
    viewer = UserFactory(username=f"{prefix}-viewer", vendor=vendor, role=Role.VIEWER)
    return editor, viewer


def _card(name: str, **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "quantity": 3,
        "price": "4.50",
        "currency": "USD",
        "card_details": {
            "game": "pokemon",
            "set_name": "Base Set",
            "card_number": "4",
            "language": "EN",
            "market_region": "NA",
        },
        **extra,
    }


def _consumed(response: Any) -> Any:
    """A streamed response read to its end (the reads happen while it streams)."""
    response.body = b"".join(response.streaming_content)
    return response


def replicas() -> dict[str, Any]:
    """Who reads where: a viewer's lists on the replica, an editor's reads after a write on the primary."""
    from django.contrib.auth.models import User

    editor, viewer = _staff("replicas")
    deadline = time.monotonic() + 30
    while not User.objects.using("replica_0").filter(pk=viewer.pk).exists():  # replication lag
        assert time.monotonic() < deadline, "the replica did not catch up within 30 s"
        time.sleep(0.05)
    editor_client, viewer_client = _client(editor), _client(viewer)
    steps: dict[str, Any] = {}

    def step(name: str, call: Callable[[], Any]) -> Any:
        counts: Counter[str] = Counter()
        with _count_queries(counts):
            response = call()
        steps[name] = {"status": response.status_code, "queries": dict(counts)}
        return response

    step("viewer_list", lambda: viewer_client.get(COLLECTIBLES))
    created = step(
        "editor_create", lambda: editor_client.post(COLLECTIBLES, _card("Charizard"), format="json")
    )
    item = created.json()["id"]
    listed = step("editor_list_after_write", lambda: editor_client.get(COLLECTIBLES))
    steps["editor_list_after_write"]["sees_new_item"] = item in [
        row["id"] for row in listed.json()["results"]
    ]
    step("editor_detail_after_write", lambda: editor_client.get(f"{COLLECTIBLES}{item}/"))
    step("viewer_list_again", lambda: viewer_client.get(COLLECTIBLES))
    step("viewer_export", lambda: _consumed(viewer_client.get(f"{COLLECTIBLES}export/")))
    return steps


def replica_down() -> dict[str, Any]:
    """With the replica stopped every read still answers, from the primary."""
    _editor, viewer = _staff("replica-down")
    viewer_client = _client(viewer)
    steps = []
    for _ in range(3):
        counts: Counter[str] = Counter()
        started = time.monotonic()
        with _count_queries(counts):
            response = viewer_client.get(COLLECTIBLES)
        steps.append(
            {"status": response.status_code, "queries": dict(counts), "seconds": time.monotonic() - started}
        )
    return {"lists": steps}


def pooling() -> dict[str, Any]:
    """The API's reads and writes from two threads that share one pooled server connection."""
    editor, _viewer = _staff("pooled")
    failures: list[str] = []
    results: list[dict[str, Any]] = []

    def scenario(thread: int) -> None:
        from django.db import connections

        try:
            client = _client(editor)
            statuses: dict[str, list[int]] = {}
            created_ids: list[int] = []

            def record(name: str, response: Any) -> Any:
                statuses.setdefault(name, []).append(response.status_code)
                return response

            # Each call more than psycopg's prepare threshold (5), from both threads.
            for round_ in range(6):
                created = record(
                    "create",
                    client.post(COLLECTIBLES, _card(f"Charizard {thread}-{round_}"), format="json"),
                )
                assert created.status_code == 201, created.content
                item = created.json()["id"]
                created_ids.append(item)
                record("list", client.get(COLLECTIBLES, {"ordering": "-updated_at"}))
                record("search", client.get(COLLECTIBLES, {"search": "charzard"}))
                detail = record("detail", client.get(f"{COLLECTIBLES}{item}/"))
                record(
                    "edit",
                    client.patch(
                        f"{COLLECTIBLES}{item}/",
                        {"price": "5.00"},
                        format="json",
                        HTTP_IF_MATCH=detail["ETag"],
                    ),
                )
                record(
                    "adjust",
                    client.post(
                        f"{COLLECTIBLES}{item}/adjust/", {"delta": -1, "reason": "sale"}, format="json"
                    ),
                )
                record("history", client.get(f"{COLLECTIBLES}{item}/history/"))
            # Only this thread's items: the other thread's edits must not meet a version it bumped.
            ids = created_ids
            record(
                "bulk",
                client.post(
                    f"{COLLECTIBLES}bulk/",
                    {"action": "update", "ids": ids, "changes": {"condition": "LP"}},
                    format="json",
                ),
            )
            export = record("export", client.get(f"{COLLECTIBLES}export/"))
            export_rows = len(b"".join(export.streaming_content).splitlines()) - 1
            search = client.get(COLLECTIBLES, {"search": "charzard"}).json()
            results.append(
                {
                    "thread": thread,
                    "statuses": statuses,
                    "export_rows": export_rows,
                    "search_hits": search["count"] if "count" in search else len(search["results"]),
                }
            )
        except Exception as error:  # reported to the test, which fails on it
            failures.append(f"thread {thread}: {type(error).__name__}: {error}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=scenario, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"failures": failures, "threads": results}


if __name__ == "__main__":
    django.setup()
    probes = {"replicas": replicas, "replica-down": replica_down, "pooling": pooling}
    sys.stdout.write(json.dumps(probes[sys.argv[1]]()) + "\n")
