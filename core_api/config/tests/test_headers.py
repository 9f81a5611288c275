"""A strict Content-Security-Policy on every page, next to the other security
headers (docs/security.md, "Headers (CSP)")."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from common.tests.test_spa import spa_dist  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = (part.split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in parsed}


def assert_strict(response, *, django_page=True):
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval', no hosts
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    # The other headers stay.
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    if django_page:  # files WhiteNoise serves skip the inner middleware; frame-ancestors covers them
        assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", ["/", "/login", "/collectibles/5"])
def test_the_spa_is_served_with_a_strict_policy(spa_dist, path):  # noqa: F811
    assert_strict(Client().get(path))


def test_the_spas_own_files_carry_it_too(spa_dist):  # noqa: F811
    # WhiteNoise answers these before Django's views; the policy is set outside it.
    assert_strict(Client().get("/favicon.svg"), django_page=False)


def test_the_spa_source_has_no_inline_script():
    index = (Path(settings.REPO_DIR) / "frontend" / "index.html").read_bytes()
    assert INLINE_SCRIPT.findall(index) == []
    assert b'<script src="/theme-init.js"></script>' in index
    assert (Path(settings.REPO_DIR) / "frontend" / "public" / "theme-init.js").is_file()


def test_swagger_ui_runs_under_the_policy(owner_client):
    page = Client().get(reverse("swagger-ui"))
    assert page.status_code == 200
    assert_strict(page)
    assert INLINE_SCRIPT.findall(page.content) == []
    # Its initializer is a script served by the same view.
    initializer = Client().get(reverse("swagger-ui") + "?script=")
    assert initializer.status_code == 200
    assert b"SwaggerUIBundle" in initializer.content


def test_api_answers_and_the_admin_carry_it(owner_client):
    assert_strict(owner_client.get(reverse("auth:me")))
    assert_strict(Client().get(reverse("admin:login")))
