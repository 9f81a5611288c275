"""Production settings pass Django's deployment checklist; the demo runs with none."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "x" * 20 + "-production-secret-with-enough-entropy-1234567890",
    "JWT_SIGNING_KEY": "y" * 20 + "-production-jwt-key-with-enough-entropy-1234567890",
    "SECRET_KEY_FALLBACKS": "",
    "JWT_ACCESS_MINUTES": "15",
    "ALLOWED_HOSTS": "inventory.example.com",
    "DATABASE_URL": "postgres://omnistock@db.example.com:5432/omnistock",
    "SECURE_SSL_REDIRECT": "true",
    "SESSION_COOKIE_SECURE": "true",
    "CSRF_COOKIE_SECURE": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
    "BEHIND_TLS_PROXY": "true",
}


def manage(*args, env):
    base = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and not k.startswith("DJANGO_")}
    return subprocess.run(  # noqa: S603  (fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=Path(settings.BASE_DIR),
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_flags_the_demo_defaults():
    result = manage("check", "--deploy", env={"DEBUG": "true", "DATABASE_URL": "sqlite:///:memory:"})
    assert "security.W009" in result.stderr  # the built-in demo SECRET_KEY
    assert "security.W008" in result.stderr  # no SSL redirect


def test_with_only_debug_set_the_project_uses_an_embedded_sqlite_file():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; db = s.DATABASES['default']; print(db['ENGINE'], db['NAME'])",
        env={"DEBUG": "true"},
    )
    assert result.returncode == 0, result.stderr
    engine, name = result.stdout.split()[-2:]
    assert engine == "django.db.backends.sqlite3"
    assert name.endswith("db.sqlite3")


SHOW_RUNTIME = (
    "from django.conf import settings as s; from config.celery import app; "
    "print(s.CACHES['default']['BACKEND'], app.conf.broker_url, app.conf.task_always_eager, "
    "app.conf.task_acks_late, app.conf.task_reject_on_worker_lost, app.conf.worker_prefetch_multiplier, "
    "app.conf.broker_transport_options['visibility_timeout'])"
)


def test_without_redis_tasks_run_in_process_and_the_cache_is_local():
    result = manage("shell", "-c", SHOW_RUNTIME, env={"DEBUG": "true", "DATABASE_URL": "sqlite:///:memory:"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-7:] == [
        "django.core.cache.backends.locmem.LocMemCache",
        "memory://",
        "True",
        "True",
        "True",
        "1",
        "1800",
    ]


def test_with_redis_the_cache_is_shared_and_tasks_go_to_the_broker():
    result = manage(
        "shell",
        "-c",
        SHOW_RUNTIME,
        env={
            "DEBUG": "true",
            "DATABASE_URL": "sqlite:///:memory:",
            "REDIS_URL": "redis://127.0.0.1:6379/5",
            "CELERY_VISIBILITY_TIMEOUT": "60",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-7:] == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/5",
        "False",
        "True",
        "True",
        "1",
        "60",
    ]
