"""Turning marketplace spellings into Omni-Stock values.

Every table here is documented in docs/imports.md; change both together.
"""

import re
from collections.abc import Collection
from decimal import Decimal

from collectibles.choices import Condition, Finish, Game, Language, MarketRegion
from common.currencies import is_currency_code

# Generic condition spellings (TCGplayer, Deckbox, Moxfield, ManaBox and our own format).
CONDITION_ALIASES: dict[str, Condition] = {
    **dict.fromkeys(["m", "mt", "mint", "gem mint"], Condition.MINT),
    **dict.fromkeys(
        ["nm", "n.m.", "near mint", "near_mint", "nearmint", "nm-m", "nm/m", "nm-mt", "near mint/mint"],
        Condition.NEAR_MINT,
    ),
    **dict.fromkeys(
        [
            "lp", "l.p.", "lightly played", "lightly_played", "light played", "sp", "slightly played",
            "excellent", "ex", "good (lightly played)",
        ],
        Condition.LIGHTLY_PLAYED,
    ),
    **dict.fromkeys(
        ["mp", "m.p.", "moderately played", "moderately_played", "played", "pl", "good", "gd"],
        Condition.MODERATELY_PLAYED,
    ),
    **dict.fromkeys(["hp", "h.p.", "heavily played", "heavily_played"], Condition.HEAVILY_PLAYED),
    **dict.fromkeys(["dmg", "d", "damaged", "poor", "po"], Condition.DAMAGED),
}  # fmt: skip

# Cardmarket grades on its own seven-step scale. Its "Light Played" and "Played"
# sit below "Good" there, so they map one step lower than the US words suggest.
CARDMARKET_CONDITIONS: dict[str, Condition] = {
    "mt": Condition.MINT,
    "nm": Condition.NEAR_MINT,
    "ex": Condition.LIGHTLY_PLAYED,
    "gd": Condition.MODERATELY_PLAYED,
    "lp": Condition.MODERATELY_PLAYED,
    "pl": Condition.HEAVILY_PLAYED,
    "po": Condition.DAMAGED,
}

LANGUAGE_ALIASES: dict[str, Language] = {
    **{lang.value.lower(): lang for lang in Language},
    **{lang.label.lower(): lang for lang in Language},
    "jp": Language.JA,
    "kr": Language.KO,
    "cn": Language.ZH,
    "simplified chinese": Language.ZH,
    "traditional chinese": Language.ZH,
    "chinese simplified": Language.ZH,
    "chinese traditional": Language.ZH,
    "zhs": Language.ZH,
    "zht": Language.ZH,
    "deutsch": Language.DE,
    "français": Language.FR,
    "francais": Language.FR,
    "español": Language.ES,
    "espanol": Language.ES,
    "italiano": Language.IT,
    "português": Language.PT,
    "portugues": Language.PT,
    "日本語": Language.JA,
}

# Cardmarket's numeric language ids.
CARDMARKET_LANGUAGES: dict[str, Language] = {
    "1": Language.EN,
    "2": Language.FR,
    "3": Language.DE,
    "4": Language.ES,
    "5": Language.IT,
    "6": Language.ZH,
    "7": Language.JA,
    "8": Language.PT,
    "9": Language.RU,
    "10": Language.KO,
    "11": Language.ZH,
}

# Cardmarket's numeric game ids (idGame), when the file has them.
CARDMARKET_GAMES: dict[str, Game] = {
    "1": Game.MTG,
    "3": Game.YUGIOH,
    "6": Game.POKEMON,
    "18": Game.ONE_PIECE,
    "19": Game.LORCANA,
}

GAME_ALIASES: dict[str, Game] = {
    **{game.value: game for game in Game},
    **{game.label.lower(): game for game in Game},
    "pokemon": Game.POKEMON,
    "magic": Game.MTG,
    "magic: the gathering": Game.MTG,
    "mtg": Game.MTG,
    "yugioh": Game.YUGIOH,
    "yu-gi-oh": Game.YUGIOH,
    "yu-gi-oh!": Game.YUGIOH,
    "one piece": Game.ONE_PIECE,
    "one piece card game": Game.ONE_PIECE,
    "lorcana": Game.LORCANA,
    "lorcana tcg": Game.LORCANA,
    "disney lorcana": Game.LORCANA,
    "sports": Game.SPORTS,
    "sports cards": Game.SPORTS,
    "baseball": Game.SPORTS,
    "basketball": Game.SPORTS,
    "football": Game.SPORTS,
    "hockey": Game.SPORTS,
}

# The market a card was printed for follows its language; English cards take the
# marketplace's own region.
REGION_BY_LANGUAGE: dict[Language, MarketRegion] = {
    Language.JA: MarketRegion.JP,
    Language.KO: MarketRegion.KR,
    Language.ZH: MarketRegion.CN,
    Language.DE: MarketRegion.EU,
    Language.FR: MarketRegion.EU,
    Language.IT: MarketRegion.EU,
    Language.ES: MarketRegion.EU,
    Language.PT: MarketRegion.EU,
    Language.RU: MarketRegion.EU,
}

FINISH_ALIASES: dict[str, Finish] = {
    **{finish.value: finish for finish in Finish},
    "non-foil": Finish.NORMAL,
    "nonfoil": Finish.NORMAL,
    "regular": Finish.NORMAL,
    "holofoil": Finish.HOLO,
    "reverse holofoil": Finish.REVERSE_HOLO,
    "reverse holo": Finish.REVERSE_HOLO,
    "reverse": Finish.REVERSE_HOLO,
    "etched foil": Finish.ETCHED,
}

TRUE_WORDS = frozenset({"1", "true", "yes", "y", "x"})
FALSE_WORDS = frozenset({"", "0", "false", "no", "n"})

_SPACES = re.compile(r"\s+")


class ValueProblem(ValueError):  # noqa: N818  (a problem with a value, shown to the user)
    """A cell that cannot be read; the message is shown to the user for that field."""


def clean(value: str | None) -> str:
    """A single-line value: trimmed, runs of white space folded, our own
    formula-injection escape undone."""
    return _unescape(_SPACES.sub(" ", (value or "").strip()))


def free_text(value: str | None) -> str:
    """A multi-line value (a description): trimmed and unescaped like `clean`, but
    its line breaks and spacing kept, so an exported description reads back the same."""
    return _unescape((value or "").strip())


def _unescape(text: str) -> str:
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        return text[1:]
    return text


# Blank cells read as None: the row does not say, and the item keeps its value
# (a new item gets the default, docs/imports.md).


def condition(value: str, table: dict[str, Condition] = CONDITION_ALIASES) -> Condition | None:
    key = clean(value).lower()
    if not key:
        return None
    if key in table:
        return table[key]
    raise ValueProblem(f"Unknown condition '{clean(value)}'.")


def language(value: str) -> Language | None:
    key = clean(value).lower()
    if not key:
        return None
    if key in LANGUAGE_ALIASES:
        return LANGUAGE_ALIASES[key]
    raise ValueProblem(f"Unknown language '{clean(value)}'.")


def game(value: str) -> Game:
    key = clean(value).lower()
    if key in GAME_ALIASES:
        return GAME_ALIASES[key]
    raise ValueProblem(f"Unknown game '{clean(value)}'.")


def finish(value: str) -> Finish | None:
    key = clean(value).lower()
    if not key:
        return None
    if key in FINISH_ALIASES:
        return FINISH_ALIASES[key]
    if key in TRUE_WORDS:
        return Finish.FOIL
    raise ValueProblem(f"Unknown finish '{clean(value)}'.")


def foil(value: str) -> Finish | None:
    """A foil column: yes/no or the word itself (`foil`; `etched` for etched foil);
    blank says nothing."""
    if not clean(value):
        return None
    if clean(value).lower() in ("etched", "etched foil"):
        return Finish.ETCHED
    return Finish.FOIL if flag(value, ("foil",)) else Finish.NORMAL


def flag(value: str, words: Collection[str] = ()) -> bool:
    """A yes/no cell. Some exports mark a flag with its own word instead of yes
    (Deckbox writes `signed` in its Signed column): `words` are those."""
    key = clean(value).lower()
    if key in TRUE_WORDS or key in words:
        return True
    if key in FALSE_WORDS:
        return False
    expected = "/".join(["yes", *words, "no"]) if words else "yes/no"
    raise ValueProblem(f"Expected {expected} or blank, got '{clean(value)}'.")


def region_for(lang: Language, marketplace_region: MarketRegion) -> MarketRegion:
    return REGION_BY_LANGUAGE.get(lang, marketplace_region)


# Digits, or digits grouped in threes by commas (`1,000`): never a decimal comma (`1,5`).
_WHOLE_NUMBER = re.compile(r"\d+|\d{1,3}(?:,\d{3})+")


def quantity(value: str, *, required: bool = True) -> int:
    text = clean(value)
    if not text:
        if required:
            raise ValueProblem("A quantity is required.")
        return 0
    if not _WHOLE_NUMBER.fullmatch(text) or len(text.replace(",", "")) > 9:
        raise ValueProblem(f"'{text}' is not a whole number of at least 0.")
    return int(text.replace(",", ""))


# A price cell: an optional currency mark before or after the amount (a symbol,
# or an ISO 4217 code checked in `price`), a space allowed between.
_PRICE = re.compile(
    r"(?P<minus>-)?\s?(?:(?P<before>[$€£¥]|[A-Za-z]{3})\s?)?(?P<minus_after_mark>-)?"
    r"(?P<amount>\d[\d., ]*?)(?:\s?(?P<after>[$€£¥]|[A-Za-z]{3}))?"
)
_SEPARATOR = re.compile(r"[., ]")


def price(value: str) -> Decimal | None:
    """Prices as shops write them: `$1,234.50`, `1234.5`, `1.234,50 €`, `12,50`, `EUR 3`.

    The decimal mark is the last `.` or `,` when one or two digits follow it;
    `,`, `.` or a space followed by exactly three digits groups thousands
    (`1,234` is 1234). Anything else is refused rather than guessed.
    """
    text = clean(value)
    if not text:
        return None
    match = _PRICE.fullmatch(text)
    marks = [match[mark] for mark in ("before", "after") if match and match[mark]]
    if (
        match is None
        or len(marks) > 1
        or any(len(mark) == 3 and not is_currency_code(mark.upper()) for mark in marks)
    ):
        raise ValueProblem(f"'{text}' is not a price (write it like 1234.50, 1,234.50 or 1.234,50 €).")
    if match["minus"] or match["minus_after_mark"]:
        raise ValueProblem(f"'{text}' is not a price of at least 0.")
    amount = _amount(match["amount"].strip())
    if amount is None:
        raise ValueProblem(
            f"'{text}' is not a price: use one decimal mark with one or two digits after it, "
            "and group thousands by three (1,234.50 or 1.234,50)."
        )
    if amount >= Decimal("10000000000"):
        raise ValueProblem(f"'{text}' is too large a price.")
    return amount.quantize(Decimal("0.01"))


def _amount(text: str) -> Decimal | None:
    """Digits with thousands separators and a decimal part, read by the rule in `price`."""
    groups = _SEPARATOR.split(text)
    separators = _SEPARATOR.findall(text)
    cents = ""
    if separators and separators[-1] in ".," and len(groups[-1]) in (1, 2):
        decimal_mark = separators.pop()
        cents = groups.pop()
    else:
        decimal_mark = ""
    if separators:
        thousands = set(separators)
        if (
            len(thousands) > 1
            or decimal_mark in thousands
            or not 1 <= len(groups[0]) <= 3
            or groups[0].startswith("0")
            or any(len(group) != 3 for group in groups[1:])
        ):
            return None
    whole = "".join(groups)
    return Decimal(f"{whole}.{cents or '0'}")
