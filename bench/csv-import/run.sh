#!/usr/bin/env bash
# Org chart CSV import benchmark: generates a company (100,000 employees unless told otherwise)
# with a fixed seed, imports it through the real import service into a fresh embedded PostgreSQL,
# and times a COPY of the same employees file next to it.
#   bench/csv-import/run.sh [employees]
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.tsunagu.directory.OrgChartImportBenchmark "${1:-100000}" target/bench-csv-import
