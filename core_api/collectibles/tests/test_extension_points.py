"""The parts a higher app plugs into collectibles (apps depend one way: imports registers them)."""

import pytest

from collectibles import selectors
from collectibles.exports import export_formats, export_writer
from collectibles.models import Collectible
from collectibles.tests.factories import CollectibleFactory
from imports.export import omnistock_csv, tcgplayer_csv
from imports.selectors import items_of_import_batch


def test_imports_registers_its_export_formats_default_first():
    assert export_formats() == ["omnistock", "tcgplayer"]
    assert export_writer("omnistock") is omnistock_csv
    assert export_writer("tcgplayer") is tcgplayer_csv
    assert export_writer("xlsx") is None


def test_imports_registers_the_batch_items_query():
    assert selectors._items_of_import_batch is items_of_import_batch


@pytest.mark.django_db
def test_without_an_importer_the_batch_filter_matches_nothing(monkeypatch):
    CollectibleFactory()
    monkeypatch.setattr(selectors, "_items_of_import_batch", None)
    assert not Collectible.objects.filter(pk__in=selectors.items_of_import_batch(1)).exists()
