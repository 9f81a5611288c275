"""`/metrics`: Prometheus text, for a scraper that holds METRICS_TOKEN.

Served by the observability middleware ahead of the host check (Prometheus
scrapes by pod IP, like the probes). Not public: without METRICS_TOKEN it does
not exist (404); with it, a scrape without the bearer token is 401 and one with
another token 403.
"""

import hmac

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from prometheus_client import CONTENT_TYPE_LATEST

from .metrics import exposition

METRICS_PATH = "/metrics"


def metrics(request: HttpRequest) -> HttpResponse:
    expected: str = settings.METRICS_TOKEN
    if not expected:
        return JsonResponse({"detail": "Not found."}, status=404)
    scheme, _, offered = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not offered:
        refused = JsonResponse({"detail": "Authentication credentials were not provided."}, status=401)
        refused["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return refused
    if not hmac.compare_digest(offered.encode(), expected.encode()):
        return JsonResponse({"detail": "You do not have permission to perform this action."}, status=403)
    if request.method not in ("GET", "HEAD"):
        return JsonResponse({"detail": f'Method "{request.method}" not allowed.'}, status=405)
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
