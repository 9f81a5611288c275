"""Django serves the built SPA: its files, and index.html for client-side routes."""

import pytest
from django.test import Client, override_settings

from common.spa import NOT_BUILT

INDEX = b'<!doctype html><div id="root"></div><script src="/assets/index-AbC123xy.js"></script>'


@pytest.fixture
def spa_dist(tmp_path):
    """A stand-in for frontend/dist, so the tests do not depend on a Node build."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_bytes(INDEX)
    (tmp_path / "assets" / "index-AbC123xy.js").write_text("console.log('omni-stock');")
    (tmp_path / "favicon.svg").write_text("<svg/>")
    with override_settings(SPA_DIST_DIR=tmp_path, WHITENOISE_ROOT=tmp_path):
        yield tmp_path


CLIENT_ROUTES = [
    "/",
    "/login",
    "/collectibles",
    "/collectibles/new",
    "/collectibles/5",
    "/collectibles/5/edit",
]


@pytest.mark.parametrize("path", [*CLIENT_ROUTES, "/no-such-page"])
def test_client_routes_get_the_spa_index(spa_dist, path):
    response = Client().get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert response.content == INDEX


def test_built_files_are_served_from_the_site_root(spa_dist):
    client = Client()
    script = client.get("/assets/index-AbC123xy.js")
    assert script.status_code == 200
    assert b"".join(script.streaming_content) == b"console.log('omni-stock');"
    assert client.get("/favicon.svg").status_code == 200


def test_a_missing_asset_is_a_404_not_the_index(spa_dist):
    response = Client().get("/assets/index-gone.js")
    assert response.status_code == 404
    assert response.content != INDEX


@pytest.mark.parametrize("path", ["/api/", "/api/v1/", "/api/v1/nope/", "/api/v2/collectibles/"])
def test_unknown_api_paths_stay_json_404s(spa_dist, path):
    response = Client().get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_api_paths_without_trailing_slash_still_redirect(spa_dist):
    response = Client().get("/api/v1/collectibles")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/collectibles/"


@pytest.mark.django_db
def test_the_api_admin_and_probes_are_not_swallowed(spa_dist, owner_client):
    client = Client()
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json()["status"] == "ok"
    assert client.get("/admin/").status_code == 302  # to the admin login
    assert client.get("/admin")["Location"] == "/admin/"
    assert client.get("/api/v1/collectibles/").status_code == 401
    assert owner_client.get("/api/v1/collectibles/").json()["count"] == 0


def test_writes_to_client_routes_are_refused(spa_dist):
    assert Client().post("/collectibles").status_code == 405


def test_a_helpful_404_when_the_spa_is_not_built(tmp_path):
    with override_settings(SPA_DIST_DIR=tmp_path / "missing", WHITENOISE_ROOT=None):
        response = Client().get("/collectibles")
    assert response.status_code == 404
    assert response.content.decode() == NOT_BUILT
