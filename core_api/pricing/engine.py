"""The repricing rule engine: what price a rule gives an item, and why (docs/pricing.md).

Pure: it takes facts (the item, the market figures that apply to it, the owner's
rates) and returns a decision with every step that produced it, so a preview can
show its work and a test can pin each knob. Nothing here reads or writes the
database; the services feed it and write what it decides through the collectible
writer.

The steps, in order, for the first rule whose scope matches the item:

1. **base**: the first figure of the rule's chain that the market gives (e.g.
   market → low), converted to the item's currency; `keep` ends the chain with
   "leave the price as it is";
2. **adjust**: times (1 + percent / 100), then plus amount;
3. **condition**: times the rule's multiplier for the item's condition (100 % if none);
4. **rounding**: to the nearest .99 ending, or the nearest 0.25, or cents;
5. **cap**: at most `max_change_percent` away from the current price, either way
   (a cap wins over rounding: a capped price is not re-rounded);
6. **floor**: never below the rule's floor amount, nor (unless told otherwise) the
   item's cost — the floor wins over everything, the cap included.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import StrEnum

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
KEEP = "keep"
BASES = ("market", "low", "mid", "high", "direct_low", "trend", "avg1", "avg7", "avg30", KEEP)


class Rounding(StrEnum):
    NONE = "none"  # to the cent
    NINETY_NINE = "0.99"  # the nearest price ending in .99 (at least 0.99)
    QUARTER = "0.25"  # the nearest multiple of 0.25 (at least 0.25)


@dataclass(frozen=True)
class ItemFacts:
    """What the engine needs to know about one item."""

    id: int
    price: Decimal
    currency: str
    condition: str
    finish: str = "normal"
    game: str = ""
    set_code: str = ""
    language: str = ""
    graded: bool = False
    price_locked: bool = False
    cost: Decimal | None = None
    tags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class MarketFigures:
    """One snapshot's figures for an item, in `currency`, as of `date`."""

    currency: str
    date: date
    figures: Mapping[str, Decimal]
    source: str = ""


@dataclass(frozen=True)
class Scope:
    """Which items a rule applies to; an empty field means any."""

    games: frozenset[str] = frozenset()
    set_codes: frozenset[str] = frozenset()
    conditions: frozenset[str] = frozenset()
    finishes: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    graded: bool | None = False  # by default graded slabs are left to a person
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    tags: frozenset[str] = frozenset()  # the item carries at least one of them
    exclude_ids: frozenset[int] = frozenset()

    def covers(self, item: ItemFacts) -> bool:
        return (
            (not self.games or item.game in self.games)
            and (not self.set_codes or item.set_code.upper() in self.set_codes)
            and (not self.conditions or item.condition in self.conditions)
            and (not self.finishes or item.finish in self.finishes)
            and (not self.languages or item.language in self.languages)
            and (self.graded is None or item.graded == self.graded)
            and (self.price_min is None or item.price >= self.price_min)
            and (self.price_max is None or item.price <= self.price_max)
            and (not self.tags or bool(self.tags & item.tags))
            and item.id not in self.exclude_ids
        )


@dataclass(frozen=True)
class Rule:
    name: str
    base: tuple[str, ...] = ("market", "low", KEEP)
    scope: Scope = field(default_factory=Scope)
    percent: Decimal = Decimal(0)
    amount: Decimal = Decimal(0)
    condition_multipliers: Mapping[str, Decimal] = field(default_factory=dict)  # condition → percent
    floor: Decimal | None = None
    floor_at_cost: bool = True
    rounding: Rounding = Rounding.NONE
    max_change_percent: Decimal | None = None

    def __post_init__(self) -> None:
        unknown = [base for base in self.base if base not in BASES]
        if unknown or not self.base:
            raise ValueError(f"Unknown base figure(s): {', '.join(unknown) or '(none)'}.")


@dataclass(frozen=True)
class Step:
    name: str
    value: Decimal
    note: str = ""


@dataclass(frozen=True)
class Decision:
    """The outcome for one item: a new price (maybe equal to the old one) or a reason to leave it."""

    item_id: int
    old_price: Decimal
    new_price: Decimal | None = None
    rule: str = ""
    reason: str = ""  # why the price is left as it is, when new_price is None
    steps: tuple[Step, ...] = ()

    @property
    def changes(self) -> bool:
        return self.new_price is not None and self.new_price != self.old_price


class Rates:
    """The owner's dated currency rates: the newest rate dated on or before the day asked."""

    def __init__(self, rates: Iterable[tuple[str, str, date, Decimal]] = ()) -> None:
        self._rates: dict[tuple[str, str], list[tuple[date, Decimal]]] = {}
        for source, target, day, rate in rates:
            self._rates.setdefault((source, target), []).append((day, rate))
        for history in self._rates.values():
            history.sort()

    def rate(self, source: str, target: str, on: date) -> Decimal | None:
        if source == target:
            return Decimal(1)
        usable = [rate for day, rate in self._rates.get((source, target), []) if day <= on]
        return usable[-1] if usable else None


def round_price(value: Decimal, rounding: Rounding) -> Decimal:
    if rounding == Rounding.NINETY_NINE:
        # The .99 endings around the value: n - 0.01 and n + 0.99 for n = floor(value).
        whole = value.to_integral_value(rounding=ROUND_FLOOR)
        below, above = whole - CENT, whole + Decimal("0.99")
        nearest = below if value - below < above - value else above
        return max(nearest, Decimal("0.99"))
    if rounding == Rounding.QUARTER:
        quarters = (value / Decimal("0.25")).to_integral_value(rounding=ROUND_HALF_UP)
        return max(quarters * Decimal("0.25"), Decimal("0.25")).quantize(CENT)
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def reprice(
    item: ItemFacts, rules: Iterable[Rule], market: MarketFigures | None, rates: Rates | None = None
) -> Decision:
    """The first matching rule's price for `item` (rules in the owner's order)."""
    if item.price_locked:
        return Decision(item.id, item.price, reason="price locked")
    rule = next((rule for rule in rules if rule.scope.covers(item)), None)
    if rule is None:
        return Decision(item.id, item.price, reason="no rule applies")

    steps: list[Step] = []
    base = _base(rule, market)
    if base is None:
        reason = "no market price (kept)" if KEEP in rule.base else "no market price"
        return Decision(item.id, item.price, rule=rule.name, reason=reason)
    figure, amount, market = base
    if market.currency != item.currency:
        rate = (rates or Rates()).rate(market.currency, item.currency, market.date)
        if rate is None:
            return Decision(
                item.id, item.price, rule=rule.name, reason=f"no {market.currency}→{item.currency} rate"
            )
        steps.append(Step(figure, amount, f"{market.currency}, {market.source or 'market'} of {market.date}"))
        amount = amount * rate
        steps.append(Step("converted", amount.quantize(CENT), f"× {rate} {market.currency}→{item.currency}"))
    else:
        steps.append(Step(figure, amount, f"{market.source or 'market'} of {market.date}"))

    if rule.percent or rule.amount:
        amount = amount * (1 + rule.percent / HUNDRED) + rule.amount
        steps.append(Step("adjusted", amount.quantize(CENT), f"{rule.percent:+}% {rule.amount:+}"))
    multiplier = rule.condition_multipliers.get(item.condition)
    if multiplier is not None and multiplier != HUNDRED:
        amount = amount * multiplier / HUNDRED
        steps.append(Step("condition", amount.quantize(CENT), f"{item.condition} × {multiplier}%"))
    amount = round_price(amount, rule.rounding)
    steps.append(Step("rounded", amount, rule.rounding.value))

    if rule.max_change_percent is not None and item.price > 0:
        limit = item.price * rule.max_change_percent / HUNDRED
        capped = min(max(amount, item.price - limit), item.price + limit).quantize(CENT)
        if capped != amount:
            amount = capped
            steps.append(Step("capped", amount, f"±{rule.max_change_percent}% of {item.price}"))

    floors = [(rule.floor, "floor")] if rule.floor is not None else []
    if rule.floor_at_cost and item.cost is not None:
        floors.append((item.cost, "cost"))
    for floor, why in sorted(floors, key=lambda pair: pair[0], reverse=True)[:1]:
        if amount < floor:
            amount = floor.quantize(CENT)
            steps.append(Step("floor", amount, why))
    return Decision(item.id, item.price, new_price=amount, rule=rule.name, steps=tuple(steps))


def _base(rule: Rule, market: MarketFigures | None) -> tuple[str, Decimal, MarketFigures] | None:
    """The first figure of the rule's chain the market gives, or None (also for `keep`)."""
    if market is None:
        return None
    for figure in rule.base:
        if figure == KEEP:
            return None
        value = market.figures.get(figure)
        if value is not None:
            return figure, value, market
    return None
