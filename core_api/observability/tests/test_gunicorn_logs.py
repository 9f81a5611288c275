"""gunicorn, served as `make run` serves it, writes JSON lines: its own and the app's."""

import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from django.conf import settings

from config.tests.test_demo_server import SERVE_DEMO, database_url, free_port, wait_until_serving


@pytest.mark.django_db(transaction=True)
def test_gunicorn_and_the_app_log_json_lines_with_the_request_id(tmp_path):
    port = free_port()
    log_file = tmp_path / "server.log"
    env = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "PYTHON": sys.executable,
        "DEMO_WORKERS": "1",
        "DEMO_THREADS": "2",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "true",
        "DATABASE_URL": database_url(),
        "SECRET_KEY": settings.SECRET_KEY,
        "JWT_SIGNING_KEY": settings.SIMPLE_JWT["SIGNING_KEY"],
        "LOG_FORMAT": "json",
        "GUNICORN_ACCESSLOG": "-",
    }
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
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    text = log_file.read_text()
    lines = [json.loads(line) for line in text.splitlines()]  # every line is JSON
    loggers = {line["logger"] for line in lines}
    assert {"gunicorn.error", "gunicorn.access", "omnistock.access"} <= loggers
    [app_line] = [
        line for line in lines if line["logger"] == "omnistock.access" and line["route"] != "/healthz"
    ]
    [server_line] = [
        line for line in lines if line["logger"] == "gunicorn.access" and "/me/" in line["message"]
    ]
    assert app_line["request_id"] == "gunicorn-test-0001"
    assert "request_id=gunicorn-test-0001" in server_line["message"]
    assert "query-secret" not in text
