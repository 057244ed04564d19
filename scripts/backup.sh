#!/usr/bin/env bash
# Backs up the embedded PostgreSQL of Tsunagu: the whole data directory, copied while no server runs on
# it, into one archive. Stop Tsunagu first; the script refuses while a server holds the directory.
#
#   scripts/backup.sh [archive]        default: backups/tsunagu-<UTC time>.tar.gz
#
# TSUNAGU_DATA_DIR names the data directory as for Tsunagu (default ./data/postgres). Restore with
# scripts/restore.sh. With a PostgreSQL server (SPRING_DATASOURCE_URL), use pg_dump instead (README).
set -euo pipefail
. "$(dirname "$0")/embedded-postgres.sh"

ARCHIVE="${1:-backups/tsunagu-$(date -u +%Y%m%dT%H%M%SZ).tar.gz}"

[ -f "$DATA_DIR/PG_VERSION" ] || fail "$DATA_DIR is not a PostgreSQL data directory (set TSUNAGU_DATA_DIR)"
find_pg_bin
if server_running "$DATA_DIR"; then
	fail "a PostgreSQL server is running on $DATA_DIR: stop Tsunagu first, then back up (nothing was written)"
fi

mkdir -p "$(dirname "$ARCHIVE")"
PARTIAL="$ARCHIVE.partial"
# The directory's own name is kept out of the archive: restore puts the contents where it is told to.
tar -C "$DATA_DIR" --exclude=./postmaster.pid --exclude=./postmaster.opts --exclude=./epg-lock -czf "$PARTIAL" .
tar -tzf "$PARTIAL" ./PG_VERSION >/dev/null || fail "the archive $PARTIAL cannot be read back"
mv "$PARTIAL" "$ARCHIVE"
echo "Backed up $DATA_DIR (PostgreSQL $(cat "$DATA_DIR/PG_VERSION")) to $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"
