"""Migration operations for PostgreSQL-only database objects.

The project also runs on SQLite (the local demo), which has no GIN indexes.
These operations keep the index in Django's migration state on every backend,
so models can declare it and `makemigrations` stays quiet, but only create
(or drop) it on PostgreSQL.
"""

from typing import Any

from django.db import migrations


class _OnPostgres:
    """Runs the operation's database side on PostgreSQL only."""

    def database_forwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, *args)  # type: ignore[misc]

    def database_backwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, *args)  # type: ignore[misc]

    def describe(self) -> str:
        return f"{super().describe()} (PostgreSQL only)"  # type: ignore[misc]


class AddIndexOnPostgres(_OnPostgres, migrations.AddIndex):
    pass


class RemoveIndexOnPostgres(_OnPostgres, migrations.RemoveIndex):
    pass


class RunSQLOnPostgres(_OnPostgres, migrations.RunSQL):
    """Raw SQL (triggers, statistics) that only PostgreSQL runs. Pass each
    direction as a one-item list: it is executed whole, never split (PL/pgSQL
    bodies hold semicolons)."""
