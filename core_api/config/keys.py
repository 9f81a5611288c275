"""Signing keys fail closed: outside DEBUG a missing or weak key stops the process.

Anyone who knows the signing key can mint an access token for any user of any
vendor, so a deployment that forgot SECRET_KEY (and silently ran on the demo
key committed in this repository) was open to everyone. Outside DEBUG, every
process that loads the settings (gunicorn, Celery, manage.py) refuses to start
with a key that is missing, the demo key, Django's generated `django-insecure-`
placeholder, or short or repetitive enough for Django's own deployment check
(security.W009) to call it weak. DEBUG (`make run`, `make dev`, the compose
development stack) keeps working with nothing set (docs/security.md, "Secrets").
"""

from django.core.exceptions import ImproperlyConfigured

# Committed on purpose, for DEBUG only: the local demo starts with no configuration.
DEMO_SECRET_KEY = "django-insecure-omnistock-local-demo-key-do-not-use-in-production"  # noqa: S105
# Django's thresholds for a key it calls weak (django.core.checks.security.base).
MIN_KEY_LENGTH = 50
MIN_KEY_DISTINCT_CHARACTERS = 5
INSECURE_PREFIX = "django-insecure-"

GENERATE_HINT = (
    "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(64))' "
    '(docs/security.md, "Secrets").'
)


def key_weakness(value: str) -> str | None:
    """Why `value` must not sign anything in production, or None if it may."""
    if not value:
        return "it is not set"
    if value == DEMO_SECRET_KEY:
        return "it is the demo key committed in the repository"
    if value.startswith(INSECURE_PREFIX):
        return f"it starts with '{INSECURE_PREFIX}' (a generated placeholder)"
    if len(value) < MIN_KEY_LENGTH:
        return f"it has {len(value)} characters; at least {MIN_KEY_LENGTH} are required"
    if len(set(value)) < MIN_KEY_DISTINCT_CHARACTERS:
        return f"it has fewer than {MIN_KEY_DISTINCT_CHARACTERS} distinct characters"
    return None


def signing_key(name: str, value: str, *, debug: bool, debug_default: str) -> str:
    """The key to use for setting `name`: `value` if strong; in DEBUG, `debug_default`
    when unset (and a weak key is tolerated); otherwise ImproperlyConfigured."""
    if debug:
        return value or debug_default
    weakness = key_weakness(value)
    if weakness is not None:
        raise ImproperlyConfigured(
            f"{name} cannot be used with DEBUG off: {weakness}. Set {name} in the environment "
            f"to a random secret of at least {MIN_KEY_LENGTH} characters. {GENERATE_HINT}"
        )
    return value


def previous_signing_keys(name: str, values: list[str], *, debug: bool) -> list[str]:
    """Keys still accepted while rotating (SECRET_KEY_FALLBACKS): a weak one would
    forge signatures as well as the current key, so each is held to the same rule."""
    for position, value in enumerate(values):
        signing_key(f"{name}[{position}]", value, debug=debug, debug_default="")
    return values


def bounded(name: str, value: int, *, low: int, high: int) -> int:
    """`value` if within [low, high], else ImproperlyConfigured naming the range."""
    if not low <= value <= high:
        raise ImproperlyConfigured(f"{name} must be between {low} and {high}; it is {value}.")
    return value
