"""What the benchmark asks, all as the largest vendor's owner."""

import json
from dataclasses import dataclass, field
from typing import Any

# A Japanese-import shelf: one language and its market, five years of releases,
# a mid-price band. Selective on every axis, and still thousands of rows.
FILTERS = (
    "language=JA&market_region=JP&release_date_after=2019-01-01&release_date_before=2024-12-31"
    "&price_min=5&price_max=100"
)
DEEP_OFFSET = 50_000
PAGE_SIZE = 50
PAGE = f"page_size={PAGE_SIZE}"


def deep_offset(vendor_rows: int) -> int:
    """50,000 rows in, or halfway through a smaller dataset's largest vendor."""
    return min(DEEP_OFFSET, vendor_rows // 2 // PAGE_SIZE * PAGE_SIZE)


CREATE_BODY: dict[str, Any] = {
    "name": "Charizard ex",
    "condition": "NM",
    "quantity": 2,
    "price": "54.90",
    "release_date": "2023-08-11",
    "external_ids": {"tcgplayer": "501234"},
    "card_details": {
        "game": "pokemon",
        "set_name": "Obsidian Flames",
        "set_code": "OBF",
        "card_number": "125/197",
        "rarity": "Double Rare",
        "language": "EN",
        "market_region": "NA",
        "finish": "holo",
    },
}


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    path: str  # below the API root, e.g. "collectibles/?page_size=50"
    method: str = "GET"
    body: dict[str, Any] | None = field(default=None)
    naive_path: str | None = None  # where the naive peer differs (None: same path; "" : not offered)

    @property
    def body_text(self) -> str | None:
        return None if self.body is None else json.dumps(self.body)

    def path_for(self, config: str) -> str | None:
        if config == "naive" and self.naive_path is not None:
            return self.naive_path or None
        return self.path


def scenarios(*, detail_id: int, offset: int, deep_cursor: str) -> list[Scenario]:
    deep_page = offset // PAGE_SIZE + 1
    found = [
        Scenario("list", "list, page of 50", f"collectibles/?{PAGE}"),
        Scenario(
            "filtered", "filtered list (language, region, dates, price)", f"collectibles/?{FILTERS}&{PAGE}"
        ),
        Scenario("search-2", "search, 2 characters (`ch`)", f"collectibles/?search=ch&{PAGE}"),
        Scenario("search-3", "typo search, 3 characters (`pik`)", f"collectibles/?search=pik&{PAGE}"),
        Scenario("search-5", "typo search, 5 characters (`gengr`)", f"collectibles/?search=gengr&{PAGE}"),
        Scenario(
            "search-11",
            "typo search, 11 characters (`black lotsu`)",
            f"collectibles/?search=black+lotsu&{PAGE}",
        ),
        Scenario(
            "deep-offset",
            f"deep page, offset {offset:,}",
            f"collectibles/?{PAGE}&page={deep_page}",
        ),
        Scenario(
            "deep-cursor",
            f"deep page by cursor (row {offset:,})",
            f"collectibles/?{PAGE}&cursor={deep_cursor}",
            naive_path="",
        ),
        Scenario("detail", "detail", f"collectibles/{detail_id}/"),
        Scenario("create", "create (with card details)", "collectibles/", method="POST", body=CREATE_BODY),
    ]
    return found
