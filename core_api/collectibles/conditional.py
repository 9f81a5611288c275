"""Conditional requests on collectibles: ETag from the version, If-Match / If-None-Match.

Every change moves a collectible's `version`; its ETag is `"<version>"`. A
write that names the version it edited (If-Match) is refused with 412 when the
row has moved on, instead of overwriting someone else's change.
"""

import re

from django.utils.http import parse_etags
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework.request import Request

from .serializers import PreconditionFailedSerializer

ETAG_HEADER = OpenApiParameter(
    "ETag", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[200, 201], description='`"<version>"`'
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=(
        'The ETag (`"<version>"`) of the copy you edited. If the collectible changed since, the '
        "write is refused with 412 and the current representation. Without it the write always "
        "applies (last writer wins)."
    ),
)
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="An ETag you hold; 304 Not Modified when it is still current.",
)
PRECONDITION_FAILED = OpenApiResponse(
    PreconditionFailedSerializer, description="If-Match named an old version: someone changed it meanwhile."
)
STRONG_VERSION_TAG = re.compile(r'^"(\d{1,10})"$')


def etag(version: int) -> str:
    return f'"{version}"'


def if_match_versions(request: Request) -> frozenset[int] | None:
    """The versions If-Match accepts: None for any (no header or `*`).

    Comparison is strong, as RFC 9110 requires for If-Match: weak tags and
    anything unparseable match nothing, so the write is refused rather than
    applied blindly.
    """
    header = request.headers.get("If-Match")
    if header is None:
        return None
    tags = parse_etags(header)
    if tags == ["*"]:
        return None
    return frozenset(int(m.group(1)) for tag in tags if (m := STRONG_VERSION_TAG.match(tag)))
