"""The committed api_schema.json is the API contract: it must match the code."""

import difflib
import json
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

SNAPSHOT = Path(settings.REPO_DIR) / "api_schema.json"
REGENERATE = "make schema"


def generated_schema() -> str:
    out = StringIO()
    call_command("spectacular", "--format", "openapi-json", "--validate", "--fail-on-warn", stdout=out)
    return json.dumps(json.loads(out.getvalue()), indent=2, ensure_ascii=False) + "\n"


def test_committed_schema_matches_the_code():
    expected = generated_schema()
    committed = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else ""
    if committed != expected:
        diff = "".join(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                expected.splitlines(keepends=True),
                fromfile="api_schema.json (committed)",
                tofile="api_schema.json (generated from the code)",
                n=2,
            )
        )
        raise AssertionError(
            f"api_schema.json is out of date. If the API change is intended, run `{REGENERATE}` "
            f"and commit the result (and the regenerated frontend types).\n\n{diff[:20000]}"
        )


def test_schema_documents_errors_filters_and_nested_card_details():
    schema = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    collectibles = schema["paths"]["/api/v1/collectibles/"]
    detail = schema["paths"]["/api/v1/collectibles/{id}/"]
    assert {"400", "401"} <= set(collectibles["get"]["responses"])
    assert {"400", "401", "403"} <= set(collectibles["post"]["responses"])
    assert {"401", "403", "404"} <= set(detail["delete"]["responses"])
    params = {p["name"]: p for p in collectibles["get"]["parameters"]}
    for name in (
        "search",
        "language",
        "market_region",
        "game",
        "condition",
        "release_date_after",
        "release_date_before",
        "price_min",
        "price_max",
        "in_stock",
        "ordering",
        "page",
        "page_size",
    ):
        assert params[name].get("description"), f"{name} has no help text"
    components = schema["components"]["schemas"]
    assert components["LanguageEnum"]["enum"] == ["EN", "JA", "DE", "FR", "IT", "ES", "PT", "KO", "ZH", "RU"]
    assert components["Collectible"]["properties"]["card_details"]["allOf"][0]["$ref"].endswith(
        "/CardDetails"
    )
    assert "jwtAuth" in schema["components"]["securitySchemes"]
