"""Bulk writes fast enough for 100,000-row imports.

Django's `bulk_create`/`bulk_update` compile one SQL expression per object
and field (`bulk_update` builds a CASE per field with a WHEN per row): at
tens of thousands of rows that Python work dominates. On PostgreSQL these
helpers stream rows with COPY instead — into the table for inserts, into a
temporary table joined by `UPDATE … FROM` for updates — with values passed
to psycopg as they are (JSON and files converted as Django would). On other databases (the SQLite demo) they
fall back to Django's bulk methods.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from django.db import connection, models
from psycopg.types.json import Jsonb

BATCH = 5000


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _columns(model: type[models.Model], field_names: Sequence[str]) -> list[Any]:
    return [model._meta.get_field(name) for name in field_names]


def reserve_ids(model: type[models.Model], count: int) -> list[int] | None:
    """Take `count` primary keys from the table's sequence (PostgreSQL), so rows
    can be linked before they are inserted; None elsewhere."""
    if not _is_postgres() or count == 0:
        return None
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, model._meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def _converter(field: Any) -> Callable[[Any], Any] | None:
    """How a Python value of `field` becomes a COPY value, when psycopg cannot
    take it as is (it adapts str, int, Decimal, date, datetime, UUID, None)."""
    if isinstance(field, models.JSONField):
        return lambda value: None if value is None else Jsonb(value)
    if isinstance(field, models.FileField):
        return lambda value: str(value.name if hasattr(value, "name") else value or "")
    if isinstance(field, models.BooleanField | models.CharField | models.TextField | models.IntegerField):
        return None
    if isinstance(field, models.DecimalField | models.DateField | models.UUIDField | models.ForeignKey):
        return None
    return lambda value: field.get_db_prep_save(value, connection)


def copy_values(model: type[models.Model], field_names: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Insert rows of plain values (in `field_names` order) into `model`'s table."""
    fields = _columns(model, field_names)
    if not _is_postgres():
        attnames = [field.attname for field in fields]
        objs = [model(**dict(zip(attnames, row, strict=True))) for row in rows]
        model._default_manager.bulk_create(objs, batch_size=BATCH)
        return
    converters = [(index, convert) for index, field in enumerate(fields) if (convert := _converter(field))]
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    # wrap_database_errors: COPY runs on the raw psycopg cursor, so map its
    # errors (e.g. a unique violation) to Django's, as cursor.execute would.
    with (
        connection.wrap_database_errors,
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
    ):
        for row in rows:
            values = list(row)
            for index, convert in converters:
                values[index] = convert(values[index])
            copy.write_row(values)


def copy_insert(model: type[models.Model], objs: Sequence[models.Model], field_names: Sequence[str]) -> None:
    """Insert `objs` with COPY.

    COPY writes exactly the listed columns — model defaults do not apply — so
    list every column that has no database default.

    Include the primary key in `field_names` when it was set with `reserve_ids`;
    leave it out to let the database number the rows.
    """
    if not objs:
        return
    if not _is_postgres():
        model._default_manager.bulk_create(objs, batch_size=BATCH)
        return
    fields = _columns(model, field_names)
    stamped = [
        field
        for field in fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    attnames = [field.attname for field in fields]

    def rows() -> Iterator[list[Any]]:
        for obj in objs:
            for field in stamped:
                field.pre_save(obj, add=True)
            yield [getattr(obj, name) for name in attnames]

    copy_values(model, field_names, rows())


def copy_update(model: type[models.Model], objs: Sequence[models.Model], field_names: Sequence[str]) -> None:
    """Write `field_names` of `objs` (matched by primary key) in one UPDATE per call."""
    if not objs:
        return
    if not _is_postgres():
        model._default_manager.bulk_update(objs, list(field_names), batch_size=500)
        return
    fields = [model._meta.pk, *_columns(model, field_names)]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = [connection.ops.quote_name(field.column) for field in fields]
    with connection.wrap_database_errors, connection.cursor() as cursor:
        # The temporary table copies the real columns' types; it lives until commit.
        cursor.execute(
            f"CREATE TEMPORARY TABLE bulk_update_rows ON COMMIT DROP AS "  # noqa: S608  (names from the model)
            f"SELECT {', '.join(columns)} FROM {table} WITH NO DATA"
        )
        with cursor.cursor.copy(f"COPY bulk_update_rows ({', '.join(columns)}) FROM STDIN") as copy:
            for obj in objs:
                copy.write_row(
                    [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields]
                )
        assignments = ", ".join(f"{column} = bulk_update_rows.{column}" for column in columns[1:])
        cursor.execute(
            f"UPDATE {table} SET {assignments} FROM bulk_update_rows "  # noqa: S608  (names from the model)
            f"WHERE {table}.{columns[0]} = bulk_update_rows.{columns[0]}"
        )
        cursor.execute("DROP TABLE bulk_update_rows")
