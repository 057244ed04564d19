#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into the embedded PostgreSQL's data directory. Stop Tsunagu
# first. The archive is unpacked beside the data directory and started once with the bundled PostgreSQL
# (which also replays what the log holds), stopped again, and only then put in place; the directory it
# replaces is kept beside it as <data directory>.before-restore-<UTC time>.
#
#   scripts/restore.sh archive
#
# TSUNAGU_DATA_DIR names the data directory as for Tsunagu (default ./data/postgres).
set -euo pipefail
. "$(dirname "$0")/embedded-postgres.sh"

[ $# -eq 1 ] || fail "usage: $0 archive"
ARCHIVE="$1"
[ -f "$ARCHIVE" ] || fail "no archive at $ARCHIVE"
find_pg_bin
if [ -f "$DATA_DIR/PG_VERSION" ] && server_running "$DATA_DIR"; then
	fail "a PostgreSQL server is running on $DATA_DIR: stop Tsunagu first, then restore (nothing was changed)"
fi

PARENT="$(dirname "$DATA_DIR")"
mkdir -p "$PARENT"
STAGING="$(mktemp -d "$PARENT/.restoring.XXXXXX")"
SOCKETS="$(mktemp -d)"
cleanup() {
	as_postgres "$PG_BIN/pg_ctl" stop -D "$STAGING" -m fast -w >/dev/null 2>&1 || true
	rm -rf "$STAGING" "$SOCKETS"
}
trap cleanup EXIT

tar -xzf "$ARCHIVE" -C "$STAGING"
[ -f "$STAGING/PG_VERSION" ] || fail "$ARCHIVE is not a backup of a PostgreSQL data directory"
chmod 700 "$STAGING"
WANTED="$(cat "$STAGING/PG_VERSION")"
HAVE="$(bundled_major)"
[ "$WANTED" = "$HAVE" ] || fail "$ARCHIVE holds PostgreSQL $WANTED data; the bundled PostgreSQL is $HAVE"

# Started once, on a socket of its own and no TCP port, so that nothing else can reach it meanwhile.
as_postgres "$PG_BIN/pg_ctl" start -D "$STAGING" -w -t 120 -l "$SOCKETS/server.log" \
	-o "-c listen_addresses='' -c unix_socket_directories='$SOCKETS'" >/dev/null \
	|| fail "the restored database did not start: $(tail -n 5 "$SOCKETS/server.log" 2>/dev/null)"
as_postgres "$PG_BIN/pg_ctl" stop -D "$STAGING" -m fast -w >/dev/null || fail "the restored database did not stop cleanly"

if [ -e "$DATA_DIR" ]; then
	ASIDE="$DATA_DIR.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
	mv "$DATA_DIR" "$ASIDE"
	echo "The data directory it replaces is kept in $ASIDE"
fi
mv "$STAGING" "$DATA_DIR"
trap 'rm -rf "$SOCKETS"' EXIT
echo "Restored $ARCHIVE into $DATA_DIR; start Tsunagu as usual"
