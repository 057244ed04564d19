#!/usr/bin/env bash
# Directory search benchmark: imports a generated company (100,000 employees unless told otherwise)
# next to the demo company into a fresh embedded PostgreSQL, prints p50 and p95 of the directory page's
# search (with its capped count) and of the invitee picker for common, rare and absent terms next to a
# SELECT 1 and the old LIKE scan as plain SQL, then loads /employees?q=… and the invitations page's
# invitee search with wrk (16 connections, logged in) and prints req/s, p50, p95 and p99 next to the
# login page, all measured in the same run.
#   bench/directory-search/run.sh [employees] [port] [seconds per load run] [rounds per query]
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
echo "Directory search benchmark, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.tsunagu.directory.DirectorySearchBenchmark "${1:-100000}" target/bench-directory-search "${2:-0}" "${3:-10}" "${4:-200}"
