"""GET /api/v1/catalog/printings/ and /sets/: access, filters, search ranking, paging."""

import datetime

import pytest
from django.urls import reverse

from catalog.choices import Game, Language, Source

from .factories import CardSetFactory, PrintingFactory

pytestmark = pytest.mark.django_db
PRINTINGS = reverse("printing-list")
SETS = reverse("card-set-list")


@pytest.fixture
def pokemon():
    base = CardSetFactory(
        source=Source.POKEMONTCG,
        source_id="base1",
        code="BS",
        name="Base",
        game=Game.POKEMON,
        release_date=datetime.date(1999, 1, 9),
    )
    base2 = CardSetFactory(
        source=Source.POKEMONTCG,
        source_id="base4",
        code="B2",
        name="Base Set 2",
        game=Game.POKEMON,
        release_date=datetime.date(2000, 2, 24),
    )
    evolutions = CardSetFactory(
        source=Source.POKEMONTCG,
        source_id="xy12",
        code="EVO",
        name="Evolutions",
        game=Game.POKEMON,
        release_date=datetime.date(2016, 11, 2),
    )
    return {
        "charizard_base": PrintingFactory(card_set=base, source_id="base1-4", name="Charizard", collector_number="4",
                                          release_date=base.release_date),
        "blastoise_base": PrintingFactory(card_set=base, source_id="base1-2", name="Blastoise", collector_number="2",
                                          release_date=base.release_date),
        "charizard_base2": PrintingFactory(card_set=base2, source_id="base4-4", name="Charizard", collector_number="4",
                                           release_date=base2.release_date),
        "charizard_evo": PrintingFactory(card_set=evolutions, source_id="xy12-11", name="Charizard",
                                         collector_number="11", release_date=evolutions.release_date),
        "charizard_vmax": PrintingFactory(card_set=evolutions, source_id="swsh3-20", name="Charizard VMAX",
                                          collector_number="20", release_date=datetime.date(2020, 8, 14)),
        "charmander": PrintingFactory(card_set=base, source_id="base1-46", name="Charmander", collector_number="46",
                                      release_date=base.release_date),
    }  # fmt: skip


@pytest.fixture
def magic():
    mh2 = CardSetFactory(
        source_id="mh2", code="MH2", name="Modern Horizons 2", release_date=datetime.date(2021, 6, 18)
    )
    return {
        "mh2_138": PrintingFactory(card_set=mh2, name="Fury", collector_number="138",
                                   external_ids={"scryfall": "f-uuid", "tcgplayer": "240082", "cardmarket": "554589"}),
        "mh2_138_ja": PrintingFactory(card_set=mh2, name="Fury", collector_number="138", language=Language.JA),
        "mh2_139": PrintingFactory(card_set=mh2, name="Galvanic Discharge", collector_number="139"),
        "other_138": PrintingFactory(name="Lightning Bolt", collector_number="138"),
    }  # fmt: skip


def ids(response):
    return [row["id"] for row in response.json()["results"]]


def test_staff_of_any_role_can_read(viewer_client, magic):
    response = viewer_client.get(PRINTINGS)
    assert response.status_code == 200
    assert response.json()["count"] == 4


def test_anonymous_is_401_and_a_user_without_vendor_is_403(api_client, loner_client):
    assert api_client.get(PRINTINGS).status_code == 401
    response = loner_client.get(PRINTINGS)
    assert response.status_code == 403
    assert "detail" in response.json()


def test_the_catalog_is_read_only(owner_client, magic):
    assert owner_client.post(PRINTINGS, {"name": "x"}).status_code == 405
    url = reverse("printing-detail", args=[magic["mh2_139"].pk])
    assert owner_client.delete(url).status_code == 405


def test_printing_representation(viewer_client, magic):
    fury = magic["mh2_138"]
    response = viewer_client.get(reverse("printing-detail", args=[fury.pk]))
    assert response.status_code == 200
    assert response.json() == {
        "id": fury.pk,
        "game": "mtg",
        "set": {"id": fury.card_set_id, "code": "MH2", "name": "Modern Horizons 2"},
        "collector_number": "138",
        "name": "Fury",
        "language": "EN",
        "rarity": "common",
        "finishes": ["normal"],
        "release_date": None,
        "image_url": "",
        "external_ids": {"scryfall": "f-uuid", "tcgplayer": "240082", "cardmarket": "554589"},
        "source": "scryfall",
        "source_id": fury.source_id,
        "missing_since": None,
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"game": "POKEMON"}, {"charizard_base", "blastoise_base", "charizard_base2", "charizard_evo",
                               "charizard_vmax", "charmander"}),
        ({"set": "mh2"}, {"mh2_138", "mh2_138_ja", "mh2_139"}),
        ({"language": "ja"}, {"mh2_138_ja"}),
        ({"number": "138"}, {"mh2_138", "mh2_138_ja", "other_138"}),
        ({"set": "MH2", "number": "138", "language": "EN"}, {"mh2_138"}),
        ({"set": "nope"}, set()),
    ],
)  # fmt: skip
def test_filters(viewer_client, pokemon, magic, params, expected):
    everything = {**pokemon, **magic}
    response = viewer_client.get(PRINTINGS, params)
    assert response.status_code == 200
    assert set(ids(response)) == {everything[name].pk for name in expected}


@pytest.mark.parametrize("params", [{"game": "chess"}, {"language": "XX"}, {"search": "x" * 101}])
def test_bad_filters_are_400_naming_the_parameter(viewer_client, params):
    response = viewer_client.get(PRINTINGS, params)
    assert response.status_code == 400
    assert set(response.json()) == set(params)


def test_typo_search_finds_charizard_base_set_first(viewer_client, pokemon):
    response = viewer_client.get(PRINTINGS, {"search": "charzard base"})
    found = ids(response)
    assert found[0] == pokemon["charizard_base"].pk
    assert found[1] == pokemon["charizard_base2"].pk  # Charizard in "Base Set 2"
    assert pokemon["charmander"].pk not in found
    assert pokemon["blastoise_base"].pk not in found  # every word must match when some printing matches all


def test_single_word_typo_prefers_the_exact_name(viewer_client, pokemon):
    found = ids(viewer_client.get(PRINTINGS, {"search": "charizrd"}))
    assert pokemon["charmander"].pk not in found
    assert found.index(pokemon["charizard_vmax"].pk) == len(found) - 1  # "Charizard" before "Charizard VMAX"
    assert found[0] == pokemon["charizard_evo"].pk  # then newest first


@pytest.mark.parametrize("query", ["MH2 138", "mh2 138", "138 mh2"])
def test_set_code_and_number_is_exact(viewer_client, magic, query):
    found = ids(viewer_client.get(PRINTINGS, {"search": query}))
    assert set(found) == {magic["mh2_138"].pk, magic["mh2_138_ja"].pk}


@pytest.mark.parametrize("query", ["240082", "554589"])
def test_a_marketplace_id_is_exact(viewer_client, magic, query):
    found = ids(viewer_client.get(PRINTINGS, {"search": query}))
    assert found == [magic["mh2_138"].pk]


def test_source_id_is_exact(viewer_client, pokemon):
    found = ids(viewer_client.get(PRINTINGS, {"search": "base1-4"}))
    assert found[0] == pokemon["charizard_base"].pk  # then the looser matches ("base1" ~ set "Base")


def test_search_combines_with_filters(viewer_client, magic):
    found = ids(viewer_client.get(PRINTINGS, {"search": "MH2 138", "language": "JA"}))
    assert found == [magic["mh2_138_ja"].pk]


def test_words_matching_nothing_together_fall_back_to_any(viewer_client, pokemon):
    found = ids(viewer_client.get(PRINTINGS, {"search": "blastoise evolutions"}))
    assert pokemon["blastoise_base"].pk in found
    assert pokemon["charizard_evo"].pk in found


def test_search_pages_and_counts(viewer_client, pokemon):
    first = viewer_client.get(PRINTINGS, {"search": "charizard", "page_size": 2})
    body = first.json()
    assert body["count"] == 4
    assert body["next"] is not None
    assert first["X-Count-Exact"] == "true"
    second = viewer_client.get(PRINTINGS, {"search": "charizard", "page_size": 2, "page": 2}).json()
    assert len(second["results"]) == 2
    assert not set(ids(first)) & {row["id"] for row in second["results"]}
    assert viewer_client.get(PRINTINGS, {"search": "charizard", "page_size": 2, "page": 3}).status_code == 404


def test_search_with_nothing_found_is_an_empty_page(viewer_client, pokemon):
    response = viewer_client.get(PRINTINGS, {"search": "zzqqxx"})
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_list_query_count_is_constant(viewer_client, magic, django_assert_num_queries):
    PrintingFactory.create_batch(30)
    with django_assert_num_queries(2):  # page + capped count
        viewer_client.get(PRINTINGS, {"page_size": 10})
    with django_assert_num_queries(4):  # names, sets, candidates, page
        viewer_client.get(PRINTINGS, {"search": "fury mh2"})


def test_sets_list_and_game_filter(viewer_client, pokemon, magic):
    response = viewer_client.get(SETS, {"game": "mtg"})
    assert response.status_code == 200
    codes = [row["code"] for row in response.json()["results"]]
    assert "MH2" in codes
    assert "BS" not in codes
    everything = [row["code"] for row in viewer_client.get(SETS, {"game": "pokemon"}).json()["results"]]
    assert everything == ["EVO", "B2", "BS"]  # newest first
