#!/usr/bin/env bash
# Back up, restore and verify the Omni-Stock PostgreSQL database (docs/runbook.md).
#
#   scripts/db-backup.sh backup  FILE   pg_dump in the custom format (compressed, restorable table by table)
#   scripts/db-backup.sh restore FILE   pg_restore into DATABASE_URL, replacing what is there, in one transaction
#   scripts/db-backup.sh verify         per table: row count; for the key tables also an md5 of every row, ordered
#
# DATABASE_URL names the database (postgres://user:pass@host:5432/name). Compare `verify`
# before a backup and after its restore: equal output, equal data. KEY_TABLES overrides which
# tables get a checksum (the whole-row md5 reads every row: keep it to the tables that matter).
# Needs pg_dump/pg_restore/psql of the server's major version or newer.
set -euo pipefail

KEY_TABLES="${KEY_TABLES:-accounts_vendor accounts_userprofile auth_user collectibles_collectible collectibles_carddetails collectibles_stockmovement collectibles_historicalcollectible imports_importbatch}"

usage() {
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

[[ -n "${DATABASE_URL:-}" ]] || { echo "db-backup.sh: set DATABASE_URL (postgres://...)" >&2; exit 2; }
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *) echo "db-backup.sh: DATABASE_URL must be a PostgreSQL URL" >&2; exit 2 ;;
esac

sql() { psql "$DATABASE_URL" --no-psqlrc --quiet --tuples-only --no-align --set ON_ERROR_STOP=1 "$@"; }

command="${1:-}"
case "$command" in
  backup)
    file="${2:-}"; [[ -n "$file" ]] || usage
    # No owners or grants: the backup restores into a database owned by another role.
    pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$file.partial"
    mv "$file.partial" "$file"  # a half-written backup never looks like a good one
    echo "backed up to $file ($(du -h "$file" | cut -f1))"
    ;;
  restore)
    file="${2:-}"; [[ -f "$file" ]] || { echo "db-backup.sh: no backup at '$file'" >&2; exit 2; }
    # --single-transaction: all or nothing; --clean --if-exists: replaces what the target holds.
    pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
      --dbname="$DATABASE_URL" "$file"
    echo "restored $file"
    ;;
  verify)
    tables=$(sql -c "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    for table in $tables; do
      count=$(sql -c "SELECT count(*) FROM \"$table\"")
      checksum=""
      if [[ " $KEY_TABLES " == *" $table "* ]]; then
        checksum=$(sql -c "SELECT md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) FROM \"$table\" t")
      fi
      printf '%-45s %10s %s\n' "$table" "$count" "$checksum"
    done
    ;;
  *) usage ;;
esac
