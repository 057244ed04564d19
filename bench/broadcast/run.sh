#!/usr/bin/env bash
# Broadcast benchmark: on a fresh embedded PostgreSQL with the demo company, announces an event to
# everyone not yet invited (about 150 people) several times (5 rounds unless told otherwise) and
# prints how long the preview and the send take; the send creates the invitations and renders and
# queues every mail in one transaction.
#   bench/broadcast/run.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
echo "Broadcast benchmark, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.tsunagu.invitations.BroadcastBenchmark "${1:-5}"
