#!/usr/bin/env bash
# Home cards and audit page benchmark: a fresh embedded PostgreSQL filled with 100,000 employees (unless
# told otherwise) and ten years of events, then p50 and p95 of each home card's query and of audit pages
# for the busiest person, next to a SELECT 1 baseline, and PostgreSQL's plan for two card queries.
#   bench/home-and-audit/run.sh [employees]
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
echo "Home and audit benchmark, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.tsunagu.audit.HomeAndAuditBenchmark "${1:-100000}" target/bench-home-and-audit
