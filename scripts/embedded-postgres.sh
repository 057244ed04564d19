# Shared by backup.sh and restore.sh (sourced, not run): where the embedded database lives, the
# PostgreSQL binaries bundled with Tsunagu, and how to run them.

# The data directory, as Tsunagu finds it (tsunagu.embedded-database.data-directory).
DATA_DIR="${TSUNAGU_DATA_DIR:-./data/postgres}"

fail() {
	echo "$(basename "$0"): $*" >&2
	exit 1
}

# The bundled binaries: those zonky's embedded-postgres unpacks at every start of Tsunagu
# (java.io.tmpdir/embedded-pg/PG-<hash>/bin), or, before Tsunagu ever started here, unpacked from the
# embedded-postgres-binaries artifact in the local Maven repository or in Tsunagu's own jar.
# TSUNAGU_PG_BIN names another directory holding initdb, pg_ctl and postgres.
find_pg_bin() {
	if [ -n "${TSUNAGU_PG_BIN:-}" ]; then
		[ -x "$TSUNAGU_PG_BIN/pg_ctl" ] || fail "TSUNAGU_PG_BIN=$TSUNAGU_PG_BIN holds no pg_ctl"
		PG_BIN="$TSUNAGU_PG_BIN"
		return
	fi
	local tmp="${TMPDIR:-/tmp}" candidate
	candidate=$(ls -dt "$tmp"/embedded-pg/PG-*/bin 2>/dev/null | while read -r dir; do
		[ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] && echo "$dir" && break
	done)
	if [ -n "$candidate" ]; then
		PG_BIN="$candidate"
		return
	fi
	local jar
	jar=$(ls -t "${HOME}"/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-*/*/*.jar 2>/dev/null | head -n 1)
	local unpacked="$tmp/tsunagu-pg-bin"
	if [ -z "$jar" ]; then
		local app
		app=$(ls -t target/tsunagu-*.jar 2>/dev/null | head -n 1)
		[ -n "$app" ] || fail "found no bundled PostgreSQL binaries: start Tsunagu once, or set TSUNAGU_PG_BIN"
		mkdir -p "$unpacked"
		local inner
		inner=$(unzip -Z1 "$app" | grep 'embedded-postgres-binaries-linux-.*\.jar$' | head -n 1)
		[ -n "$inner" ] || fail "$app holds no embedded-postgres-binaries jar"
		unzip -o -q -j "$app" "$inner" -d "$unpacked"
		jar="$unpacked/$(basename "$inner")"
	fi
	mkdir -p "$unpacked"
	unzip -p "$jar" '*.txz' | tar -xJ -C "$unpacked"
	[ -x "$unpacked/bin/pg_ctl" ] || fail "could not unpack the PostgreSQL binaries from $jar"
	PG_BIN="$unpacked/bin"
}

# PostgreSQL refuses to run as root; as root, run it in a user namespace of its own, as zonky does.
as_postgres() {
	if [ "$(id -u)" = 0 ]; then
		unshare -U "$@"
	else
		"$@"
	fi
}

# Whether a server (Tsunagu's, or one a crash left behind) holds the data directory.
server_running() {
	as_postgres "$PG_BIN/pg_ctl" status -D "$1" >/dev/null 2>&1
}

# The major version of the bundled server, and of the cluster in a data directory.
bundled_major() {
	as_postgres "$PG_BIN/postgres" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/'
}
