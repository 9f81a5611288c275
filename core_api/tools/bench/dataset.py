"""The benchmark dataset: N collectibles with card details across 100 vendors.

Vendor sizes follow a Zipf curve (exponent 1.1), so the largest vendor holds
about 23% of the rows (234,000 of 1,000,000) and the smallest a few thousand,
the way a marketplace's shops are spread. Rows come from the demo generator
(`collectibles.demo`: real card names, sets, languages, regions, conditions,
log-normal prices, release dates from the sets' years, 1993 to 2025) and go in
through PostgreSQL COPY with the secondary indexes dropped and rebuilt
afterwards, then VACUUM ANALYZE. Generation is seeded: the same size and seed
give the same rows.

A loaded dataset is recorded in a `bench_dataset` table and reused by the next
run with the same size and seed (rows a previous run's create scenario added
are deleted first), so iterating on the code does not reload a million rows.
"""

import datetime as dt
import json
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
from django.contrib.auth.hashers import make_password
from django.db import connection as django_connection
from django.db.models import Field, Model
from psycopg import sql

from accounts.models import Role
from collectibles.demo.generator import StockLine, stock_lines
from collectibles.models import CardDetails, Collectible, SearchTerm, StockMovement

# Bump when the generated rows change shape, so old datasets are reloaded.
GENERATOR_VERSION = 3
VENDOR_COUNT = 100
ZIPF_EXPONENT = 1.1
BENCH_PASSWORD = "omnistock-bench"  # noqa: S105  (a throwaway database's accounts)
# Fixed "now" of the dataset, so timestamps (and the default order) are reproducible.
DATA_EPOCH = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
HISTORY = dt.timedelta(days=3 * 365)
CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CAD", "AUD", "EUR", "USD")

COLLECTIBLE_TABLE = Collectible._meta.db_table
CARD_TABLE = CardDetails._meta.db_table
# What a create writes besides the row and its card details, by the column that names the item.
CREATE_TRAIL = (
    (Collectible.history.model._meta.db_table, "id"),
    (CardDetails.history.model._meta.db_table, "collectible_id"),
    (StockMovement._meta.db_table, "collectible_id"),
)


@dataclass(frozen=True)
class Dataset:
    size: int
    seed: int
    largest_vendor_id: int
    largest_vendor_rows: int
    owner_username: str
    max_loaded_id: int


def vendor_sizes(total: int, vendors: int = VENDOR_COUNT) -> list[int]:
    """Rows per vendor, largest first; they add up to `total`."""
    weights = [1 / rank**ZIPF_EXPONENT for rank in range(1, vendors + 1)]
    scale = total / sum(weights)
    sizes = [int(weight * scale) for weight in weights]
    sizes[0] += total - sum(sizes)
    return sizes


def owner_username(vendor_index: int) -> str:
    return f"bench-owner-{vendor_index + 1:03d}"


def load(conninfo: str, *, size: int, seed: int, log: Callable[[str], None]) -> Dataset:
    """Make the database at `conninfo` (already migrated) hold the dataset."""
    with psycopg.connect(conninfo, autocommit=True) as conn:
        existing = _recorded(conn)
        if existing is not None and (existing.size, existing.seed) == (size, seed):
            removed = _remove_added_rows(conn, existing)
            log(
                f"reusing the loaded dataset ({size:,} rows, seed {seed}); "
                f"removed {removed} rows added by past runs"
            )
            return existing
        started = time.perf_counter()
        with conn.transaction():
            conn.execute("DROP TABLE IF EXISTS bench_dataset")
            conn.execute(
                "TRUNCATE auth_user, accounts_vendor, accounts_userprofile, "
                f"{COLLECTIBLE_TABLE}, {CARD_TABLE}, {SearchTerm._meta.db_table} RESTART IDENTITY CASCADE"
            )
            sizes = vendor_sizes(size)
            vendor_ids = _insert_vendors(conn, len(sizes))
            owner_ids = _insert_owners(conn, vendor_ids)
            indexes = _drop_secondary_indexes(conn)
            conn.execute("SET LOCAL session_replication_role = replica")  # no per-row FK triggers
            _copy_stock(conn, sizes, vendor_ids, owner_ids, seed)
            log(f"copied {size:,} rows in {time.perf_counter() - started:.0f} s; rebuilding indexes")
            conn.execute("SET LOCAL maintenance_work_mem = '512MB'")
            for statement in indexes:
                conn.execute(statement)
            _record_search_terms(conn)
            conn.execute(
                sql.SQL("SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT max(id) FROM {}))").format(
                    sql.Identifier(COLLECTIBLE_TABLE)
                ),
                [COLLECTIBLE_TABLE],
            )
            dataset = Dataset(
                size=size,
                seed=seed,
                largest_vendor_id=vendor_ids[0],
                largest_vendor_rows=sizes[0],
                owner_username=owner_username(0),
                max_loaded_id=size,
            )
            _record(conn, dataset)
        log(f"indexes rebuilt; VACUUM ANALYZE ({time.perf_counter() - started:.0f} s so far)")
        conn.execute("VACUUM ANALYZE")
        log(f"dataset loaded in {time.perf_counter() - started:.0f} s")
        return dataset


def remove_rows_added_since_load(conninfo: str, dataset: Dataset) -> None:
    """Delete what the create scenario (and its floor) added, so every run
    measures the same rows."""
    with psycopg.connect(conninfo, autocommit=True) as conn:
        _remove_added_rows(conn, dataset)


def _remove_added_rows(conn: psycopg.Connection[Any], dataset: Dataset) -> int:
    # Django emulates ON DELETE CASCADE; in the database the card details go first.
    with conn.transaction():
        for table, column in CREATE_TRAIL:
            conn.execute(
                sql.SQL("DELETE FROM {} WHERE {} > %s").format(sql.Identifier(table), sql.Identifier(column)),
                [dataset.max_loaded_id],
            )
        conn.execute(
            sql.SQL("DELETE FROM {} WHERE collectible_id > %s").format(sql.Identifier(CARD_TABLE)),
            [dataset.max_loaded_id],
        )
        return conn.execute(
            sql.SQL("DELETE FROM {} WHERE id > %s").format(sql.Identifier(COLLECTIBLE_TABLE)),
            [dataset.max_loaded_id],
        ).rowcount


def _recorded(conn: psycopg.Connection[Any]) -> Dataset | None:
    exists = conn.execute("SELECT to_regclass('bench_dataset') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return None
    row = conn.execute(
        "SELECT size, seed, largest_vendor_id, largest_vendor_rows, owner_username, max_loaded_id "
        "FROM bench_dataset WHERE generator_version = %s",
        [GENERATOR_VERSION],
    ).fetchone()
    return Dataset(*row) if row else None


def _record(conn: psycopg.Connection[Any], dataset: Dataset) -> None:
    conn.execute(
        "CREATE TABLE bench_dataset (generator_version int, size int, seed int, largest_vendor_id bigint, "
        "largest_vendor_rows int, owner_username text, max_loaded_id bigint, loaded_at timestamptz)"
    )
    conn.execute(
        "INSERT INTO bench_dataset VALUES (%s, %s, %s, %s, %s, %s, %s, now())",
        [
            GENERATOR_VERSION,
            dataset.size,
            dataset.seed,
            dataset.largest_vendor_id,
            dataset.largest_vendor_rows,
            dataset.owner_username,
            dataset.max_loaded_id,
        ],
    )


def _insert_vendors(conn: psycopg.Connection[Any], count: int) -> list[int]:
    ids = []
    for index in range(count):
        row = conn.execute(
            "INSERT INTO accounts_vendor (name, slug, contact_email, default_currency, created_at, "
            "updated_at) VALUES (%s, %s, %s, %s, %s, %s) RETURNING id",
            [
                f"Bench Cards {index + 1:03d}",
                f"bench-cards-{index + 1:03d}",
                f"hello@bench-cards-{index + 1:03d}.example",
                CURRENCIES[index % len(CURRENCIES)],
                DATA_EPOCH - HISTORY,
                DATA_EPOCH - HISTORY,
            ],
        ).fetchone()
        assert row is not None  # noqa: S101  (RETURNING always returns the row)
        ids.append(row[0])
    return ids


def _insert_owners(conn: psycopg.Connection[Any], vendor_ids: list[int]) -> list[int]:
    """One owner per vendor, all with BENCH_PASSWORD (hashed once)."""
    password = make_password(BENCH_PASSWORD)
    ids = []
    for index, vendor_id in enumerate(vendor_ids):
        username = owner_username(index)
        row = conn.execute(
            "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, "
            "is_staff, is_active, date_joined) "
            "VALUES (%s, false, %s, '', '', %s, false, true, %s) RETURNING id",
            [password, username, f"{username}@example.com", DATA_EPOCH - HISTORY],
        ).fetchone()
        assert row is not None  # noqa: S101
        conn.execute(
            "INSERT INTO accounts_userprofile (user_id, vendor_id, role) VALUES (%s, %s, %s)",
            [row[0], vendor_id, Role.OWNER.value],
        )
        ids.append(row[0])
    return ids


def _drop_secondary_indexes(conn: psycopg.Connection[Any]) -> list[str]:
    """Drop the indexes no constraint owns on the two big tables; return how to rebuild them.

    Building an index once over loaded rows is several times faster than
    maintaining it row by row during COPY (the trigram GIN index above all).
    """
    rows = conn.execute(
        "SELECT idx.relname, pg_get_indexdef(idx.oid) FROM pg_index x "
        "JOIN pg_class idx ON idx.oid = x.indexrelid JOIN pg_class tbl ON tbl.oid = x.indrelid "
        "WHERE tbl.relname = ANY(%s) "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
        "WHERE c.conindid = x.indexrelid AND c.conrelid = tbl.oid)",
        [[COLLECTIBLE_TABLE, CARD_TABLE]],
    ).fetchall()
    for name, _definition in rows:
        conn.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
    return [definition for _name, definition in rows]


def _columns(model: type[Model], generated: tuple[str, ...]) -> tuple[list[str], list[Any]]:
    """All of the model's columns: those the generator fills, then every other
    one with its field default. A field someone adds later (with a default)
    then needs no change here."""
    fields: list[Field[Any, Any]] = list(model._meta.concrete_fields)
    others = [field for field in fields if field.column not in generated]
    defaults = [field.get_db_prep_save(field.get_default(), django_connection) for field in others]
    return [*generated, *(str(field.column) for field in others)], defaults


COLLECTIBLE_COLUMNS = (
    "id",
    "vendor_id",
    "user_id",
    "name",
    "description",
    "sku",
    "condition",
    "quantity",
    "price",
    "currency",
    "release_date",
    "external_ids",
    "image",
    "created_at",
    "updated_at",
    # Kept by triggers in normal writes; COPY runs without them (replica mode).
    "card_game",
    "card_language",
    "card_market_region",
    "card_set_name",
)
CARD_COLUMNS = (
    "collectible_id",
    "game",
    "set_name",
    "set_code",
    "card_number",
    "rarity",
    "language",
    "market_region",
    "finish",
    "grading_company",
    "grade",
)


def _timestamps(rng: random.Random) -> tuple[dt.datetime, dt.datetime]:
    created = DATA_EPOCH - HISTORY * rng.random()
    return created, created + (DATA_EPOCH - created) * rng.random()


def _stock(
    sizes: list[int], vendor_ids: list[int], owner_ids: list[int], seed: int
) -> Iterator[tuple[int, int, int, StockLine]]:
    """(id, vendor id, owner id, line) for every row, vendors interleaved in
    blocks so a vendor's rows are spread over the table as real inserts are."""
    sources = [
        stock_lines(
            random.Random(seed * 1_000 + index),
            size,
            currency=CURRENCIES[index % len(CURRENCIES)],
            sku_prefix=f"V{index + 1:03d}",
        )
        for index, size in enumerate(sizes)
    ]
    remaining = list(sizes)
    order = random.Random(seed)
    next_id = 1
    while any(remaining):
        index = order.choices(range(len(sizes)), weights=remaining)[0]
        block = min(remaining[index], 200)
        remaining[index] -= block
        for _ in range(block):
            yield next_id, vendor_ids[index], owner_ids[index], next(sources[index])
            next_id += 1


def _record_search_terms(conn: psycopg.Connection[Any]) -> None:
    """What the search-term trigger would have recorded, had COPY run it."""
    conn.execute(
        sql.SQL(
            "INSERT INTO {terms} (vendor_id, field, text) "
            "SELECT DISTINCT vendor_id, 'name', name FROM {table} "
            "UNION SELECT DISTINCT vendor_id, 'set_name', card_set_name FROM {table} "
            "WHERE card_set_name <> '' "
            "ON CONFLICT DO NOTHING"
        ).format(terms=sql.Identifier(SearchTerm._meta.db_table), table=sql.Identifier(COLLECTIBLE_TABLE))
    )


def _card_filters(details: dict[str, Any] | None) -> tuple[Any, Any, Any, Any]:
    if details is None:
        return None, None, None, None
    return details["game"], details["language"], details["market_region"], details["set_name"]


def _copy_stock(
    conn: psycopg.Connection[Any], sizes: list[int], vendor_ids: list[int], owner_ids: list[int], seed: int
) -> None:
    collectible_columns, collectible_defaults = _columns(Collectible, COLLECTIBLE_COLUMNS)
    card_columns, card_defaults = _columns(CardDetails, CARD_COLUMNS)
    rng = random.Random(seed + 1)
    cards: list[tuple[Any, ...]] = []
    copy_collectibles = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(COLLECTIBLE_TABLE), sql.SQL(", ").join(map(sql.Identifier, collectible_columns))
    )
    with conn.cursor() as cursor, cursor.copy(copy_collectibles) as copy:
        for row_id, vendor_id, owner_id, line in _stock(sizes, vendor_ids, owner_ids, seed):
            created, updated = _timestamps(rng)
            copy.write_row(
                (
                    row_id,
                    vendor_id,
                    owner_id,
                    line.name,
                    line.description,
                    line.sku,
                    line.condition,
                    line.quantity,
                    line.price,
                    line.currency,
                    line.release_date,
                    json.dumps(line.external_ids),
                    "",
                    created,
                    updated,
                    *(_card_filters(line.card_details)),
                    *collectible_defaults,
                )
            )
            details = line.card_details
            if details is not None:
                cards.append(
                    (
                        row_id,
                        details["game"],
                        details["set_name"],
                        details["set_code"],
                        details["card_number"],
                        details["rarity"],
                        details["language"],
                        details["market_region"],
                        details["finish"],
                        details["grading_company"],
                        details["grade"],
                        *card_defaults,
                    )
                )
    copy_cards = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(CARD_TABLE), sql.SQL(", ").join(map(sql.Identifier, card_columns))
    )
    with conn.cursor() as cursor, cursor.copy(copy_cards) as copy:
        for card in cards:
            copy.write_row(card)
