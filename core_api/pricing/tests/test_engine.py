"""The rule engine, knob by knob (pricing/engine.py)."""

from datetime import date
from decimal import Decimal

import pytest

from pricing.engine import (
    KEEP,
    Decision,
    ItemFacts,
    MarketFigures,
    Rates,
    Rounding,
    Rule,
    Scope,
    reprice,
    round_price,
)

DAY = date(2026, 12, 1)


def item(**facts) -> ItemFacts:
    return ItemFacts(**{"id": 1, "price": Decimal("10.00"), "currency": "USD", "condition": "NM", **facts})


def market(currency="USD", **figures) -> MarketFigures:
    return MarketFigures(
        currency=currency, date=DAY, figures={k: Decimal(v) for k, v in figures.items()}, source="tcgcsv"
    )


@pytest.mark.parametrize(
    ("value", "rounding", "expected"),
    [
        ("4.32", Rounding.NONE, "4.32"),
        ("4.325", Rounding.NONE, "4.33"),  # half up, to the cent
        ("4.32", Rounding.NINETY_NINE, "3.99"),  # 0.33 below vs 0.67 above
        ("4.60", Rounding.NINETY_NINE, "4.99"),
        ("4.49", Rounding.NINETY_NINE, "4.99"),  # 0.50 below vs 0.50 above: up
        ("5.00", Rounding.NINETY_NINE, "4.99"),
        ("0.30", Rounding.NINETY_NINE, "0.99"),  # never -0.01
        ("4.12", Rounding.QUARTER, "4.00"),
        ("4.13", Rounding.QUARTER, "4.25"),  # half a quarter rounds up
        ("0.05", Rounding.QUARTER, "0.25"),  # never 0
    ],
)
def test_rounding(value, rounding, expected):
    assert round_price(Decimal(value), rounding) == Decimal(expected)


# Each case: the rule, the item, the market figures → the new price (None = left) and the reason.
CASES = {
    "market price as it is": (Rule("r"), item(), market(market="12.34"), Decimal("12.34"), ""),
    "falls back to low without a market price": (Rule("r"), item(), market(low="8.00"), Decimal("8.00"), ""),
    "keep when the chain finds nothing": (
        Rule("r"),
        item(),
        market(high="50"),
        None,
        "no market price (kept)",
    ),
    "no snapshot at all": (Rule("r", base=("market",)), item(), None, None, "no market price"),
    "percent then amount": (
        Rule("r", percent=Decimal("10"), amount=Decimal("0.50")),
        item(),
        market(market="10.00"),
        Decimal("11.50"),
        "",
    ),
    "negative percent": (
        Rule("r", percent=Decimal("-20")),
        item(),
        market(market="10.00"),
        Decimal("8.00"),
        "",
    ),
    "condition multiplier": (
        Rule("r", condition_multipliers={"LP": Decimal("85")}),
        item(condition="LP"),
        market(market="10.00"),
        Decimal("8.50"),
        "",
    ),
    "condition without a multiplier is 100 %": (
        Rule("r", condition_multipliers={"LP": Decimal("85")}),
        item(condition="NM"),
        market(market="10.00"),
        Decimal("10.00"),
        "",
    ),
    "rounding to .99": (
        Rule("r", rounding=Rounding.NINETY_NINE),
        item(),
        market(market="10.40"),
        Decimal("9.99"),
        "",
    ),
    "cap limits a rise": (
        Rule("r", max_change_percent=Decimal("20")),
        item(),
        market(market="20.00"),
        Decimal("12.00"),
        "",
    ),
    "cap limits a fall": (
        Rule("r", max_change_percent=Decimal("20")),
        item(),
        market(market="1.00"),
        Decimal("8.00"),
        "",
    ),
    "floor amount": (
        Rule("r", floor=Decimal("0.50")),
        item(price=Decimal("0.40")),
        market(market="0.10"),
        Decimal("0.50"),
        "",
    ),
    "never below cost": (Rule("r"), item(cost=Decimal("6.00")), market(market="5.00"), Decimal("6.00"), ""),
    "cost floor can be turned off": (
        Rule("r", floor_at_cost=False),
        item(cost=Decimal("6.00")),
        market(market="5.00"),
        Decimal("5.00"),
        "",
    ),
    "the higher floor wins": (
        Rule("r", floor=Decimal("7.00")),
        item(cost=Decimal("6.00")),
        market(market="5.00"),
        Decimal("7.00"),
        "",
    ),
    "floor wins over the cap": (
        Rule("r", max_change_percent=Decimal("10")),
        item(price=Decimal("10.00"), cost=Decimal("15.00")),
        market(market="20"),
        Decimal("15.00"),
        "",
    ),
    "locked price is left": (Rule("r"), item(price_locked=True), market(market="99"), None, "price locked"),
    "graded slabs are out by default": (
        Rule("r"),
        item(graded=True),
        market(market="99"),
        None,
        "no rule applies",
    ),
    "a rule for graded slabs": (
        Rule("r", scope=Scope(graded=True)),
        item(graded=True),
        market(market="99"),
        Decimal("99.00"),
        "",
    ),
    "currency converted with the owner's rate": (
        Rule("r"),
        item(),
        market(currency="EUR", market="10.00"),
        Decimal("11.00"),
        "",
    ),
    "no rate, no price": (
        Rule("r"),
        item(currency="GBP"),
        market(currency="EUR", market="10.00"),
        None,
        "no EUR→GBP rate",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rule_case(name):
    rule, facts, figures, expected, reason = CASES[name]
    rates = Rates(
        [("EUR", "USD", date(2026, 11, 1), Decimal("1.10")), ("EUR", "USD", date(2026, 12, 2), Decimal("2"))]
    )
    decision = reprice(facts, [rule], figures, rates)
    assert decision.new_price == expected, decision.steps
    assert decision.reason == reason


def test_first_matching_rule_wins_and_scopes_narrow():
    rules = [
        Rule("japanese", scope=Scope(languages=frozenset({"JA"})), percent=Decimal("50")),
        Rule("cheap", scope=Scope(price_max=Decimal("1.00")), amount=Decimal("1")),
        Rule("pokemon", scope=Scope(games=frozenset({"pokemon"})), percent=Decimal("10")),
        Rule("everything"),
    ]
    figures = market(market="10.00")
    assert reprice(item(language="JA", game="pokemon"), rules, figures).rule == "japanese"
    assert reprice(item(price=Decimal("0.50"), game="pokemon"), rules, figures).rule == "cheap"
    assert reprice(item(game="pokemon"), rules, figures).new_price == Decimal("11.00")
    assert reprice(item(game="mtg"), rules, figures).rule == "everything"


@pytest.mark.parametrize(
    ("scope", "facts", "covered"),
    [
        (Scope(set_codes=frozenset({"MH2"})), {"set_code": "mh2"}, True),
        (Scope(set_codes=frozenset({"MH2"})), {"set_code": "NEO"}, False),
        (Scope(conditions=frozenset({"NM", "LP"})), {"condition": "MP"}, False),
        (Scope(finishes=frozenset({"foil"})), {"finish": "foil"}, True),
        (Scope(price_min=Decimal("5")), {"price": Decimal("4.99")}, False),
        (Scope(tags=frozenset({"staple"})), {"tags": frozenset({"staple", "modern"})}, True),
        (Scope(tags=frozenset({"staple"})), {}, False),
        (Scope(exclude_ids=frozenset({1})), {}, False),
        (Scope(graded=None), {"graded": True}, True),
    ],
)
def test_scope(scope, facts, covered):
    assert scope.covers(item(**facts)) is covered


def test_the_rate_used_is_the_newest_dated_on_or_before_the_prices():
    rates = Rates(
        [("EUR", "USD", date(2026, 11, 1), Decimal("1.10")), ("EUR", "USD", date(2026, 12, 2), Decimal("2"))]
    )
    assert rates.rate("EUR", "USD", DAY) == Decimal("1.10")
    assert rates.rate("EUR", "USD", date(2026, 12, 3)) == Decimal("2")
    assert rates.rate("EUR", "USD", date(2026, 10, 1)) is None
    assert rates.rate("USD", "USD", DAY) == 1


def test_a_decision_shows_its_work():
    rule = Rule(
        "r", percent=Decimal("10"), condition_multipliers={"LP": Decimal("85")}, rounding=Rounding.NINETY_NINE
    )
    decision = reprice(
        item(condition="LP"),
        [rule],
        market(currency="EUR", market="10.00"),
        Rates([("EUR", "USD", DAY, Decimal("1.2"))]),
    )
    assert [step.name for step in decision.steps] == [
        "market",
        "converted",
        "adjusted",
        "condition",
        "rounded",
    ]
    assert [step.value for step in decision.steps] == [
        Decimal("10.00"),
        Decimal("12.00"),
        Decimal("13.20"),
        Decimal("11.22"),
        Decimal("10.99"),
    ]
    assert decision.changes
    assert not Decision(1, Decimal("10.99"), new_price=Decimal("10.99")).changes


def test_a_rule_with_an_unknown_base_is_refused():
    with pytest.raises(ValueError, match="Unknown base"):
        Rule("r", base=("market", "lowest"))
    with pytest.raises(ValueError, match="Unknown base"):
        Rule("r", base=())
    assert Rule("r", base=(KEEP,)).base == (KEEP,)
