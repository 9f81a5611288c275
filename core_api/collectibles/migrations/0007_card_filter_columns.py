"""Card filter columns on the collectible, kept by PostgreSQL triggers.

`card_game`, `card_language` and `card_market_region` copy the card details
so one vendor-scoped index serves the card filters without a join
(docs/performance.md). On PostgreSQL two triggers keep them exact:

- BEFORE INSERT OR UPDATE on the collectible reads them from its card
  details, so a save of a stale in-memory collectible cannot write old values;
- AFTER INSERT, UPDATE or DELETE on the card details writes them to the
  collectible.

Extended statistics on (vendor, language, region) let the planner estimate
filtered counts (a language implies its region). On SQLite (the local demo)
the columns stay NULL and the filters join `card_details`: SQLite drops a
table's triggers whenever Django rebuilds the table in a later migration.
"""

import django.db.models.functions.text
from django.db import migrations, models

from common.migration_operations import RunSQLOnPostgres

# The two trigger functions, as this migration defines them (0008 extends
# them, and restores these when reversed).
READ_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION collectibles_read_card_filters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- No card details: SELECT INTO sets every target to NULL.
    SELECT d.game, d.language, d.market_region
      INTO NEW.card_game, NEW.card_language, NEW.card_market_region
      FROM collectibles_carddetails d WHERE d.collectible_id = NEW.id;
    RETURN NEW;
END $$;
"""

WRITE_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION collectibles_write_card_filters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE collectibles_collectible
           SET card_game = NULL, card_language = NULL, card_market_region = NULL
         WHERE id = OLD.collectible_id;
    ELSE
        UPDATE collectibles_collectible
           SET card_game = NEW.game, card_language = NEW.language, card_market_region = NEW.market_region
         WHERE id = NEW.collectible_id;
    END IF;
    RETURN NULL;
END $$;
"""

FORWARD_SQL = (
    READ_FUNCTION_SQL  # noqa: S608  (constant SQL, no input)
    + """
CREATE OR REPLACE TRIGGER collectible_read_card_filters
    BEFORE INSERT OR UPDATE ON collectibles_collectible
    FOR EACH ROW EXECUTE FUNCTION collectibles_read_card_filters();
"""
    + WRITE_FUNCTION_SQL
    + """
CREATE OR REPLACE TRIGGER card_details_write_card_filters
    AFTER INSERT OR UPDATE OR DELETE ON collectibles_carddetails
    FOR EACH ROW EXECUTE FUNCTION collectibles_write_card_filters();

UPDATE collectibles_collectible c
   SET card_game = d.game, card_language = d.language, card_market_region = d.market_region
  FROM collectibles_carddetails d
 WHERE d.collectible_id = c.id;

CREATE STATISTICS IF NOT EXISTS coll_vendor_card_stats (dependencies, mcv)
    ON vendor_id, card_language, card_market_region FROM collectibles_collectible;
"""
)

BACKWARD_SQL = """
DROP STATISTICS IF EXISTS coll_vendor_card_stats;
DROP TRIGGER IF EXISTS card_details_write_card_filters ON collectibles_carddetails;
DROP FUNCTION IF EXISTS collectibles_write_card_filters();
DROP TRIGGER IF EXISTS collectible_read_card_filters ON collectibles_collectible;
DROP FUNCTION IF EXISTS collectibles_read_card_filters();
"""


class Migration(migrations.Migration):
    dependencies = [("collectibles", "0006_movement_import_batch_marketplace_id_indexes")]

    operations = [
        migrations.RemoveIndex(model_name="carddetails", name="card_lang_region_idx"),
        migrations.RemoveIndex(model_name="carddetails", name="card_region_idx"),
        migrations.RemoveIndex(model_name="carddetails", name="card_number_idx"),
        migrations.AddField(
            model_name="collectible",
            name="card_game",
            field=models.CharField(editable=False, max_length=10, null=True),
        ),
        migrations.AddField(
            model_name="collectible",
            name="card_language",
            field=models.CharField(editable=False, max_length=2, null=True),
        ),
        migrations.AddField(
            model_name="collectible",
            name="card_market_region",
            field=models.CharField(editable=False, max_length=6, null=True),
        ),
        RunSQLOnPostgres([FORWARD_SQL], [BACKWARD_SQL]),
        migrations.AddIndex(
            model_name="carddetails",
            index=models.Index(
                django.db.models.functions.text.Upper("card_number"), name="card_number_upper_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="collectible",
            index=models.Index(
                fields=["vendor", "card_language", "card_market_region", "-updated_at", "-id"],
                include=("release_date", "price"),
                name="coll_vendor_card_filter_idx",
            ),
        ),
    ]
