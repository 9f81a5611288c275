"""Pagination shared by every list endpoint."""

from rest_framework.pagination import PageNumberPagination


class StandardPageNumberPagination(PageNumberPagination):
    """`?page=N&page_size=M`; page_size defaults to 25 and is capped at 100.

    A page_size above the cap is clamped rather than refused, as most public
    APIs do; a page past the end is a 404 ("Invalid page.").
    """

    page_size = 25
    page_size_query_param = "page_size"
    page_size_query_description = "Results per page (default 25, at most 100)."
    max_page_size = 100
