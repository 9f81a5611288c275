"""`load_catalog` for each source: mapping, awkward cases, idempotence, missing printings."""

import gzip
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from catalog.models import CardSet, CatalogName, Printing

from .files import (
    POKEMON_CARDS,
    POKEMON_SETS,
    YGO_CARDS,
    pokemontcg_tree,
    scryfall_awkward_cards,
    scryfall_card,
    tcgcsv_tree,
    write_json,
)

pytestmark = pytest.mark.django_db


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_catalog", *args, "--progress=never", stdout=out)
    return out.getvalue()


def test_scryfall_maps_every_field(tmp_path):
    path = write_json(tmp_path / "default-cards.json", [scryfall_card()])
    load("scryfall", str(path))
    printing = Printing.objects.select_related("card_set").get()
    assert (printing.source, printing.source_id) == ("scryfall", "0000579f-7b35-4ed3-b44c-db2a538066fe")
    assert (printing.name, printing.collector_number, printing.language) == ("Fury Sliver", "157", "EN")
    assert (printing.game, printing.rarity, printing.finishes) == ("mtg", "uncommon", ["normal", "foil"])
    assert str(printing.release_date) == "2006-10-06"
    assert printing.image_url == "https://cards.scryfall.io/normal/front/fury.jpg"
    assert printing.external_ids == {
        "scryfall": "0000579f-7b35-4ed3-b44c-db2a538066fe",
        "tcgplayer": "14240",
        "cardmarket": "14850",
    }
    card_set = printing.card_set
    assert (card_set.code, card_set.name, card_set.game, card_set.source_id) == (
        "TSP",
        "Time Spiral",
        "mtg",
        "tsp",
    )
    assert printing.missing_since is None
    assert CatalogName.objects.filter(text="Fury Sliver").exists()


def test_scryfall_awkward_cards(tmp_path):
    path = write_json(tmp_path / "all-cards.json", scryfall_awkward_cards())
    out = load("scryfall", str(path))
    by_name = {p.name: p for p in Printing.objects.all()}
    assert set(by_name) == {
        "Fury Sliver",
        "Delver of Secrets // Insectile Aberration",
        "Sol Ring",
        "Lightning Bolt",
        "Snapcaster Mage",
    }
    delver = by_name["Delver of Secrets // Insectile Aberration"]
    assert delver.image_url == "https://cards.scryfall.io/normal/front/delver.jpg"
    sol_ring = by_name["Sol Ring"]
    assert sol_ring.finishes == ["etched"]
    assert sol_ring.external_ids["tcgplayer_etched"] == "501234"
    assert "tcgplayer" not in sol_ring.external_ids
    assert by_name["Lightning Bolt"].language == "JA"
    snapcaster = by_name["Snapcaster Mage"]
    assert snapcaster.collector_number == "4a"
    assert snapcaster.external_ids == {"scryfall": "11111111-0000-0000-0000-000000000004"}
    assert snapcaster.image_url == ""
    assert "5 printings created, 0 updated, 0 unchanged" in out
    assert "Skipped 3:" in out
    assert "1 × language 'ph' is not one the shop uses" in out
    assert "1 × digital-only (MTG Arena / Online)" in out
    assert "1 × no collector_number" in out


def test_second_run_changes_nothing_and_a_changed_record_updates(tmp_path):
    path = write_json(tmp_path / "cards.json", scryfall_awkward_cards())
    load("scryfall", str(path))
    before = dict(Printing.objects.values_list("source_id", "updated_at"))
    out = load("scryfall", str(path))
    assert "0 printings created, 0 updated, 5 unchanged, 0 marked missing" in out
    assert dict(Printing.objects.values_list("source_id", "updated_at")) == before

    cards = scryfall_awkward_cards()
    cards[0] = scryfall_card(rarity="rare", tcgplayer_id=99999)
    write_json(path, cards)
    out = load("scryfall", str(path))
    assert "0 printings created, 1 updated, 4 unchanged" in out
    fury = Printing.objects.get(name="Fury Sliver")
    assert fury.rarity == "rare"
    assert fury.external_ids["tcgplayer"] == "99999"


def test_a_printing_missing_from_a_newer_file_is_kept_and_marked(tmp_path):
    other = scryfall_card(
        id="22222222-0000-0000-0000-000000000001", name="Sliver Legion", collector_number="158"
    )
    path = write_json(tmp_path / "cards.json", [scryfall_card(), other])
    load("scryfall", str(path))
    write_json(path, [scryfall_card()])
    out = load("scryfall", str(path))
    assert "1 marked missing" in out
    legion = Printing.objects.get(name="Sliver Legion")
    assert legion.missing_since is not None
    assert Printing.objects.get(name="Fury Sliver").missing_since is None

    write_json(path, [scryfall_card(), other])
    out = load("scryfall", str(path))
    assert "1 updated" in out
    legion.refresh_from_db()
    assert legion.missing_since is None


def test_a_file_without_a_set_or_language_leaves_those_printings_unmarked(tmp_path):
    japanese = scryfall_card(id="22222222-0000-0000-0000-000000000002", lang="ja")
    other_set = scryfall_card(id="22222222-0000-0000-0000-000000000003", set="isd", set_name="Innistrad")
    path = write_json(tmp_path / "cards.json", [scryfall_card(), japanese, other_set])
    load("scryfall", str(path))
    write_json(path, [scryfall_card()])  # English Time Spiral only, like a partial file
    out = load("scryfall", str(path))
    assert "0 marked missing" in out
    assert not Printing.objects.filter(missing_since__isnull=False).exists()


def test_a_card_listed_twice_keeps_the_first(tmp_path):
    path = write_json(tmp_path / "cards.json", [scryfall_card(), scryfall_card(rarity="mythic")])
    out = load("scryfall", str(path))
    assert Printing.objects.get().rarity == "uncommon"
    assert "1 × listed more than once in the file (the first one was kept)" in out


def test_duplicates_across_batches_are_caught_too(tmp_path):
    cards = [scryfall_card(), scryfall_card(id="33333333-0000-0000-0000-000000000001"), scryfall_card()]
    path = write_json(tmp_path / "cards.json", cards)
    load("scryfall", str(path))
    out = load("scryfall", str(path), "--batch-size=1")
    assert "0 printings created, 0 updated, 2 unchanged" in out
    assert "1 × listed more than once" in out


def test_gzip_files_are_read(tmp_path):
    path = tmp_path / "cards.json.gz"
    path.write_bytes(gzip.compress(json.dumps([scryfall_card()]).encode()))
    load("scryfall", str(path))
    assert Printing.objects.count() == 1


def test_truncated_file_is_an_error_and_marks_nothing(tmp_path):
    path = write_json(
        tmp_path / "cards.json", [scryfall_card(), scryfall_card(id="x-2", collector_number="2")]
    )
    load("scryfall", str(path))
    path.write_text(json.dumps([scryfall_card()])[:-30], encoding="utf-8")
    with pytest.raises(CommandError, match="not valid JSON"):
        load("scryfall", str(path))
    assert not Printing.objects.filter(missing_since__isnull=False).exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scryfall", "/nonexistent/cards.json"], "cannot open"),
        (["scryfall", "--batch-size=0", "x.json"], "--batch-size must be at least 1"),
        (["scryfall", "--category=1", "x.json"], "--category applies to tcgcsv only"),
    ],
)
def test_bad_arguments_are_clear_errors(args, message):
    with pytest.raises(CommandError, match=message):
        load(*args)


def test_a_directory_is_not_a_scryfall_file(tmp_path):
    with pytest.raises(CommandError, match="is a directory"):
        load("scryfall", str(tmp_path))


def test_pokemontcg_sets_and_cards(tmp_path):
    root = pokemontcg_tree(tmp_path / "pokemon-tcg-data")
    out = load("pokemontcg", str(root))
    assert "3 printings created" in out
    assert "2 sets created" in out
    base = CardSet.objects.get(source_id="base1")
    assert (base.code, base.name, base.size, str(base.release_date)) == ("BS", "Base", 102, "1999-01-09")
    charizard = Printing.objects.get(source_id="base1-4")
    assert (charizard.game, charizard.language, charizard.collector_number) == ("pokemon", "EN", "4")
    assert charizard.finishes == ["holo"]
    assert charizard.image_url == "https://images.pokemontcg.io/base1/4_hires.png"
    assert charizard.external_ids == {"pokemontcg": "base1-4"}
    assert str(charizard.release_date) == "1999-01-09"
    promo = Printing.objects.get(source_id="swshp-SWSH050")
    assert promo.collector_number == "SWSH050"
    assert promo.card_set.code == "swshp"  # no PTCGO code: the set id stands in
    assert Printing.objects.get(source_id="base1-58").finishes == []


def test_pokemontcg_skips_broken_records_and_a_set_without_cards(tmp_path):
    sets = [*POKEMON_SETS, {"id": "sv99", "name": "Not Out Yet"}, {"name": "no id"}]
    cards = {"base1": [*POKEMON_CARDS["base1"], {"id": "base1-x", "name": "No Number"}, "junk"]}
    root = pokemontcg_tree(tmp_path, sets=sets, cards=cards)
    out = load("pokemontcg", str(root))
    assert Printing.objects.count() == 2
    assert "1 × set without id or name" in out
    assert "1 × no number" in out
    assert "1 × not a card object" in out


def test_pokemontcg_needs_its_folder_layout(tmp_path):
    with pytest.raises(CommandError, match=r"no sets/<language>\.json"):
        load("pokemontcg", str(tmp_path))
    with pytest.raises(CommandError, match="not a folder"):
        load("pokemontcg", str(tmp_path / "missing"))


def test_ygoprodeck_one_printing_per_set_code_and_rarity(tmp_path):
    path = write_json(tmp_path / "cardinfo.json", YGO_CARDS)
    out = load("ygoprodeck", str(path))
    printings = {p.collector_number: p for p in Printing.objects.select_related("card_set")}
    assert set(printings) == {"LOB-EN001", "LOB-E001", "SDK-001"}
    lob = printings["LOB-EN001"]
    assert (lob.name, lob.language, lob.rarity, lob.game) == (
        "Blue-Eyes White Dragon",
        "EN",
        "Ultra Rare",
        "yugioh",
    )
    assert (lob.card_set.code, lob.card_set.name) == ("LOB", "Legend of Blue Eyes White Dragon")
    assert lob.external_ids == {"ygoprodeck": "89631139"}
    assert lob.image_url == ""  # YGOPRODeck asks not to hotlink its images
    assert printings["SDK-001"].language == "EN"
    assert "1 × no TCG printings (card_sets is empty)" in out
    assert "1 × set code region in 'AP01-AE001' is not a language the shop uses" in out
    assert CardSet.objects.count() == 2


def test_tcgcsv_products_become_printings_and_sealed_product_is_skipped(tmp_path):
    root = tcgcsv_tree(tmp_path / "tcgcsv")
    out = load("tcgcsv", str(root))
    luffy = Printing.objects.select_related("card_set").get()
    assert (luffy.game, luffy.collector_number, luffy.rarity) == ("onepiece", "OP01-001", "L")
    assert luffy.external_ids == {"tcgplayer": "453506"}
    assert (luffy.card_set.code, luffy.card_set.name, str(luffy.card_set.release_date)) == (
        "OP01", "Romance Dawn", "2022-12-02",
    )  # fmt: skip
    assert "1 × no collector number (sealed product or accessory)" in out


def test_tcgcsv_category_option_and_json_suffix(tmp_path):
    root = tcgcsv_tree(tmp_path)
    (root / "68" / "groups").rename(root / "68" / "groups.json")
    load("tcgcsv", str(root), "--category=68")
    assert Printing.objects.count() == 1
    with pytest.raises(CommandError, match="not found"):
        load("tcgcsv", str(root), "--category=71")


def test_records_too_long_for_a_column_are_skipped_not_truncated(tmp_path):
    path = write_json(tmp_path / "cards.json", [scryfall_card(collector_number="9" * 21)])
    out = load("scryfall", str(path))
    assert not Printing.objects.exists()
    assert "1 × collector number longer than 20 characters" in out


@pytest.fixture
def served(tmp_path):
    """A static file server on a free 127.0.0.1 port over tmp_path, stopped after the test."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_loads_from_urls(tmp_path, served):
    write_json(tmp_path / "default-cards.json", [scryfall_card()])
    pokemontcg_tree(tmp_path / "ptcg")
    load("scryfall", f"{served}/default-cards.json")
    load("pokemontcg", f"{served}/ptcg")
    assert Printing.objects.filter(source="scryfall").count() == 1
    assert Printing.objects.filter(source="pokemontcg").count() == 3
    with pytest.raises(CommandError, match="cannot open"):
        load("ygoprodeck", f"{served}/missing.json")


def test_progress_bar_counts_bytes(tmp_path, capsys):
    path = write_json(tmp_path / "cards.json", [scryfall_card()])
    call_command("load_catalog", "scryfall", str(path), "--progress=always", stdout=StringIO())
    assert "scryfall" in capsys.readouterr().err
