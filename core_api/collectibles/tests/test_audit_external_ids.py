import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from collectibles.tests.factories import CollectibleFactory
from collectibles.tests.test_migrations import AFTER, BEFORE, make_legacy_rows


def audit(*args):
    out = StringIO()
    call_command("audit_external_ids", *args, stdout=out)
    return out.getvalue()


@pytest.mark.migrations
def test_audit_on_the_legacy_text_column(migrator):
    old_state = migrator.apply_initial_migration(BEFORE)
    ids = make_legacy_rows(old_state.apps)
    report = json.loads(audit("--json"))
    assert report["total"] == 8
    assert report["counts"] == {"valid": 1, "empty": 3, "malformed": 4}
    assert {e["id"] for e in report["malformed"]} == {
        ids["malformed"],
        ids["list"],
        ids["string"],
        ids["partly-bad"],
    }
    assert {e["id"] for e in report["empty"]} == {ids["empty-object"], ids["blank"], ids["null"]}


@pytest.mark.migrations
def test_audit_after_conversion_finds_nothing_malformed(migrator):
    old_state = migrator.apply_initial_migration(BEFORE)
    make_legacy_rows(old_state.apps)
    migrator.apply_tested_migration(AFTER)
    report = json.loads(audit("--json"))
    assert report["counts"] == {"valid": 2, "empty": 6, "malformed": 0}


@pytest.mark.django_db
def test_audit_reads_raw_jsonb_that_bypassed_validation(vendor):
    good = CollectibleFactory(vendor=vendor, external_ids={"tcgplayer": "1"})
    bad = CollectibleFactory(vendor=vendor)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE collectibles_collectible SET external_ids = %s::jsonb WHERE id = %s", ["[1, 2]", bad.pk]
        )
    text = audit()
    assert "external_ids audit of 2 collectible(s)" in text
    assert "valid      1" in text
    assert "malformed  1" in text
    assert f"{bad.pk}: JSON list, not an object" in text
    assert f"{good.pk}:" not in text


@pytest.mark.django_db
def test_audit_of_an_empty_table():
    assert json.loads(audit("--json")) == {
        "total": 0,
        "counts": {"valid": 0, "empty": 0, "malformed": 0},
        "malformed": [],
        "empty": [],
    }
