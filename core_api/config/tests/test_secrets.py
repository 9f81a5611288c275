"""Outside DEBUG, the process refuses to start without strong signing keys."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.keys import DEMO_SECRET_KEY, bounded, previous_signing_keys, signing_key
from config.tests.test_settings import PRODUCTION_ENV, manage

STRONG = "k3y-" + "abcdefghij" * 5
WEAK_KEYS = [
    ("", "it is not set"),
    (DEMO_SECRET_KEY, "demo key committed in the repository"),
    ("django-insecure-" + "q1w2e3r4t5" * 6, "starts with 'django-insecure-'"),
    ("short-but-varied-0123456789", "at least 50 are required"),
    ("ab" * 40, "fewer than 5 distinct characters"),
]


@pytest.mark.parametrize(("value", "reason"), WEAK_KEYS)
def test_a_weak_key_is_refused_outside_debug(value, reason):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY cannot be used with DEBUG off") as refused:
        signing_key("SECRET_KEY", value, debug=False, debug_default=DEMO_SECRET_KEY)
    assert reason in str(refused.value)
    assert "secrets.token_urlsafe" in str(refused.value)  # says how to make one


def test_a_strong_key_is_used_as_given():
    assert signing_key("SECRET_KEY", STRONG, debug=False, debug_default=DEMO_SECRET_KEY) == STRONG


@pytest.mark.parametrize(("value", "expected"), [("", DEMO_SECRET_KEY), ("weak", "weak")])
def test_debug_falls_back_to_the_demo_key_and_tolerates_weak_ones(value, expected):
    assert signing_key("SECRET_KEY", value, debug=True, debug_default=DEMO_SECRET_KEY) == expected


def test_every_fallback_key_must_be_strong_too():
    assert previous_signing_keys("SECRET_KEY_FALLBACKS", [STRONG], debug=False) == [STRONG]
    with pytest.raises(ImproperlyConfigured, match=r"SECRET_KEY_FALLBACKS\[1\]"):
        previous_signing_keys("SECRET_KEY_FALLBACKS", [STRONG, "old-and-short"], debug=False)


@pytest.mark.parametrize(("value", "accepted"), [(0, False), (1, True), (60, True), (61, False)])
def test_access_token_minutes_are_capped(value, accepted):
    if accepted:
        assert bounded("JWT_ACCESS_MINUTES", value, low=1, high=60) == value
    else:
        with pytest.raises(ImproperlyConfigured, match="between 1 and 60"):
            bounded("JWT_ACCESS_MINUTES", value, low=1, high=60)


# The same rules, end to end: the process stops at start with the message.
SHOW_KEYS = "from django.conf import settings as s; print(s.SECRET_KEY == s.SIMPLE_JWT['SIGNING_KEY'])"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY cannot be used with DEBUG off: it is not set"),
        ({"SECRET_KEY": DEMO_SECRET_KEY}, "it is the demo key"),
        ({"JWT_SIGNING_KEY": ""}, "JWT_SIGNING_KEY cannot be used with DEBUG off: it is not set"),
        ({"JWT_SIGNING_KEY": PRODUCTION_ENV["SECRET_KEY"]}, "JWT_SIGNING_KEY must differ from SECRET_KEY"),
        ({"SECRET_KEY_FALLBACKS": "too-short"}, "SECRET_KEY_FALLBACKS[0] cannot be used"),
        ({"JWT_ACCESS_MINUTES": "600"}, "JWT_ACCESS_MINUTES must be between 1 and 60"),
    ],
)
def test_the_process_refuses_to_start_with_debug_off_and_a_bad_key(change, message):
    result = manage("shell", "-c", SHOW_KEYS, env={**PRODUCTION_ENV, **change})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_with_debug_on_and_no_keys_the_demo_starts_on_one_demo_key():
    env = {"DEBUG": "true", "DATABASE_URL": "sqlite:///:memory:"}
    result = manage("shell", "-c", SHOW_KEYS, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "True"  # JWT_SIGNING_KEY defaults to SECRET_KEY in DEBUG only
