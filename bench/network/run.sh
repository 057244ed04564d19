#!/usr/bin/env bash
# Ties at scale: generates into a fresh embedded PostgreSQL a company of 100,000 employees (unless told
# otherwise) in 200 departments, next to the demo company, with three years of 40,000 past events and
# 2,000,000 check-ins and their preparation teams (events and check-ins scale with the employees), fills
# the network's tables from them in bulk SQL, rebuilds the department map's tables, and prints how long
# each step took; then p50 and p95 of the department map for 12 months (the president), My network (a
# heavy organiser and a typical employee), the invitee suggestions of a 40-person event and the recording
# of one 200-person event, each next to a baseline measured in the same run. A page not built on this
# branch is reported as "not available".
#   bench/network/run.sh [employees] [rounds per measurement]
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
echo "Network benchmark, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.tsunagu.network.NetworkBenchmark "${1:-100000}" target/bench-network "${2:-50}"
