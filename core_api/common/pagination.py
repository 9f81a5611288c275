"""Pagination shared by every list endpoint: page numbers, or cursors, with
counts that stay cheap on large vendors.

Page numbers (`?page=N&page_size=M`) are the default; `?cursor=` (empty for
the first page, then the `next`/`previous` links) pages by keyset instead,
which costs the same at any depth. Either way the body is
`{count, next, previous, results}`:

- a page is fetched with one row more than asked, so `next` never needs the
  count, and the page's ids are picked by an inner query that can read only
  an index (a deferred join) before the rows themselves are fetched;
- `count` is exact up to a limit and an estimate beyond it (common/counting.py);
  the `X-Count-Exact` header says which one a response carries. On the last
  page the count is known exactly for free;
- cursors are keysets (common/cursors.py).

Views may provide `fetch_page_rows(queryset) -> list` to turn the page's
queryset into the response rows (the collectibles list renders `.values()`
rows without building model instances); by default rows are model instances.
Lists whose count and pages are computed another way (ranked search) pass an
object with `page(offset, limit)` and `count()` instead of a queryset.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from .counting import count_rows
from .cursors import Cursor, SortKey, keyset_after, ordering_names, sort_keys, sort_value

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
        ordering = ordering_names(keys)
        token = request.query_params.get(self.cursor_query_param, "")
        cursor = Cursor.decode(token, ordering) if token else None
        backwards = bool(cursor and cursor.backwards)
        window = listing
        if cursor is not None:
            walk = [SortKey(key.field, key.descending != backwards) for key in keys]
            window = window.filter(keyset_after(listing.model, walk, cursor.values))
        if backwards:
            window = window.order_by(*ordering_names([SortKey(k.field, not k.descending) for k in keys]))
        rows = fetch(window[: size + 1])
        more = len(rows) > size
        rows = rows[:size]
        if backwards:
            rows.reverse()
        self.count, self.count_exact = count_rows(listing)
        url = remove_query_param(request.build_absolute_uri(), self.page_query_param)

        def link(row: Any, *, back: bool) -> str:
            values = [sort_value(row, key.field) for key in keys]
            return replace_query_param(url, self.cursor_query_param, Cursor(ordering, values, back).encode())

        has_next = more if not backwards else cursor is not None
        has_previous = (cursor is not None) if not backwards else more
        self.next_link = link(rows[-1], back=False) if rows and has_next else None
        self.previous_link = link(rows[0], back=True) if rows and has_previous else None
        return rows
