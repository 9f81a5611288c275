"""Migration operations for PostgreSQL-only database objects.

The project also runs on SQLite (the local demo), which has no GIN indexes.
These operations keep the index in Django's migration state on every backend,
so models can declare it and `makemigrations` stays quiet, but only create it
on PostgreSQL.
"""

from typing import Any

from django.db import migrations


class AddIndexOnPostgres(migrations.AddIndex):
    def database_forwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, *args)

    def database_backwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, *args)

    def describe(self) -> str:
        return f"{super().describe()} (PostgreSQL only)"
