"""The vendor SPA (frontend/) served by Django: one server gives API and UI.

WhiteNoise serves the built files (WHITENOISE_ROOT = frontend/dist) at the
site root. Every other path that is not the API, the admin, static or media
files or a probe is a client-side route (`/collectibles/5`), so it gets the
SPA's index.html and React Router takes over (the history-API fallback).
Unknown API paths stay JSON 404s, never the HTML page.
"""

from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

NOT_BUILT = (
    "The Omni-Stock web app is not built yet. Run `make run`, or `cd frontend && npm ci && npm run build`.\n"
)


@require_safe
def spa_index(request: HttpRequest) -> HttpResponse:
    index = Path(settings.SPA_DIST_DIR) / "index.html"
    try:
        content = index.read_bytes()
    except FileNotFoundError:
        return HttpResponse(NOT_BUILT, status=404, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content, content_type="text/html; charset=utf-8")
    # Always revalidate: it names the hashed bundles of the current build.
    response["Cache-Control"] = "no-cache"
    return response


@csrf_exempt
def api_not_found(request: HttpRequest) -> JsonResponse:
    """An API path that matches no endpoint: the API's own 404 shape, for any
    method (CSRF-exempt like every API view: a PUT there is a 404, not a 403)."""
    return JsonResponse({"detail": "Not found."}, status=404)
