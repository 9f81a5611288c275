"""scripts/db-backup.sh round-trips a database: backup, restore into a scratch
database, and `verify` (row counts, checksums of every key row) reads the same."""

import subprocess

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from collectibles.models import StockMovement
from collectibles.tests.factories import CardFactory
from config.tests.test_demo_server import database_url

SCRIPT = settings.REPO_DIR / "scripts" / "db-backup.sh"


def run(command: list[str], url: str) -> str:
    done = subprocess.run(  # noqa: S603  (the repository's script, fixed arguments)
        [str(SCRIPT), *command],
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": url},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip_items_history_and_movements(tmp_path, client_for, editor, vendor):
    editor_client = client_for(editor)
    cards = CardFactory.create_batch(3, vendor=vendor, quantity=5)
    for card in cards:
        adjust = reverse("collectible-adjust", args=[card.pk])
        assert editor_client.post(adjust, {"delta": -2, "reason": "sale"}, format="json").status_code == 201
        detail = reverse("collectible-detail", args=[card.pk])
        assert (
            editor_client.patch(detail, {"name": f"{card.name} (signed)"}, format="json").status_code == 200
        )
    assert StockMovement.objects.count() >= 3

    source = database_url()
    scratch_name = f"{connection.settings_dict['NAME']}_restore"
    scratch = source.rsplit("/", 1)[0] + f"/{scratch_name}"
    with psycopg.connect(source.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{scratch_name}"')
        admin.execute(f'CREATE DATABASE "{scratch_name}"')
        try:
            before = run(["verify"], source)
            backup = tmp_path / "omnistock.dump"
            assert "backed up to" in run(["backup", str(backup)], source)
            assert not (tmp_path / "omnistock.dump.partial").exists()
            run(["restore", str(backup)], scratch)
            after = run(["verify"], scratch)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{scratch_name}" WITH (FORCE)')

    assert after == before
    rows = {line.split()[0]: line.split()[1:] for line in before.splitlines()}
    for table in (
        "collectibles_collectible",
        "collectibles_historicalcollectible",
        "collectibles_stockmovement",
    ):
        count, checksum = rows[table]
        assert int(count) >= 3
        assert len(checksum) == 32  # an md5 of the rows, not only a count


def test_the_script_refuses_what_it_cannot_do(tmp_path):
    def exit_code(*args: str, url: str = "postgres://nobody@127.0.0.1:1/none") -> int:
        return subprocess.run(  # noqa: S603
            [str(SCRIPT), *args], env={"PATH": "/usr/bin:/bin", "DATABASE_URL": url}, capture_output=True
        ).returncode

    assert exit_code("explode") == 2
    assert exit_code("restore", str(tmp_path / "missing.dump")) == 2
    assert exit_code("verify", url="sqlite:///db.sqlite3") == 2
    assert exit_code("verify") != 0  # nothing listens there
