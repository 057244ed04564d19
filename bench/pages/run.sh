#!/usr/bin/env bash
# Page speed benchmark: packages the application, starts the jar against a fresh embedded PostgreSQL
# with the demo company, prepares an approved event with a personal wave through the real pages
# (PagesSetup.java), then runs wrk against each page a person uses and the answer POST, next to two
# baselines measured in the same run: the login page (one Thymeleaf page in the same layout, no query)
# and pgbench running the answer POST's own SQL on the same database.
#   bench/pages/run.sh [port] [seconds per page]
# BENCH_WARMUP_ROUND: seconds of load on each page before any is measured (20; 0 for none).
# BENCH_JAVA_OPTS adds JVM options (e.g. a JFR recording); BENCH_SKIP_PACKAGE=1 uses the jar as built.
# On a PostgreSQL server instead of the embedded one (to compare with another application on the same
# server): BENCH_PG_PORT, and BENCH_PG_HOST (localhost), BENCH_PG_USER (tsunagu), BENCH_PG_DB (tsunagu),
# a database of the benchmark's own: the script empties its schema public first.
# BENCH_PEER_URL (e.g. http://localhost:8080/owners/1): a page of another application, started by
# hand, measured with the same load before and after Tsunagu's pages; ratios to it are printed too.
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${1:-18081}"
seconds="${2:-10}"
warmup="${BENCH_WARMUP:-5}"
db_port=$((port + 1))
work=target/bench-pages
export PGHOST="${BENCH_PG_HOST:-localhost}" PGPORT="${BENCH_PG_PORT:-$db_port}"
export PGUSER="${BENCH_PG_USER:-${BENCH_PG_PORT:+tsunagu}}" PGDATABASE="${BENCH_PG_DB:-tsunagu}"
export PGOPTIONS='-c client_min_messages=warning'  # no notice for each table the schema's drop takes
PGUSER="${PGUSER:-postgres}"
database=(--tsunagu.embedded-database.data-directory="$work/postgres" --tsunagu.embedded-database.port="$db_port")
if [ -n "${BENCH_PG_PORT:-}" ]; then
  psql -qtA -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public" > /dev/null
  database=(--spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE" --spring.datasource.username="$PGUSER"
    --tsunagu.demo.enabled=true)
fi

if [ -z "${BENCH_SKIP_PACKAGE:-}" ]; then
  ./mvnw -B -q package -DskipTests
fi
rm -rf "$work" && mkdir -p "$work"
app=""
trap 'stop_app' EXIT
stop_app() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
}
start_app() {
  # shellcheck disable=SC2086
  java -Xmx1g ${BENCH_JAVA_OPTS:-} -jar target/tsunagu-*.jar --server.port="$port" "${database[@]}" \
    --tsunagu.base-url="http://localhost:$port" >> "$work/app.log" 2>&1 &
  app=$!
  started=$(date +%s.%N)
  until curl -fs -o /dev/null "http://localhost:$port/login"; do
    kill -0 "$app" 2>/dev/null || { echo "The application did not start:"; tail -40 "$work/app.log"; exit 1; }
    sleep 0.2
  done
  startup=$(echo "$(date +%s.%N) - $started" | bc)
}
sql() {
  psql -qtA -c "$1"
}
start_app
first_startup="$startup"
# Start-up again on the data now there (no demo to seed, no migration to run), as another
# application starts on its database.
stop_app && start_app

java bench/pages/PagesSetup.java "http://localhost:$port" > "$work/setup.txt"
# shellcheck disable=SC1090
source <(sed 's/^\([a-z_]*\)=\(.*\)$/\1='"'"'\2'"'"'/' "$work/setup.txt")
answer_body="answer=ATTENDING&note=&_csrf=$rsvp_csrf"
answer="${rsvp%%\?*}"  # the form posts to the link without its ?lang=

if [ -n "${BENCH_STATEMENTS:-}" ] && [ -z "${BENCH_PG_PORT:-}" ]; then
  # Statements per request from pg_stat_statements, which needs a restart of the database (and so of
  # the application) to load; the sessions and the data stay.
  sql "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" > /dev/null
  stop_app && start_app
  sql "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" > /dev/null
  statements() {
    local name="$1" path="$2" cookie="${3:-}" n=20
    shift 3 || shift $#
    curl -fs -o /dev/null -H "Cookie: $cookie" "$@" "http://localhost:$port$path"
    sql "SELECT pg_stat_statements_reset()" > /dev/null
    local commits
    commits=$(sql "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'tsunagu'")
    for _ in $(seq 1 $n); do curl -fs -o /dev/null -H "Cookie: $cookie" "$@" "http://localhost:$port$path"; done
    sleep 1  # the statistics are sent when a backend is idle
    commits=$(sql "SELECT round((xact_commit + xact_rollback - $commits) / $n.0, 1) FROM pg_stat_database WHERE datname = 'tsunagu'")
    echo "== $name: $commits transactions, statements per request (calls / $n; the mail dispatcher polls meanwhile):"
    sql "SELECT round(sum(calls) / $n.0, 1) || E'\t' || left(regexp_replace(query, '\s+', ' ', 'g'), 150)
         FROM pg_stat_statements WHERE query !~* '^(begin|commit|rollback|select pg_stat_statements_reset)' AND dbid = (SELECT oid FROM pg_database WHERE datname = 'tsunagu')
         GROUP BY query ORDER BY 1 DESC"
  }
  {
    statements 'login' /login
    statements 'home' / "$organiser_cookie"
    statements 'plan' "/plans/$plan" "$organiser_cookie"
    statements 'invitations' "/plans/$plan/invitations" "$organiser_cookie"
    statements 'approvals' /approvals "$president_cookie"
    statements 'employees?q=伊藤' "/employees?q=%E4%BC%8A%E8%97%A4" "$organiser_cookie"
    statements 'answer page' "$rsvp"
    statements 'answer POST' "$answer" "$rsvp_cookie" --data "$answer_body"
  } | tee "$work/statements.txt"
fi

echo "Page speed benchmark, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
printf 'start-up to the login page: %.1f s the first time (with the demo company seeded), %.1f s again\n' "$first_startup" "$startup"
printf 'wrk -t2, %s s per page after a warm-up round (%s s each) and %s s of warm-up; database %s:%s\n' "$seconds" \
  "${BENCH_WARMUP_ROUND:-20}" "$warmup" "$PGHOST" "$PGPORT"
printf '%-28s %8s %8s %8s %8s %6s %6s %6s %8s %8s\n' page 'req/s' 'p50 ms' 'p95 ms' 'p99 ms' 2xx+3xx 4xx 5xx ratio 'to peer'

baseline=""
peer=""
# measure <name> <clients> <path or URL> [cookie] [method] [body] [reference rate]
measure() {
  local name="$1" clients="$2" path="$3" cookie="${4:-}" method="${5:-GET}" body="${6:-}"
  local url="http://localhost:$port$path"
  [[ "$path" == http* ]] && url="$path"
  BENCH_COOKIE="$cookie" BENCH_METHOD="$method" BENCH_BODY="$body" \
    wrk -t2 -c"$clients" -d"${warmup}s" --timeout 10s -s bench/pages/page.lua "$url" > /dev/null
  local result
  result=$(BENCH_COOKIE="$cookie" BENCH_METHOD="$method" BENCH_BODY="$body" \
    wrk -t2 -c"$clients" -d"${seconds}s" --timeout 10s -s bench/pages/page.lua "$url" | tee -a "$work/wrk.txt" | grep '^RESULT')
  read -r _ rate p50 p95 p99 ok redirected client server errors <<< "$result"
  [ -z "$baseline" ] && baseline="$rate"
  local reference="${7:-$baseline}" to_peer=''
  [ -n "$peer" ] && to_peer=$(printf '%.2f' "$(echo "$rate / $peer" | bc -l)")
  printf '%-28s %8.0f %8.1f %8.1f %8.1f %6d %6d %6d %8.2f %8s\n' "$name" "$rate" "$p50" "$p95" "$p99" \
    $((ok + redirected)) "$client" "$server" "$(echo "$rate / $reference" | bc -l)" "$to_peer"
  last_rate="$rate"
  [ "$errors" -eq 0 ] || echo "  ($errors socket errors)"
}

# A warm-up round before anything is measured: a JVM on two cores keeps compiling the code of a page
# for a minute or more under load (the plan page served 255 req/s after 15 s and 472 after 45 s), so each
# page, the answer POST and the peer's page get $round s of load first, the peer as much as Tsunagu.
round="${BENCH_WARMUP_ROUND:-20}"
warm() {
  local cookie="$1" method="$2" body="$3" url="$4"
  BENCH_COOKIE="$cookie" BENCH_METHOD="$method" BENCH_BODY="$body" \
    wrk -t2 -c16 -d"${round}s" --timeout 10s -s bench/pages/page.lua "$url" > /dev/null
}
if [ "$round" -gt 0 ]; then
  for path in / "/plans/$plan" "/plans/$plan/invitations" "/employees?q=%E4%BC%8A%E8%97%A4"; do
    warm "$organiser_cookie" GET '' "http://localhost:$port$path"
  done
  warm "$president_cookie" GET '' "http://localhost:$port/approvals"
  warm '' GET '' "http://localhost:$port/login"
  warm '' GET '' "http://localhost:$port$rsvp"
  warm "$rsvp_cookie" POST "$answer_body" "http://localhost:$port$answer"
  [ -z "${BENCH_PEER_URL:-}" ] || warm '' GET '' "$BENCH_PEER_URL"
fi

if [ -n "${BENCH_PEER_URL:-}" ]; then
  measure "peer $BENCH_PEER_URL" 16 "$BENCH_PEER_URL"
  peer="$last_rate" baseline=""
fi
measure 'login (baseline)' 16 /login
measure 'home' 16 / "$organiser_cookie"
measure 'plan /plans/{id}' 16 "/plans/$plan" "$organiser_cookie"
measure 'invitations' 16 "/plans/$plan/invitations" "$organiser_cookie"
measure 'approvals (president)' 16 /approvals "$president_cookie"
measure 'employees?q=伊藤' 16 "/employees?q=%E4%BC%8A%E8%97%A4" "$organiser_cookie"
measure 'answer page /rsvp/{token}' 16 "$rsvp"

# The answer POST's own SQL, bare, on the same database: the second baseline.
invitation=$(sql "SELECT id FROM invitations WHERE plan_id = $plan ORDER BY id OFFSET 1 LIMIT 1")
hash=$(sql "SELECT encode(token_hash, 'hex') FROM invitation_links WHERE invitation_id = $invitation LIMIT 1")
pgbench_rate() {
  pgbench -n -c "$1" -j 2 -T "$seconds" \
    -D invitation="$invitation" -D plan="$plan" -D hash="'$hash'" \
    -f bench/pages/answer.sql 2>&1 | tee -a "$work/pgbench.txt" | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}
pg16=$(pgbench_rate 16)
pg32=$(pgbench_rate 32)
printf '%-28s %8.0f\n' 'pgbench answer SQL, 16' "$pg16" 'pgbench answer SQL, 32' "$pg32"
measure 'answer POST, 16 clients' 16 "$answer" "$rsvp_cookie" POST "$answer_body" "$pg16"
measure 'answer POST, 32 clients' 32 "$answer" "$rsvp_cookie" POST "$answer_body" "$pg32"
if [ -n "${BENCH_PEER_URL:-}" ]; then
  measure "peer again" 16 "$BENCH_PEER_URL" '' GET '' "$peer"
fi
echo "Ratios: pages to the login page, the answer POST to pgbench of its SQL at the same concurrency;"
echo "to peer: to the peer's page measured first (the last row: the peer again, to its first rate)."
echo "Bytes of the answer page and its files, first and repeat visit:"
bench/pages/bytes.sh "http://localhost:$port$rsvp"
echo "Sessions stored at the end: $(sql 'SELECT count(*) FROM spring_session')"
