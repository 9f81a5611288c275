"""Every answer under /api/ is JSON in the API's error shape, whoever produced it.

DRF renders the errors of its own views (common/exceptions.py). A few answers
never reach DRF and would be Django's HTML pages: a refused Host (400), a
CSRF failure (403), a path no route matches (404), an exception no handler
caught (500, or Django's debug page when DEBUG is on), a 405 from a plain
Django view. This middleware, first in the chain, turns any non-JSON error
under /api/ into `{"detail": "..."}` with the same status and headers, so a
client parses one shape everywhere.

It also stops a write to an API path without its trailing slash before
CommonMiddleware would redirect it (a 301 that clients follow with a GET, or a
RuntimeError under DEBUG): it answers 404 saying where the slash goes.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import is_valid_path

API_PREFIX = "/api/"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# The message for each status, when the response carries none we can use.
MESSAGES = {
    400: "Bad request.",
    403: "You do not have permission to perform this action.",
    404: "Not found.",
    405: "Method not allowed.",
    413: "Request body too large.",
    500: "Server error. The failure is logged; try again, or report it if it persists.",
}
# Headers of the original answer that describe the error, kept as they are.
KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate", "Vary")


def is_api_path(path: str) -> bool:
    return path.startswith(API_PREFIX) or path == API_PREFIX.rstrip("/")


def is_json(response: HttpResponse) -> bool:
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return content_type == "application/json" or content_type.endswith("+json")


def json_error(status: int, detail: str | None = None) -> JsonResponse:
    message = detail or MESSAGES.get(status) or ("Server error." if status >= 500 else "Request refused.")
    return JsonResponse({"detail": message}, status=status)


class ApiErrorsAsJsonMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_api_path(request.path_info):
            return self.get_response(request)
        if (
            request.method not in SAFE_METHODS
            and not request.path_info.endswith("/")
            and not is_valid_path(request.path_info)
        ):
            return json_error(404, f"Not found. API paths end with a slash: {request.path_info}/")
        response = self.get_response(request)
        if response.status_code < 400 or is_json(response):
            return response
        replacement = json_error(response.status_code)
        for header in KEPT_HEADERS:
            if header in response:
                replacement[header] = response[header]
        if response.cookies:
            replacement.cookies = response.cookies
        return replacement


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: JSON under /api/, Django's page elsewhere (the admin).

    The API authenticates with bearer tokens and its views are CSRF-exempt; a
    CSRF failure there means a request the API never accepts (e.g. a browser
    form post riding on an admin session cookie)."""
    if is_api_path(request.path_info):
        return json_error(403, f"CSRF verification failed: {reason}" if reason else None)
    from django.views.csrf import csrf_failure as django_csrf_failure

    return django_csrf_failure(request, reason)
