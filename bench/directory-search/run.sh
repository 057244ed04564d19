#!/usr/bin/env bash
# Directory search benchmark: imports a generated company (100,000 employees unless told otherwise)
# into a fresh embedded PostgreSQL, then prints p50 and p95 of the directory page's search (with its
# count) and of the invitee picker for common and rare terms, next to a SELECT 1 baseline and the
# search's own SQL run bare, all measured in the same run.
#   bench/directory-search/run.sh [employees]
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
echo "Directory search benchmark, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.tsunagu.directory.DirectorySearchBenchmark "${1:-100000}" target/bench-directory-search
