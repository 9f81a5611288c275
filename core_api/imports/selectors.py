"""Reads of import batches and their rows."""

from typing import Any

from django.db.models import QuerySet

from .models import ImportRow, RowOutcome


def items_of_import_batch(batch_id: int) -> QuerySet[Any]:
    """Ids of the items an import batch created or updated (vendor scoping is the caller's queryset).

    Registered with collectibles (imports/apps.py) for the list's `import_batch` filter.
    """
    return ImportRow.objects.filter(
        batch_id=batch_id, outcome__in=[RowOutcome.CREATE, RowOutcome.UPDATE], collectible__isnull=False
    ).values("collectible_id")
