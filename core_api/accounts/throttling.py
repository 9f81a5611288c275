"""Brakes on password guessing, counted in the shared cache (docs/security.md, "Throttles").

Two counters guard every endpoint that checks a password (the token endpoint and
the password change), and either one refuses with 429:

- per client address (`ScopedRateThrottle`, scope `auth`). The address is the
  socket's, or, behind NUM_PROXIES trusted proxies, the one the outermost of them
  saw: a client-supplied `X-Forwarded-For` is never trusted beyond that, so
  rotating it no longer buys fresh attempts;
- per username (`UsernameRateThrottle`, scope `auth_username`), whatever address
  the attempts come from: many machines guessing one account's password share
  one budget.

Both live in Django's default cache: Redis, shared by every worker and replica,
when REDIS_URL is set; per process in the local demo.
"""

import hashlib
from typing import Any, cast

from axes.handlers.database import AxesDatabaseHandler
from django.http import HttpRequest
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle


def client_address(request: HttpRequest | Request) -> str | None:
    """The caller's address as DRF's throttles count it (NUM_PROXIES decides how
    much of X-Forwarded-For to trust: none by default), or None when the request
    has none (a request built in-process, e.g. by the test client's force_login).
    The admin's lockout (django-axes) counts by the same address."""
    # get_ident reads only META, which an HttpRequest (axes) has as well as a DRF Request.
    address = BaseThrottle().get_ident(cast(Request, request))
    return str(address) if address else None


class UsernameRateThrottle(SimpleRateThrottle):
    scope = "auth_username"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        username = attempted_username(request)
        if username is None:
            return None  # nothing to count: the body is refused as invalid anyway
        # Hashed: any string a client sends becomes a short, safe cache key.
        digest = hashlib.sha256(username.casefold().encode()).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": digest}


def attempted_username(request: Request) -> str | None:
    """Whose password is being tried: the signed-in caller's (password change), else
    the `username` of the body (login)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return str(user.get_username())
    data = request.data
    value = data.get("username") if hasattr(data, "get") else None
    return value.strip() if isinstance(value, str) and value.strip() else None


class AdminLoginLockoutHandler(AxesDatabaseHandler):
    """django-axes for `/admin/login/` only. Django reports every failed
    `authenticate()` (the API's token endpoint too) to axes; the API's logins are
    braked by the throttles above and answer in the API's own shape, so they are
    neither counted nor locked here (AXES_ONLY_ADMIN_SITE covers the locking)."""

    def user_login_failed(
        self, sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
    ) -> None:
        if request is not None and self.is_admin_request(request):
            super().user_login_failed(sender, credentials, request, **kwargs)
