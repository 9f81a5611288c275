"""`python -m tools.bench.catalog`: the card catalog's two benchmarks (docs/performance.md).

1. Load: a generated Scryfall bulk file of LOAD_SIZE printings (default 500,000)
   into an empty catalog with `manage.py load_catalog`, timed, with the peak
   RSS of that process (GNU time); then the same file again (nothing to write).
2. Search: the catalog topped up to SEARCH_SIZE printings (default 1,000,000)
   with a second generated file, then GET /api/v1/catalog/printings/?search=…
   in-process (Django's test client with a JWT: no network, no WSGI server),
   a fixed mix of queries, p50 / p95 / max per kind and overall.

The database (`--database-url`, `{size}` replaced by SEARCH_SIZE) is dropped and
created afresh: never point it at anything else.
"""

# A benchmark script: long generated records read better one per line; asserts stop a bad run.
# ruff: noqa: E501, S101, S108, SIM905

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from .run import API_DIR, BENCH_ENV, RESULTS_DIR, log
from .stats import percentile

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/omnistock_bench_catalog_{size}"
ADJECTIVES = (
    "Ancient Arcane Blazing Bound Brazen Burning Cinder Clockwork Crimson Cursed Dauntless Dire Dread "
    "Elder Ember Eternal Feral Fiery Frost Gilded Glacial Grim Hallowed Hollow Iron Ivory Jade Lunar "
    "Mystic Noble Obsidian Primal Radiant Relentless Runic Sacred Savage Scarlet Shadow Silent Silver "
    "Solar Spectral Storm Sunlit Swift Thorned Thunder Twilight Verdant Vicious Vile Wandering Wild"
).split()
NOUNS = (
    "Angel Archer Assassin Bear Behemoth Champion Chimera Colossus Construct Dragon Drake Druid Elemental "
    "Elf Fiend Gargoyle Giant Goblin Golem Griffin Guardian Harpy Hound Hydra Knight Kraken Lich Mage "
    "Minotaur Monk Ogre Oracle Paladin Phoenix Raven Rogue Sage Serpent Shaman Sliver Sphinx Spirit "
    "Titan Troll Vampire Warden Wolf Wurm Wyvern Zombie"
).split()
TITLES = ("of the Vale", "of Ruin", "Reborn", "Ascendant", "of the Deep", "Eternal", "Unbound", "")
LANGUAGES = [("en", 0.8), ("ja", 0.06), ("de", 0.04), ("fr", 0.04), ("it", 0.02), ("es", 0.02), ("zhs", 0.02)]


def card_names() -> list[str]:
    """About 25,000 distinct names (Scryfall has ~30,000 Magic cards)."""
    return [f"{a} {n} {t}".strip() for a in ADJECTIVES for n in NOUNS for t in TITLES]


def generate(path: Path, *, count: int, first_set: int, seed: int) -> None:
    """A Scryfall bulk file (one JSON array) of `count` printings with realistic object size."""
    rng = random.Random(seed)
    names = card_names()
    languages, weights = zip(*LANGUAGES, strict=True)
    with path.open("w", encoding="utf-8") as out:
        out.write("[\n")
        written = 0
        set_index = first_set
        while written < count:
            code = f"{chr(65 + set_index % 26)}{chr(65 + set_index // 26 % 26)}{set_index // 676 % 10}"
            set_name = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}s {set_index}"
            released = f"{1993 + set_index % 33}-{1 + set_index % 12:02d}-{1 + set_index % 28:02d}"
            set_size = rng.randint(150, 400)
            for number in range(1, set_size + 1):
                if written >= count:
                    break
                name = rng.choice(names)
                lang = rng.choices(languages, weights)[0]
                card_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                card = {
                    "object": "card", "id": card_id, "oracle_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    "multiverse_ids": [rng.randint(1, 700_000)], "tcgplayer_id": rng.randint(1, 600_000),
                    "cardmarket_id": rng.randint(1, 800_000), "name": name, "lang": lang, "released_at": released,
                    "uri": f"https://api.scryfall.com/cards/{card_id}", "layout": "normal", "highres_image": True,
                    "image_status": "highres_scan",
                    "image_uris": {size: f"https://cards.scryfall.io/{size}/front/{card_id[0]}/{card_id[1]}/{card_id}.jpg"
                                   for size in ("small", "normal", "large", "png", "art_crop", "border_crop")},
                    "mana_cost": "{2}{R}{R}", "cmc": 4.0, "type_line": f"Creature — {name.split()[1]}",
                    "oracle_text": "Flying, haste\nWhen this creature enters, it deals 2 damage to any target.",
                    "power": "4", "toughness": "3", "colors": ["R"], "color_identity": ["R"], "keywords": ["Flying", "Haste"],
                    "legalities": {f: rng.choice(("legal", "not_legal")) for f in
                                   ("standard", "pioneer", "modern", "legacy", "vintage", "commander", "pauper")},
                    "games": ["paper"], "reserved": False, "foil": True, "nonfoil": True, "finishes": ["nonfoil", "foil"],
                    "oversized": False, "promo": False, "reprint": True, "variation": False,
                    "set_id": str(uuid.UUID(int=set_index + 1)), "set": code.lower(), "set_name": set_name,
                    "set_type": "expansion", "collector_number": str(number), "digital": False,
                    "rarity": rng.choice(("common", "uncommon", "rare", "mythic")), "artist": "Generated Artist",
                    "border_color": "black", "frame": "2015", "full_art": False, "textless": False, "booster": True,
                    "prices": {"usd": f"{rng.random() * 20:.2f}", "usd_foil": f"{rng.random() * 40:.2f}",
                               "usd_etched": None, "eur": f"{rng.random() * 20:.2f}", "eur_foil": None, "tix": "0.03"},
                }  # fmt: skip
                out.write(("" if written == 0 else ",\n") + json.dumps(card, ensure_ascii=False))
                written += 1
            set_index += 1
        out.write("\n]\n")


def _recreate_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.startswith("omnistock_bench"):
        raise SystemExit(
            f"refusing to drop {name}: the catalog benchmark database must be named omnistock_bench*"
        )
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _manage(env: dict[str, str], *args: str, timed: bool = False) -> tuple[str, float, int, float]:
    """Run manage.py; with `timed`, also its wall seconds, peak RSS in KiB and
    CPU seconds (user + system; GNU time). On a loaded machine the CPU time says
    what the load costs, the wall time what it costed there and then."""
    command = [sys.executable, "manage.py", *args]
    if timed:
        command = ["/usr/bin/time", "-f", "TIME %e %M %U %S", *command]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=API_DIR, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    rss, cpu = 0, 0.0
    match = re.search(r"TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)", done.stderr)
    if match:
        elapsed, rss, cpu = float(match[1]), int(match[2]), float(match[3]) + float(match[4])
    return done.stdout, elapsed, rss, cpu


def _timed_load(env: dict[str, str], path: Path, what: str) -> dict[str, Any]:
    out, seconds, rss, cpu = _manage(
        env, "load_catalog", "scryfall", str(path), "--progress=never", timed=True
    )
    result = {
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(rss / 1024),
        "loader_cpu_seconds": round(cpu, 1),
        "summary": out.strip(),
    }
    log(f"  {what}: {seconds:.0f} s wall, {cpu:.0f} s loader CPU, peak RSS {rss / 1024:.0f} MB")
    return result


def _queries(rng: random.Random) -> list[tuple[str, dict[str, str]]]:
    """The search mix, from what is in the catalog."""
    from catalog.models import Printing

    sample = list(
        Printing.objects.order_by("?")
        .select_related("card_set")[:40]
        .values_list(
            "name", "card_set__code", "card_set__name", "collector_number", "source_id", "external_ids"
        )
    )
    queries: list[tuple[str, dict[str, str]]] = []
    for name, code, set_name, number, source_id, ids in sample[:40]:
        word = name.split()[1]
        typo = word[:2] + word[3:] if len(word) > 4 else word + "e"
        queries += [
            ("name with a typo", {"search": f"{name.split()[0]} {typo}".lower()}),
            ("name word + set word", {"search": f"{typo} {set_name.split()[0]}"}),
            ("set code + number", {"search": f"{code} {number}"}),
            ("printing id", {"search": source_id}),
            ("TCGplayer id", {"search": str(ids.get("tcgplayer", ""))}),
            ("one common word", {"search": rng.choice(NOUNS)}),
            ("typo + game + language filters", {"search": typo, "game": "mtg", "language": "EN"}),
            ("browse a set (no search)", {"set": code}),
        ]
    return queries


def _search_bench(database_url: str, *, rounds: int) -> dict[str, Any]:
    os.environ.update(BENCH_ENV)
    os.environ["DATABASE_URL"] = database_url
    os.environ["ALLOWED_HOSTS"] = "testserver"  # Django's test client, in-process
    os.environ["DJANGO_SETTINGS_MODULE"] = "tools.bench.settings"
    sys.path.insert(0, str(API_DIR))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from rest_framework.test import APIClient

    from accounts.models import Role, UserProfile, Vendor
    from accounts.tokens import access_token_for

    vendor, _ = Vendor.objects.get_or_create(
        slug="bench-catalog", defaults={"name": "Bench", "default_currency": "USD"}
    )
    user, _ = get_user_model().objects.get_or_create(username="bench-catalog")
    UserProfile.objects.update_or_create(user=user, defaults={"vendor": vendor, "role": Role.VIEWER})
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token_for(user)}")
    queries = _queries(random.Random(14))
    for _, params in queries[::8]:  # warm-up: connections, caches, plans
        assert client.get("/api/v1/catalog/printings/", params).status_code == 200
    timings: dict[str, list[float]] = {}
    for _ in range(rounds):
        for kind, params in queries:
            started = time.perf_counter()
            response = client.get("/api/v1/catalog/printings/", params)
            timings.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.content
    everything = [ms for samples in timings.values() for ms in samples]
    summary = {
        kind: {"n": len(s), "p50_ms": round(percentile(s, 50), 1), "p95_ms": round(percentile(s, 95), 1),
               "max_ms": round(max(s), 1)}
        for kind, s in timings.items()
    }  # fmt: skip
    summary["all"] = {
        "n": len(everything),
        "p50_ms": round(percentile(everything, 50), 1),
        "p95_ms": round(percentile(everything, 95), 1),
        "max_ms": round(max(everything), 1),
    }
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.catalog", description=__doc__)
    parser.add_argument("--load-size", type=int, default=500_000)
    parser.add_argument("--search-size", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the search mix (320 queries each)")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL") or DEFAULT_DATABASE_URL
    )
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/omnistock-catalog-bench"))
    parser.add_argument(
        "--search-only", action="store_true", help="reuse the loaded database: only the search benchmark"
    )
    args = parser.parse_args(argv)
    if args.search_size < args.load_size:
        parser.error("--search-size must be at least --load-size")
    database_url = args.database_url.replace("{size}", str(args.search_size))
    args.workdir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **BENCH_ENV, "DATABASE_URL": database_url}
    results: dict[str, Any] = {"load_size": args.load_size, "search_size": args.search_size,
                               "load_average_before": Path("/proc/loadavg").read_text().split()[:3]}  # fmt: skip

    if not args.search_only:
        _load_bench(args, env, results)
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
        counted = conn.execute("SELECT count(*) FROM catalog_printing").fetchone()
        results["printings"] = counted[0] if counted else 0
    log("searching")
    results["load_average_search"] = Path("/proc/loadavg").read_text().split()[:3]
    results["search"] = _search_bench(database_url, rounds=args.rounds)
    results["load_average_after"] = Path("/proc/loadavg").read_text().split()[:3]
    RESULTS_DIR.mkdir(exist_ok=True)
    target = RESULTS_DIR / f"catalog-{time.strftime('%Y%m%d-%H%M%S')}.json"
    target.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    log(f"written to {target}")
    return 0


def _load_bench(args: argparse.Namespace, env: dict[str, str], results: dict[str, Any]) -> None:
    database_url = env["DATABASE_URL"]
    first = args.workdir / f"scryfall-{args.load_size}.json"
    if not first.exists():
        log(f"generating {first}")
        generate(first, count=args.load_size, first_set=0, seed=1)
    results["file_mb"] = round(first.stat().st_size / 1e6)
    log(f"recreating {urlsplit(database_url).path[1:]} and migrating")
    _recreate_database(database_url)
    _manage(env, "migrate", "--noinput", "-v0")
    log(f"loading {args.load_size:,} printings")
    results["first_load"] = _timed_load(env, first, "first load")
    results["second_load"] = _timed_load(env, first, "same file again")

    rest = args.search_size - args.load_size
    if rest:
        second = args.workdir / f"scryfall-{rest}-more.json"
        if not second.exists():
            log(f"generating {second}")
            generate(second, count=rest, first_set=5_000, seed=2)
        log(f"loading {rest:,} more printings")
        results["top_up_load"] = _timed_load(env, second, "top-up load")


if __name__ == "__main__":
    sys.exit(main())
