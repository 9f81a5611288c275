"""gunicorn, served as `make run` serves it: JSON lines (its own and the app's), and
/metrics adding up every worker's counts (prometheus_client's multiprocess mode)."""

import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from prometheus_client.parser import text_string_to_metric_families

from config.tests.test_demo_server import SERVE_DEMO, database_url, free_port, wait_until_serving

ME_REQUESTS = 8


@pytest.mark.django_db(transaction=True)
def test_gunicorn_logs_json_lines_and_sums_every_workers_metrics(tmp_path):
    port = free_port()
    log_file = tmp_path / "server.log"
    env = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "PYTHON": sys.executable,
        "DEMO_WORKERS": "2",
        "DEMO_THREADS": "2",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "true",
        "DATABASE_URL": database_url(),
        "SECRET_KEY": settings.SECRET_KEY,
        "JWT_SIGNING_KEY": settings.SIMPLE_JWT["SIGNING_KEY"],
        "LOG_FORMAT": "json",
        "GUNICORN_ACCESSLOG": "-",
        "METRICS_TOKEN": "gunicorn-test-metrics-token",
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    with log_file.open("wb") as sink:
        server = subprocess.Popen(  # noqa: S603  (fixed arguments)
            [str(SERVE_DEMO)], env=env, stdout=sink, stderr=sink, start_new_session=True
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_serving(base, server)
            call = urllib.request.Request(  # noqa: S310  (http://127.0.0.1 only)
                f"{base}/api/v1/auth/me/?token=query-secret", headers={"X-Request-ID": "gunicorn-test-0001"}
            )
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(call, timeout=10)  # noqa: S310
            assert refused.value.code == 401
            refused.value.close()
            for _ in range(ME_REQUESTS - 1):
                with pytest.raises(urllib.error.HTTPError) as again:
                    urllib.request.urlopen(f"{base}/api/v1/auth/me/", timeout=10)  # noqa: S310
                again.value.close()
            scrape = urllib.request.Request(  # noqa: S310
                f"{base}/metrics", headers={"Authorization": "Bearer gunicorn-test-metrics-token"}
            )
            with urllib.request.urlopen(scrape, timeout=10) as answer:  # noqa: S310
                exposition = answer.read().decode()
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    text = log_file.read_text()
    lines = [json.loads(line) for line in text.splitlines()]  # every line is JSON
    loggers = {line["logger"] for line in lines}
    assert {"gunicorn.error", "gunicorn.access", "omnistock.access"} <= loggers
    app_lines = [line for line in lines if line["logger"] == "omnistock.access"]
    server_lines = [line for line in lines if line["logger"] == "gunicorn.access"]
    assert any(line["request_id"] == "gunicorn-test-0001" for line in app_lines)
    assert any("request_id=gunicorn-test-0001" in line["message"] for line in server_lines)
    assert "query-secret" not in text
    # Two workers served the requests; the scrape (answered by one of them) counts them all.
    counts = {
        sample.labels["status"]: sample.value
        for family in text_string_to_metric_families(exposition)
        for sample in family.samples
        if sample.name == "omnistock_http_request_duration_seconds_count"
        and sample.labels["route"] == "/api/v1/auth/me/"
    }
    assert counts == {"401": ME_REQUESTS}
