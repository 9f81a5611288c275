"""`python -m tools.bench --profile KEY,...`: where a scenario's time goes, in Python.

Runs the scenario's request in-process (Django's test client: everything but
gunicorn's HTTP parsing) under pyinstrument and writes the call tree to
`results/profile-<key>.txt`. The database time shows up as the driver
waiting; the rest is the framework and Omni-Stock's own code.
"""

from pathlib import Path

from django.test import Client
from pyinstrument import Profiler

from .scenarios import Scenario


def profile(scenario: Scenario, *, api_root: str, token: str, requests: int, output: Path) -> Path:
    client = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Bearer {token}")
    path = api_root + scenario.path

    def send() -> None:
        if scenario.method == "GET":
            client.get(path)
        else:
            client.generic(
                scenario.method, path, data=scenario.body_text or "", content_type="application/json"
            )

    for _ in range(20):  # warm caches, connections, the estimate cache
        send()
    profiler = Profiler(interval=0.0002)
    with profiler:
        for _ in range(requests):
            send()
    target = output / f"profile-{scenario.key}.txt"
    header = f"# {scenario.title}: {requests} requests in-process ({api_root}{scenario.path})\n\n"
    target.write_text(header + profiler.output_text(unicode=True, color=False))
    return target
