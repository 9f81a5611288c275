"""Pagination shared by every list endpoint: page numbers, or cursors, with
counts that stay cheap on large vendors.

Page numbers (`?page=N&page_size=M`) are the default; `?cursor=` (empty for
the first page, then the `next`/`previous` links) pages by keyset instead,
which costs the same at any depth. Either way the body is
`{count, next, previous, results}`:

- a page is fetched with one row more than asked, so `next` never needs the
  count, and the page's ids are picked by an inner query that can read only
  an index (a deferred join) before the rows themselves are fetched;
- `count` is exact up to `LIST_EXACT_COUNT_LIMIT` matching rows (1,000 by
  default; counted with a capped `COUNT` that stops there) and beyond that
  PostgreSQL's planner estimate, never less than what is known to exist.
  Counting 200,000 rows exactly costs more than the rest of the request; the
  `X-Count-Exact` header says which one a response carries. On the last page
  the count is known exactly for free. Estimates are remembered per query for
  a minute (per process), so paging through a large list counts nothing again.

Views may provide `fetch_page_rows(queryset) -> list` to turn the page's
queryset into the response rows (the collectibles list renders `.values()`
rows without building model instances); by default rows are model instances.
Lists whose count and pages are computed another way (ranked search) pass an
object with `page(offset, limit)` and `count()` instead of a queryset.
"""

import base64
import binascii
import json
import operator
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connection
from django.db.models import Field, Model, Q, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

COUNT_EXACT_HEADER = "X-Count-Exact"
# OFFSET is a bigint in PostgreSQL: a page beyond it cannot exist.
MAX_OFFSET = 2**63 - 1
# Below this offset a plain LIMIT/OFFSET costs no more than picking ids first,
# and compiles one query instead of two.
DEFERRED_JOIN_MIN_OFFSET = 1_000

COUNT_EXACT_HEADER_PARAMETER = OpenApiParameter(
    name=COUNT_EXACT_HEADER,
    type=OpenApiTypes.BOOL,
    location=OpenApiParameter.HEADER,
    response=[200],
    description=(
        "`true` when `count` is exact; `false` when the list matches more than "
        "`LIST_EXACT_COUNT_LIMIT` (default 1,000) rows and `count` is PostgreSQL's estimate."
    ),
)


class RankedListing(Protocol):
    """A list that pages and counts itself (e.g. search ranked by relevance)."""

    def page(self, offset: int, limit: int) -> QuerySet[Any]: ...

    def total(self) -> tuple[int, bool]:
        """After `page`: how many rows, and whether that is exact."""
        ...

    def count(self) -> int:
        """Exactly how many rows, however long it takes."""
        ...


@dataclass
class SequenceListing:
    """A list computed in Python (e.g. a collectible's change history), paged like the rest."""

    items: Sequence[Any]

    def page(self, offset: int, limit: int) -> Sequence[Any]:
        return self.items[offset : offset + limit]

    def total(self) -> tuple[int, bool]:
        return len(self.items), True

    def count(self) -> int:
        return len(self.items)


Listing = QuerySet[Any] | RankedListing | SequenceListing


def exact_count_limit() -> int:
    return int(getattr(settings, "LIST_EXACT_COUNT_LIMIT", 1_000))


def count_rows(queryset: QuerySet[Any], *, at_least: int = 0) -> tuple[int, bool]:
    """How many rows `queryset` has, and whether that number is exact.

    `at_least` is how many rows the caller already knows exist.
    """
    if connection.vendor != "postgresql":
        return queryset.count(), True
    limit = exact_count_limit()
    # Compiled once for both statements: compiling costs more than running them.
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # e.g. `.none()`, the list of a user with no vendor
        return 0, True
    key = estimate_key(sql, params)
    remembered = remembered_estimate(key)
    if remembered is not None:
        return max(remembered, at_least), False
    if at_least <= limit:
        capped_sql = f"SELECT count(*) FROM ({sql} LIMIT {limit + 1}) AS capped"  # noqa: S608  (compiled by Django; values are parameters)
        with connection.cursor() as cursor:
            cursor.execute(capped_sql, params)
            capped = int(cursor.fetchone()[0])
        if capped <= limit:
            return capped, True
        at_least = limit + 1
    return max(_estimate(key), at_least), False


# Estimates of lists found to exceed the exact-count limit, per query (SQL and
# parameters), for ESTIMATE_TTL seconds: paging through a large list then costs
# neither the capped COUNT nor the EXPLAIN again. An estimate is approximate
# anyway; a list that shrinks below the limit meanwhile is still called an
# estimate until it expires. Per process; exact counts are never cached.
ESTIMATE_TTL = 60.0
ESTIMATE_CACHE_SIZE = 1_024
_estimates: "OrderedDict[tuple[str, tuple[Any, ...]], tuple[float, int]]" = OrderedDict()
# gthread workers (GUNICORN_THREADS > 1) share the cache between threads.
_estimates_lock = threading.Lock()


def forget_estimates() -> None:
    with _estimates_lock:
        _estimates.clear()


def estimate_key(sql: str, params: Sequence[Any]) -> tuple[str, tuple[Any, ...]]:
    return sql, tuple(tuple(param) if isinstance(param, list) else param for param in params)


def remembered_estimate(key: tuple[str, tuple[Any, ...]]) -> int | None:
    """The estimate of a list (keyed by its SQL and parameters) found to exceed
    the exact-count limit less than ESTIMATE_TTL seconds ago, if any."""
    with _estimates_lock:
        cached = _estimates.get(key)
    if cached is None or time.monotonic() - cached[0] >= ESTIMATE_TTL:
        return None
    return cached[1]


def remember_estimate(key: tuple[str, tuple[Any, ...]], estimate: int) -> None:
    with _estimates_lock:
        _estimates[key] = (time.monotonic(), estimate)
        _estimates.move_to_end(key)
        while len(_estimates) > ESTIMATE_CACHE_SIZE:
            _estimates.popitem(last=False)


def _estimate(key: tuple[str, tuple[Any, ...]]) -> int:
    sql, params = key
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    estimate = int((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]["Plan Rows"])
    remember_estimate(key, estimate)
    return estimate


def page_of(queryset: QuerySet[Any], offset: int, limit: int) -> QuerySet[Any]:
    """Rows offset..offset+limit of `queryset`, in its order.

    Deep pages pick their ids first, by an inner query that needs only the
    ordering and filter columns (an index-only scan where an index covers
    them); only those rows are then read whole and joined. A plain OFFSET
    would fetch and join every skipped row.
    """
    if offset < DEFERRED_JOIN_MIN_OFFSET:
        return queryset[offset : offset + limit]
    ids = queryset.values("pk")[offset : offset + limit]
    return queryset.filter(pk__in=ids)


@dataclass(frozen=True)
class SortKey:
    field: str
    descending: bool


def sort_keys(queryset: QuerySet[Any]) -> list[SortKey]:
    """The queryset's ordering as (field, direction) pairs, ending with the primary key."""
    model: type[Model] = queryset.model
    ordering = list(queryset.query.order_by) or list(model._meta.ordering or [])
    keys = []
    for item in ordering:
        if not isinstance(item, str):
            raise ValidationError(
                {"cursor": ["Cursors are not available for this ordering; use page numbers."]}
            )
        keys.append(SortKey(item.lstrip("-"), item.startswith("-")))
    if not keys or keys[-1].field not in ("pk", "id"):
        keys.append(SortKey("id", keys[-1].descending if keys else False))
    return keys


@dataclass(frozen=True)
class Cursor:
    """A position between two rows: the sort key values of the row next to it.

    `backwards` cursors (the `previous` link) fetch the rows before it.
    """

    ordering: list[str]
    values: list[Any]
    backwards: bool = False

    def encode(self) -> str:
        raw = json.dumps({"o": self.ordering, "v": self.values, "b": self.backwards}, separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str, ordering: list[str]) -> "Cursor":
        try:
            raw = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
            cursor = cls(ordering=list(raw["o"]), values=list(raw["v"]), backwards=bool(raw["b"]))
        except (ValueError, KeyError, TypeError, RecursionError, binascii.Error) as exc:
            # RecursionError: a client-made cursor whose JSON nests thousands deep.
            raise ValidationError({"cursor": ["Invalid cursor."]}) from exc
        if cursor.ordering != ordering or len(cursor.values) != len(ordering):
            raise ValidationError({"cursor": ["This cursor belongs to another ordering; start again."]})
        return cursor


def _ordering_names(keys: Sequence[SortKey]) -> list[str]:
    return [f"-{key.field}" if key.descending else key.field for key in keys]


def _cursor_value(field: "Field[Any, Any]", raw: Any) -> Any:
    """A sort key's value from a cursor, checked as the column would check it:
    a cursor is client input (e.g. an object where a date belongs, or an id
    beyond the column's range) and must fail as a 400, not in the database."""
    try:
        value = field.to_python(raw)
        field.run_validators(value)
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("NUL in a text value")  # PostgreSQL text cannot hold it
    except (DjangoValidationError, TypeError, ValueError, OverflowError) as exc:
        raise ValidationError({"cursor": ["Invalid cursor."]}) from exc
    return value


def keyset_after(model: type[Model], keys: Sequence[SortKey], values: Sequence[Any]) -> Q:
    """Rows that come after `values` in the order `keys`, with NULLs where the
    database sorts them (PostgreSQL: as the largest values; SQLite: the smallest)."""
    nulls_high = connection.features.nulls_order_largest
    alternatives = []
    equal_so_far = Q()
    bound = Q()
    for position, (key, raw) in enumerate(zip(keys, values, strict=True)):
        field = model._meta.get_field(key.field)
        if not isinstance(field, Field):
            raise ValidationError(
                {"cursor": ["Cursors are not available for this ordering; use page numbers."]}
            )
        nulls_last = nulls_high != key.descending  # in this walk's direction
        value = None if raw is None else _cursor_value(field, raw)
        if value is None:
            # Nothing comes after the NULLs when they come last; every value does when they come first.
            beyond = None if nulls_last else Q(**{f"{key.field}__isnull": False})
            same = Q(**{f"{key.field}__isnull": True})
        else:
            beyond = Q(**{f"{key.field}__{'lt' if key.descending else 'gt'}": value})
            same = Q(**{key.field: value})
            if field.null and nulls_last:
                beyond |= Q(**{f"{key.field}__isnull": True})
            elif position == 0:
                # Redundant, but a plain range on the leading key is what lets
                # the database start the index scan at the cursor instead of
                # filtering every row before it.
                bound = Q(**{f"{key.field}__{'lte' if key.descending else 'gte'}": value})
        if beyond is not None:
            alternatives.append(equal_so_far & beyond)
        equal_so_far &= same
    if not alternatives:
        return Q(pk__in=[])
    return bound & reduce(operator.or_, alternatives)


class StandardPageNumberPagination(PageNumberPagination):
    """`?page=N&page_size=M` (page_size defaults to 25, capped at 100), or
    `?cursor=...`. A page_size above the cap is clamped rather than refused,
    as most public APIs do; a page past the end is a 404 ("Invalid page.")."""

    page_size = 25
    page_size_query_param = "page_size"
    page_size_query_description = "Results per page (default 25, at most 100)."
    max_page_size = 100
    cursor_query_param = "cursor"

    count: int
    count_exact: bool
    next_link: str | None
    previous_link: str | None

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> list[Any]:
        self.request = request
        if isinstance(queryset, list | tuple):
            queryset = SequenceListing(queryset)
        fetch: Callable[[QuerySet[Any]], list[Any]] = getattr(view, "fetch_page_rows", list)
        size = self.get_page_size(request) or self.page_size
        if self.cursor_query_param in request.query_params:
            return self._by_cursor(queryset, request, size, fetch)
        return self._by_number(queryset, request, size, fetch)

    def get_paginated_response(self, data: Any) -> Response:
        response = Response(
            {"count": self.count, "next": self.next_link, "previous": self.previous_link, "results": data}
        )
        response[COUNT_EXACT_HEADER] = "true" if self.count_exact else "false"
        return response

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters: list[dict[str, Any]] = super().get_schema_operation_parameters(view)
        parameters.append(
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": (
                    "Page by cursor instead of page number: send it empty for the first page, "
                    "then follow `next`/`previous`. Costs the same at any depth. Not available "
                    "with `search` (use page numbers)."
                ),
                "schema": {"type": "string"},
            }
        )
        return parameters

    # --- page numbers ----------------------------------------------------------

    def _by_number(
        self, listing: Listing, request: Request, size: int, fetch: Callable[..., list[Any]]
    ) -> list[Any]:
        number = self._page_number(request, listing, size)
        offset = (number - 1) * size
        window = (
            page_of(listing, offset, size + 1)
            if isinstance(listing, QuerySet)
            else listing.page(offset, size + 1)
        )
        rows = fetch(window)
        if not rows and number > 1:
            raise NotFound(self.invalid_page_message)
        has_next = len(rows) > size
        rows = rows[:size]
        if not has_next:
            self.count, self.count_exact = offset + len(rows), True
        elif isinstance(listing, QuerySet):
            self.count, self.count_exact = count_rows(listing, at_least=offset + size + 1)
        else:
            self.count, self.count_exact = listing.total()
        url = request.build_absolute_uri()
        self.next_link = replace_query_param(url, self.page_query_param, number + 1) if has_next else None
        self.previous_link = None
        if number == 2:
            self.previous_link = remove_query_param(url, self.page_query_param)
        elif number > 2:
            self.previous_link = replace_query_param(url, self.page_query_param, number - 1)
        return rows

    def _page_number(self, request: Request, listing: Listing, size: int) -> int:
        raw = request.query_params.get(self.page_query_param) or "1"
        if raw in self.last_page_strings:
            total = listing.count()  # exact, however long it takes: `last` must be right
            return max(1, -(-total // size))
        try:
            number = int(raw)
        except ValueError:
            raise NotFound(self.invalid_page_message) from None
        if number < 1 or number * size >= MAX_OFFSET:
            raise NotFound(self.invalid_page_message)
        return number

    # --- cursors ---------------------------------------------------------------

    def _by_cursor(
        self, listing: Listing, request: Request, size: int, fetch: Callable[..., list[Any]]
    ) -> list[Any]:
        if not isinstance(listing, QuerySet):
            raise ValidationError({"cursor": ["Cursors are not available with search; use page numbers."]})
        keys = sort_keys(listing)
        ordering = _ordering_names(keys)
        token = request.query_params.get(self.cursor_query_param, "")
        cursor = Cursor.decode(token, ordering) if token else None
        backwards = bool(cursor and cursor.backwards)
        window = listing
        if cursor is not None:
            walk = [SortKey(key.field, key.descending != backwards) for key in keys]
            window = window.filter(keyset_after(listing.model, walk, cursor.values))
        if backwards:
            window = window.order_by(*_ordering_names([SortKey(k.field, not k.descending) for k in keys]))
        rows = fetch(window[: size + 1])
        more = len(rows) > size
        rows = rows[:size]
        if backwards:
            rows.reverse()
        self.count, self.count_exact = count_rows(listing)
        url = remove_query_param(request.build_absolute_uri(), self.page_query_param)

        def link(row: Any, *, back: bool) -> str:
            values = [_value(row, key.field) for key in keys]
            return replace_query_param(url, self.cursor_query_param, Cursor(ordering, values, back).encode())

        has_next = more if not backwards else cursor is not None
        has_previous = (cursor is not None) if not backwards else more
        self.next_link = link(rows[-1], back=False) if rows and has_next else None
        self.previous_link = link(rows[0], back=True) if rows and has_previous else None
        return rows


def _value(row: Any, field: str) -> Any:
    """A sort key's value as the response shows it (dates and decimals as strings)."""
    value = row[field] if isinstance(row, dict) else getattr(row, "pk" if field == "id" else field)
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)
