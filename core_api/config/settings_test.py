"""Test overrides: the same settings as production, minus what only slows tests down."""

import tempfile
from pathlib import Path

from .settings import *  # noqa: F403
from .settings import REST_FRAMEWORK, STORAGES

# Hashing passwords properly costs ~100 ms per user; tests create hundreds.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Manifest storage needs collectstatic to have run; tests render admin pages without it.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="omnistock-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="omnistock-test-static-"))

# Throttling is tested explicitly (test_auth_api.py overrides this back down).
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"auth": "10000/min"},
}

ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

# Tasks run in the test process whatever the environment says; the tests that
# need a real worker start one themselves.
CELERY_BROKER_URL = "memory://"
CELERY_TASK_ALWAYS_EAGER = True
