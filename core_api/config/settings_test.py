"""Test overrides: the same settings as production, minus what only slows tests down."""

import os
import secrets
import tempfile
from pathlib import Path

# Tests run with DEBUG off, as production does, so the settings demand real keys
# (config/keys.py): throwaway ones, new for every run. Set in the environment so
# the servers and commands that tests start inherit the same keys.
os.environ.setdefault("SECRET_KEY", f"test-only-{secrets.token_urlsafe(48)}")
os.environ.setdefault("JWT_SIGNING_KEY", f"test-only-{secrets.token_urlsafe(48)}")

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
    "DEFAULT_THROTTLE_RATES": {"auth": "10000/min", "auth_username": "10000/min"},
}

ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

# Tasks run in the test process whatever the environment says; the tests that
# need a real worker start one themselves.
CELERY_BROKER_URL = "memory://"
CELERY_TASK_ALWAYS_EAGER = True
