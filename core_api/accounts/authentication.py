"""JWT authentication that can answer reads from the token's claims.

On views that opt in (`reads_trust_token_claims = True`: the inventory
endpoints), a read (GET, HEAD, OPTIONS) whose token carries the vendor and
role claims (accounts/tokens.py) is authenticated as a `StaffTokenUser` built
from the token alone: no user query, no profile query. Everything else
(writes, other views, tokens issued before the claims existed) goes through
SimpleJWT's database lookup, so a demoted or detached user can never write
with an old token.

The trade-off: reads trust claims for as long as the access token lives (15
minutes by default, at most 60). A user removed from a vendor, demoted, or
deactivated can still read that vendor's lists until their access token
expires; their refresh tokens are revoked at once (accounts/signals.py).
Reads that hand over the whole inventory in one response (the CSV export) are
not worth that window: views name them in `reads_checked_in_database`, and they
look the user and profile up like a write.
"""

from typing import Any

from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.models import TokenUser
from rest_framework_simplejwt.tokens import Token

from .models import Membership
from .tokens import ROLE_CLAIM, VENDOR_CLAIM


class StaffTokenUser(TokenUser):
    """The caller as their access token describes them."""

    @property
    def membership(self) -> Membership:
        return Membership(vendor_id=self.token[VENDOR_CLAIM], role=self.token[ROLE_CLAIM])


class StaffJWTAuthentication(JWTAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, Token] | None:
        header = self.get_header(request)
        if header is None:
            return None
        raw_token = self.get_raw_token(header)
        if raw_token is None:
            return None
        token = self.get_validated_token(raw_token)
        if claims_suffice(request, token):
            return StaffTokenUser(token), token
        return self.get_user(token), token


def claims_suffice(request: Request, token: Token) -> bool:
    """The one place that decides whether a request may act on the token's
    claims; False means the database says who the caller is (active user,
    current vendor and role)."""
    view = (request.parser_context or {}).get("view")
    return (
        request.method in SAFE_METHODS
        and getattr(view, "reads_trust_token_claims", False)
        and getattr(view, "action", None) not in getattr(view, "reads_checked_in_database", ())
        and VENDOR_CLAIM in token
        and ROLE_CLAIM in token
    )
