"""Search through a lexicon of each vendor's distinct names and set names.

Typo-tolerant matching moves from every row (trigram GIN indexes on
collectible names and card set names, whose recheck read thousands of rows
per query) to `SearchTerm`, a few thousand distinct terms per vendor; rows
are then fetched by exact term through btree indexes (collectibles/search.py).

On PostgreSQL:
- the card-filter triggers of 0007 also copy `set_name` to `card_set_name`;
- a trigger adds a collectible's name and set name to the lexicon whenever
  they are written;
- both are backfilled, and the row-level trigram indexes are dropped.
On SQLite (the local demo) search stays a substring match and none of this runs.
"""

import importlib

import django.contrib.postgres.indexes
import django.db.models.deletion
import django.db.models.functions.text
from django.db import migrations, models

from common.migration_operations import AddIndexOnPostgres, RemoveIndexOnPostgres, RunSQLOnPostgres

# Migration modules start with a digit: importable, but not by an import statement.
_previous = importlib.import_module("collectibles.migrations.0007_card_filter_columns")

FORWARD_SQL = """
CREATE OR REPLACE FUNCTION collectibles_read_card_filters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- No card details: SELECT INTO sets every target to NULL.
    SELECT d.game, d.language, d.market_region, d.set_name
      INTO NEW.card_game, NEW.card_language, NEW.card_market_region, NEW.card_set_name
      FROM collectibles_carddetails d WHERE d.collectible_id = NEW.id;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION collectibles_write_card_filters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE collectibles_collectible
           SET card_game = NULL, card_language = NULL, card_market_region = NULL, card_set_name = NULL
         WHERE id = OLD.collectible_id;
    ELSE
        UPDATE collectibles_collectible
           SET card_game = NEW.game, card_language = NEW.language, card_market_region = NEW.market_region,
               card_set_name = NEW.set_name
         WHERE id = NEW.collectible_id;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION collectibles_record_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO collectibles_searchterm (vendor_id, field, text)
    VALUES (NEW.vendor_id, 'name', NEW.name)
    ON CONFLICT DO NOTHING;
    IF NEW.card_set_name <> '' THEN
        INSERT INTO collectibles_searchterm (vendor_id, field, text)
        VALUES (NEW.vendor_id, 'set_name', NEW.card_set_name)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER collectible_record_search_terms
    AFTER INSERT OR UPDATE OF name, card_set_name, vendor_id ON collectibles_collectible
    FOR EACH ROW EXECUTE FUNCTION collectibles_record_search_terms();

UPDATE collectibles_collectible c
   SET card_set_name = d.set_name
  FROM collectibles_carddetails d
 WHERE d.collectible_id = c.id;

INSERT INTO collectibles_searchterm (vendor_id, field, text)
SELECT DISTINCT vendor_id, 'name', name FROM collectibles_collectible
UNION
SELECT DISTINCT vendor_id, 'set_name', card_set_name FROM collectibles_collectible WHERE card_set_name <> ''
ON CONFLICT DO NOTHING;
"""

# Reversed: no lexicon trigger, and 0007's functions again.
BACKWARD_SQL = (
    """
DROP TRIGGER IF EXISTS collectible_record_search_terms ON collectibles_collectible;
DROP FUNCTION IF EXISTS collectibles_record_search_terms();
"""
    + _previous.READ_FUNCTION_SQL
    + _previous.WRITE_FUNCTION_SQL
)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("collectibles", "0007_card_filter_columns"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "field",
                    models.CharField(choices=[("name", "Name"), ("set_name", "Set name")], max_length=8),
                ),
                ("text", models.CharField(max_length=200)),
                (
                    "vendor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="accounts.vendor"
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("vendor", "field", "text"), name="search_term_unique")
                ],
            },
        ),
        migrations.AddField(
            model_name="collectible",
            name="card_set_name",
            field=models.CharField(editable=False, max_length=200, null=True),
        ),
        RunSQLOnPostgres([FORWARD_SQL], [BACKWARD_SQL]),
        RemoveIndexOnPostgres(model_name="carddetails", name="card_set_name_trgm_idx"),
        RemoveIndexOnPostgres(model_name="collectible", name="coll_name_trgm_idx"),
        migrations.AddIndex(
            model_name="collectible",
            index=models.Index(fields=["vendor", "card_set_name", "id"], name="coll_vendor_set_name_idx"),
        ),
        AddIndexOnPostgres(
            model_name="searchterm",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("text"), name="gin_trgm_ops"
                ),
                name="search_term_trgm_idx",
            ),
        ),
    ]
