"""Typo-tolerant search that costs what a vendor's vocabulary costs, not its rows.

Matching `charzard` against 200,000 rows' names with pg_trgm reads and
rechecks every candidate row. A shop has far fewer distinct names and set
names than stock lines, so search runs in three steps (three queries):

1. `matching_terms`: the vendor's lexicon (`SearchTerm`) is matched with
   word similarity (`%>`, through a trigram GIN index) or, for names, as a
   substring, and each term's closeness is computed once. Queries shorter
   than SHORT_QUERY characters match name prefixes only: too few trigrams to
   be typo-tolerant, and never a scan of the rows.
2. The page's ids: for each matched term, its newest rows through a btree
   index ((vendor, name, id) or (vendor, card_set_name, id)), at most as many
   as the page reaches, plus card numbers equal to the query. A row ranks as
   its best term (an exact card number above all), so the best-ranked rows
   are always among those. The same statement counts the matches: exactly
   while there are at most a few thousand, else as an estimate (the matches
   per term added up, a row matching two terms counted twice).
3. Those rows are fetched.

The rank is the one search always had: the closeness of the name or the set
name, whichever is higher, an exact card number first.
"""

# SQL here is glued from statements Django compiled, with every value a
# parameter; nothing from the request is formatted into it.
# ruff: noqa: S608

from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import CombinedExpression, RawSQL
from django.db.models.functions import Upper

from common.counting import estimate_key, exact_count_limit, remember_estimate, remembered_estimate

from .models import Collectible, SearchTerm

SHORT_QUERY = 3
MAX_TERMS = 1_000  # the closest terms; a query matching more is too vague to rank them all
CARD_NUMBER_RANK = 2.0
# (field, collectible column) of each kind of term.
TERM_COLUMNS = ((SearchTerm.Field.NAME, "name"), (SearchTerm.Field.SET_NAME, "card_set_name"))


@dataclass(frozen=True)
class Term:
    field: str
    text: str
    rank: float


def closeness(query: str, field: str) -> CombinedExpression:
    """How well `query` matches `field`: word similarity finds the query inside
    a longer name; whole-string similarity then prefers "Charizard" over
    "Charizard VMAX" for the query "charizard"."""
    return (TrigramWordSimilarity(query, field) + TrigramSimilarity(field, query)) / 2


def matching_terms(vendor_id: int, query: str) -> list[Term]:
    terms = SearchTerm.objects.filter(vendor_id=vendor_id).alias(upper_text=Upper("text"))
    if len(query) < SHORT_QUERY:
        terms = terms.filter(field=SearchTerm.Field.NAME, upper_text__startswith=query.upper())
    else:
        terms = terms.filter(
            Q(upper_text__trigram_word_similar=query)
            | Q(field=SearchTerm.Field.NAME, upper_text__contains=query.upper())
        )
    ranked = terms.annotate(rank=closeness(query, "text")).order_by("-rank", "text")[:MAX_TERMS]
    return [Term(field, text, rank) for field, text, rank in ranked.values_list("field", "text", "rank")]


class RankedSearch:
    """The rows of `queryset` (vendor-scoped and filtered) matching `query`,
    best first, or in `queryset`'s own order when `ordered` (an explicit
    `ordering`). Pages and counts itself (common.pagination.RankedListing)."""

    def __init__(
        self, queryset: QuerySet[Collectible], query: str, terms: list[Term], *, ordered: bool
    ) -> None:
        self.queryset = queryset
        self.query = query
        self.terms = terms
        self.ordered = ordered
        self._total: tuple[int, bool] = (0, True)
        self._compiled_base: tuple[str, list[Any]] | None = None

    def page(self, offset: int, limit: int) -> QuerySet[Collectible]:
        if self.ordered:
            sql, params = self._matches()
            matches = RawSQL(f"SELECT id FROM ({sql}) AS matches", params)  # noqa: S611
            return self.queryset.filter(pk__in=matches)[offset : offset + limit]
        sql, params = self._page_sql(offset + limit)
        count_sql, count_params = self._count_sql()
        count_key = estimate_key(count_sql, count_params)
        remembered = remembered_estimate(count_key)
        if remembered is not None:
            # Known to be a large result a moment ago: the page alone.
            count_sql, count_params = "SELECT %s::bigint AS n, true AS estimated", [remembered]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT page.id, total.n, total.estimated FROM ({sql}) AS page, ({count_sql}) AS total "
                "ORDER BY page.rank DESC, page.id DESC LIMIT %s OFFSET %s",
                [*params, *count_params, limit, offset],
            )
            found = cursor.fetchall()
        if found:
            self._total = (int(found[0][1]), not found[0][2])
            if found[0][2] and remembered is None:
                remember_estimate(count_key, self._total[0])
        ids = [row[0] for row in found]
        if not ids:
            return self.queryset.none()
        # One array parameter: a CASE with a branch per row costs Django more to compile than the query.
        table = Collectible._meta.db_table
        in_rank_order = RawSQL(f'array_position(%s::bigint[], "{table}"."id")', (ids,))  # noqa: S611
        return self.queryset.filter(pk__in=ids).order_by(in_rank_order)

    def as_queryset(self) -> QuerySet[Collectible]:
        """Every match, in the queryset's own order (exports and bulk edits of a search)."""
        sql, params = self._matches()
        return self.queryset.filter(pk__in=RawSQL(f"SELECT id FROM ({sql}) AS matches", params))  # noqa: S611

    def total(self) -> tuple[int, bool]:
        """The number of matches and whether it is exact (after `page`)."""
        if self.ordered:
            sql, params = self._count_sql()
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                total, estimated = cursor.fetchone()
            return int(total), not estimated
        return self._total

    def count(self) -> int:
        """The exact number of matches, however long it takes."""
        sql, params = self._matches()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM ({sql}) AS matches", params)
            return int(cursor.fetchone()[0])

    # --- SQL -------------------------------------------------------------------
    # Every statement reads the filtered, vendor-scoped rows as `base`, compiled
    # by Django once per request; PostgreSQL inlines it, so each branch still
    # runs on its own index.

    def _base(self) -> tuple[str, list[Any]]:
        if self._compiled_base is None:
            rows = self.queryset.order_by().values(
                "id", "name", "card_set_name", card_number=F("card_details__card_number")
            )
            sql, params = rows.query.sql_with_params()
            self._compiled_base = (sql, list(params))
        return self._compiled_base

    def _branches(self, reach: int | None) -> list[tuple[str, list[Any]]]:
        """`SELECT id, rank` per way of matching: each term's newest `reach`
        rows (every row when None), and card numbers equal to the query."""
        base, base_params = self._base()
        limit = "" if reach is None else f" ORDER BY b.id DESC LIMIT {int(reach)}"
        branches = []
        for field, column in TERM_COLUMNS:
            terms = [term for term in self.terms if term.field == field]
            if terms:
                branches.append(
                    (
                        "SELECT m.id, t.rank FROM unnest(%s::text[], %s::float8[]) AS t(term, rank) "
                        f"CROSS JOIN LATERAL (SELECT b.id FROM ({base}) AS b "
                        f"WHERE b.{column} = t.term{limit}) AS m",
                        [[term.text for term in terms], [term.rank for term in terms], *base_params],
                    )
                )
        branches.append(
            (
                f"SELECT b.id, {CARD_NUMBER_RANK}::float8 AS rank FROM ({base}) AS b "
                f"WHERE upper(b.card_number) = upper(%s){limit}",
                [*base_params, self.query],
            )
        )
        return branches

    def _page_sql(self, reach: int) -> tuple[str, list[Any]]:
        """`id, rank` of the candidates for the first `reach` rows."""
        branches = self._branches(reach)
        union = " UNION ALL ".join(f"({sql})" for sql, _ in branches)
        return f"SELECT id, max(rank) AS rank FROM ({union}) AS m GROUP BY id", _joined(branches)

    def _count_sql(self) -> tuple[str, list[Any]]:
        """`n, estimated`: exact while the matches are few enough to count
        through a LIMIT, else every term's matches added up."""
        sql, params = self._matches(distinct=False)
        # A row matches at most three ways (name, set name, card number).
        reach = 3 * exact_count_limit()
        return (
            "SELECT CASE WHEN capped.n > %s "
            f"THEN (SELECT count(*) FROM ({sql}) AS every_match) ELSE capped.distinct_n END AS n, "
            "capped.n > %s AS estimated "
            "FROM (SELECT count(*) AS n, count(DISTINCT id) AS distinct_n "
            f"FROM ({sql} LIMIT %s) AS m) AS capped",
            [reach, *params, reach, *params, reach + 1],
        )

    def _matches(self, *, distinct: bool = True) -> tuple[str, list[Any]]:
        """The ids of every match (each once, or once per way it matches)."""
        branches = self._branches(None)
        union = (" UNION " if distinct else " UNION ALL ").join(
            f"(SELECT id FROM ({sql}) AS w)" for sql, _ in branches
        )
        return union, _joined(branches)


def _joined(branches: list[tuple[str, Any]]) -> list[Any]:
    return [param for _, params in branches for param in params]
