"""Catalog search: typo-tolerant, ranked, and exact on ids and set code + number.

The query is split into words. Each word may match, typo-tolerantly, a
printing name (through the `CatalogName` lexicon: tens of thousands of names
instead of millions of printings, pg_trgm word similarity on a GIN index) or
a set name; exactly, a set code or id (`MH2`, `base1`), a collector number
(`138`, `4a`, `SWSH050`), a printing's source id (`base1-4`) or a TCGplayer or
Cardmarket product id. Four queries:

1. the names best matching all the words together, then the best sets per
   word (one query each);
2. the candidate printings: those matching **every** word one way or another
   (`charzard base` → Charizard in sets named Base), by index (name, set,
   upper(number), upper(source id), marketplace ids); if none match every
   word, those matching any;
3. the page's printings.

Ranking, in Python over the candidates (a few thousand at most): how many
words matched, then how well (an exact id above a number or set code above a
name above a set name), then how close the name is to a word as a whole
("Charizard" before "Charizard VMAX"), then newest first. Words of one or two
letters ("ex") never narrow the search; they lift names containing them.
"""

# SQL here is glued from table names and placeholders; every value is a parameter.
# ruff: noqa: S608

import re
from dataclasses import dataclass, field
from datetime import date
from functools import reduce
from operator import and_, or_
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Upper

from .models import CardSet, CatalogName, Printing

MAX_WORDS = 6
MAX_NAMES = 60  # the names best matching all the words together
SETS_PER_WORD = 10
MAX_CANDIDATES = 20_000  # beyond, `count` says it is not exact
SHORT_WORD = 3
# How much a kind of match counts for one word.
EXACT_ID_SCORE = 3.0
NUMBER_SCORE = 1.5
SET_CODE_SCORE = 1.5
SET_NAME_WEIGHT = 0.8
SHORT_WORD_SCORE = 0.3
MARKETPLACE_KEYS = ("tcgplayer", "cardmarket")


@dataclass
class Word:
    text: str  # upper-case
    names: dict[str, tuple[float, float]] = field(default_factory=dict)  # name → (word sim., sim.)
    sets: dict[int, float] = field(default_factory=dict)  # set pk → score
    truncated: bool = False

    @property
    def short(self) -> bool:
        return len(self.text) < SHORT_WORD and not any(ch.isdigit() for ch in self.text)

    def condition(self) -> Q:
        """Printings this word matches some way (used to narrow: never for short words)."""
        alternatives = [
            Q(number_upper=self.text),
            Q(source_id_upper=self.text),
            *[Q(**{f"{key}_id": self.text}) for key in MARKETPLACE_KEYS if self.text.isdigit()],
        ]
        if self.names:
            alternatives.append(Q(name__in=list(self.names)))
        if self.sets:
            alternatives.append(Q(card_set_id__in=list(self.sets)))
        return reduce(or_, alternatives)


def words_of(query: str) -> list[Word]:
    texts = list(dict.fromkeys(word.upper() for word in re.findall(r"[^\s,;]+", query)))[:MAX_WORDS]
    return [Word(text) for text in texts]


def _match_terms(words: list[Word]) -> None:
    """Fill each word's matching names and sets (step 1)."""
    texts = [word.text for word in words]
    long_texts = [text if len(text) >= SHORT_WORD else "" for text in texts]
    names = CatalogName._meta.db_table
    sets = CardSet._meta.db_table
    with connection.cursor() as cursor:
        long_words = [word for word in words if len(word.text) >= SHORT_WORD]
        if long_words:
            # Names are ranked by every word at once ("ancent drgon vale" wants the
            # name matching all three), and a name counts for each word it matches.
            similarities = ", ".join("word_similarity(%s, upper(text))" for _ in long_words)
            matches = " OR ".join("upper(text) %%> %s" for _ in long_words)
            texts_ = [word.text for word in long_words]
            cursor.execute(
                f"SELECT text, {similarities}, similarity(upper(text), %s) FROM {names} WHERE {matches}",
                [*texts_, " ".join(texts_), *texts_],
            )
            scored = []
            for text, *similarity_list, closeness in cursor.fetchall():
                per_word = [float(value) for value in similarity_list]
                matched = sum(
                    value for value in per_word if value >= settings.SEARCH_WORD_SIMILARITY_THRESHOLD
                )
                scored.append((matched, float(closeness), text, per_word))
            scored.sort(key=lambda item: (-item[0], -item[1], item[2]))
            if len(scored) > MAX_NAMES:
                for word in long_words:
                    word.truncated = True
            for _, closeness, text, per_word in scored[:MAX_NAMES]:
                for word, value in zip(long_words, per_word, strict=True):
                    if value >= settings.SEARCH_WORD_SIMILARITY_THRESHOLD:
                        word.names[text] = (value, closeness)
        cursor.execute(
            "SELECT w.i, s.id, s.score "
            "FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS w(word, long, i) "
            "CROSS JOIN LATERAL (SELECT id, CASE WHEN upper(code) = w.word OR upper(source_id) = w.word "
            f"THEN {SET_CODE_SCORE} "
            # Closeness as a whole breaks ties: "base" prefers "Base" to "Base Set 2".
            "ELSE (word_similarity(w.word, upper(name)) + similarity(upper(name), w.word)) / 2 "
            f"* {SET_NAME_WEIGHT} END AS score "
            f"FROM {sets} WHERE upper(code) = w.word OR upper(source_id) = w.word "
            "OR (w.long <> '' AND upper(name) %%> w.long) "
            f"ORDER BY score DESC, release_date DESC NULLS LAST LIMIT {SETS_PER_WORD + 1}) AS s",
            [texts, long_texts],
        )
        for index, set_pk, score in cursor.fetchall():
            words[index - 1].sets[set_pk] = float(score)
    for word in words:
        if len(word.sets) > SETS_PER_WORD:
            word.truncated = True
            word.sets = dict(list(word.sets.items())[:SETS_PER_WORD])


@dataclass(frozen=True)
class Candidate:
    pk: int
    coverage: int
    score: float
    closeness: float
    release_date: date | None

    def key(self) -> tuple[int, float, float, int, int]:
        released = self.release_date.toordinal() if self.release_date else 0
        return (-self.coverage, -round(self.score, 6), -round(self.closeness, 6), -released, -self.pk)


class CatalogSearch:
    """The printings of `queryset` (already filtered) matching `query`, best
    first; pages and counts itself (common.pagination.RankedListing)."""

    def __init__(self, queryset: QuerySet[Printing], query: str) -> None:
        self.queryset = queryset
        self.words = words_of(query)
        self._ranked: list[Candidate] | None = None
        self._exact = True

    def ranked(self) -> list[Candidate]:
        if self._ranked is None:
            self._ranked = self._rank()
        return self._ranked

    def page(self, offset: int, limit: int) -> list[Printing]:
        ids = [candidate.pk for candidate in self.ranked()[offset : offset + limit]]
        if not ids:
            return []
        in_rank_order = RawSQL(f'array_position(%s::bigint[], "{Printing._meta.db_table}"."id")', (ids,))  # noqa: S611
        return list(self.queryset.filter(pk__in=ids).select_related("card_set").order_by(in_rank_order))

    def total(self) -> tuple[int, bool]:
        return len(self.ranked()), self._exact

    def count(self) -> int:
        return len(self.ranked())

    def _rank(self) -> list[Candidate]:
        if not self.words:
            return []
        _match_terms(self.words)
        narrowing = [word for word in self.words if not word.short]
        rows = self._candidates(reduce(and_, [word.condition() for word in narrowing])) if narrowing else []
        if not rows and len(narrowing) > 1:
            rows = self._candidates(reduce(or_, [word.condition() for word in narrowing]))
        if any(word.truncated for word in narrowing):
            self._exact = False
        return sorted((self._score(row) for row in rows), key=Candidate.key)

    def _candidates(self, condition: Q) -> list[tuple[Any, ...]]:
        # No LIMIT: with one, PostgreSQL expects to find enough rows early in a
        # sequential scan and reads the whole table; without, it combines the
        # indexes. The candidates are bounded by the names and sets matched.
        rows = list(
            self.queryset.alias(
                number_upper=Upper("collector_number"),
                source_id_upper=Upper("source_id"),
                **{f"{key}_id": KeyTextTransform(key, "external_ids") for key in MARKETPLACE_KEYS},
            )
            .filter(condition)
            .order_by()
            .values_list(
                "id", "name", "card_set_id", "collector_number", "source_id", "release_date",
                *[f"external_ids__{key}" for key in MARKETPLACE_KEYS],
            )
        )  # fmt: skip
        if len(rows) > MAX_CANDIDATES:
            self._exact = False
        return rows

    def _score(self, row: tuple[Any, ...]) -> Candidate:
        pk, name, set_pk, number, source_id, release_date, *marketplace_ids = row
        name_words = set(re.findall(r"\w+", name.upper()))
        coverage, total, closeness = 0, 0.0, 0.0
        for word in self.words:
            best = 0.0
            if word.text == source_id.upper() or word.text in (str(m) for m in marketplace_ids if m):
                best = EXACT_ID_SCORE
            elif word.text == number.upper():
                best = NUMBER_SCORE
            if name in word.names:
                word_similarity, similarity = word.names[name]
                best = max(best, word_similarity)
                closeness = max(closeness, similarity)
            best = max(best, word.sets.get(set_pk, 0.0))
            if word.short and word.text in name_words:
                best = max(best, SHORT_WORD_SCORE)
            if best > 0:
                coverage += 1
                total += best
        return Candidate(pk, coverage, total, closeness, release_date)
