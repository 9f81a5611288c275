"""external_ids: the legacy TextField → JSONField migration, forwards and backwards, on real rows."""

import json
import logging

import pytest

pytestmark = [pytest.mark.migrations]

BEFORE = ("collectibles", "0001_initial")
AFTER = ("collectibles", "0002_external_ids_jsonfield")

LEGACY_ROWS = {
    "valid": '{"tcgplayer": "83712", "cardmarket": 273699}',
    "empty-object": "{}",
    "blank": "   ",
    "malformed": '{"tcgplayer": 83712',
    "list": '["tcgplayer", "83712"]',
    "string": '"83712"',
    "null": "null",
    "partly-bad": '{"tcgplayer": "1", "nested": {"a": 1}}',
}


def make_legacy_rows(apps):
    Vendor = apps.get_model("accounts", "Vendor")
    Collectible = apps.get_model("collectibles", "Collectible")
    vendor = Vendor.objects.create(name="Legacy shop", slug="legacy")
    return {
        key: Collectible.objects.create(vendor=vendor, name=key, currency="USD", external_ids=text).pk
        for key, text in LEGACY_ROWS.items()
    }


def test_forwards_keeps_valid_objects_and_coerces_the_rest(migrator, caplog):
    old_state = migrator.apply_initial_migration(BEFORE)
    ids = make_legacy_rows(old_state.apps)

    with caplog.at_level(logging.WARNING, logger="collectibles.migrations"):
        new_state = migrator.apply_tested_migration(AFTER)

    Collectible = new_state.apps.get_model("collectibles", "Collectible")
    stored = {key: Collectible.objects.get(pk=pk).external_ids for key, pk in ids.items()}
    assert stored == {
        "valid": {"tcgplayer": "83712", "cardmarket": 273699},
        "empty-object": {},
        "blank": {},
        "malformed": {},
        "list": {},
        "string": {},
        "null": {},
        "partly-bad": {"tcgplayer": "1"},
    }
    logged = caplog.text
    for key in ("blank", "malformed", "list", "string", "partly-bad"):
        assert f"collectible {ids[key]} coerced" in logged
    for key in ("valid", "empty-object"):
        assert f"collectible {ids[key]} coerced" not in logged
    assert "5 row(s) coerced" in logged


def test_backwards_writes_objects_back_as_json_text(migrator):
    new_state = migrator.apply_initial_migration(AFTER)
    Vendor = new_state.apps.get_model("accounts", "Vendor")
    Collectible = new_state.apps.get_model("collectibles", "Collectible")
    vendor = Vendor.objects.create(name="Shop", slug="shop")
    with_ids = Collectible.objects.create(
        vendor=vendor, name="a", currency="USD", external_ids={"tcgplayer": "83712", "n": 5}
    )
    without = Collectible.objects.create(vendor=vendor, name="b", currency="USD", external_ids={})

    old_state = migrator.apply_tested_migration(BEFORE)

    OldCollectible = old_state.apps.get_model("collectibles", "Collectible")
    text = OldCollectible.objects.get(pk=with_ids.pk).external_ids
    assert isinstance(text, str)
    assert json.loads(text) == {"tcgplayer": "83712", "n": 5}
    assert OldCollectible.objects.get(pk=without.pk).external_ids == "{}"


def test_round_trip_forwards_backwards_forwards_preserves_valid_data(migrator):
    old_state = migrator.apply_initial_migration(BEFORE)
    ids = make_legacy_rows(old_state.apps)
    migrator.apply_tested_migration(AFTER)
    migrator.apply_tested_migration(BEFORE)
    final_state = migrator.apply_tested_migration(AFTER)
    Collectible = final_state.apps.get_model("collectibles", "Collectible")
    assert Collectible.objects.get(pk=ids["valid"]).external_ids == {
        "tcgplayer": "83712",
        "cardmarket": 273699,
    }
    assert Collectible.objects.get(pk=ids["malformed"]).external_ids == {}


def test_forwards_handles_more_rows_than_one_batch(migrator, monkeypatch):
    from importlib import import_module

    migration_module = import_module("collectibles.migrations.0002_external_ids_jsonfield")
    monkeypatch.setattr(migration_module, "BATCH_SIZE", 3)
    old_state = migrator.apply_initial_migration(BEFORE)
    ids = make_legacy_rows(old_state.apps)
    new_state = migrator.apply_tested_migration(AFTER)
    Collectible = new_state.apps.get_model("collectibles", "Collectible")
    assert Collectible.objects.count() == len(ids)
    assert Collectible.objects.get(pk=ids["valid"]).external_ids["tcgplayer"] == "83712"


BEFORE_LEDGER = ("collectibles", "0004_stock_movements_history_version")
AFTER_LEDGER = ("collectibles", "0005_history_and_ledger_baselines")


def test_existing_rows_get_a_history_baseline_and_an_opening_movement(migrator):
    state = migrator.apply_initial_migration(BEFORE_LEDGER)
    Vendor = state.apps.get_model("accounts", "Vendor")
    Collectible = state.apps.get_model("collectibles", "Collectible")
    CardDetails = state.apps.get_model("collectibles", "CardDetails")
    vendor = Vendor.objects.create(name="Shop", slug="shop")
    stocked = Collectible.objects.create(vendor=vendor, name="Mew", currency="USD", quantity=4)
    CardDetails.objects.create(collectible=stocked, game="pokemon", language="EN", market_region="NA")
    empty = Collectible.objects.create(vendor=vendor, name="Sold out", currency="USD", quantity=0)

    state = migrator.apply_tested_migration(AFTER_LEDGER)

    Movement = state.apps.get_model("collectibles", "StockMovement")
    HistoricalCollectible = state.apps.get_model("collectibles", "HistoricalCollectible")
    HistoricalCardDetails = state.apps.get_model("collectibles", "HistoricalCardDetails")
    opening = Movement.objects.get(collectible_id=stocked.pk)
    assert (opening.delta, opening.quantity_after, opening.reason) == (4, 4, "correction")
    assert not Movement.objects.filter(collectible_id=empty.pk).exists()
    baseline = HistoricalCollectible.objects.get(id=stocked.pk)
    assert (baseline.history_type, baseline.history_change_reason, baseline.name) == (
        "+",
        "History started",
        "Mew",
    )
    assert HistoricalCardDetails.objects.filter(collectible_id=stocked.pk).count() == 1

    state = migrator.apply_tested_migration(BEFORE_LEDGER)
    assert not state.apps.get_model("collectibles", "StockMovement").objects.exists()
    assert not state.apps.get_model("collectibles", "HistoricalCollectible").objects.exists()
