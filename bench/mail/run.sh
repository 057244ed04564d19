#!/usr/bin/env bash
# Mail dispatch benchmark: queues N messages (default 10000) and measures the dispatcher's delivery
# to a GreenMail SMTP sink running in its own process, against a bare Jakarta Mail loop over one
# reused connection to the same sink in the same run. Prints both rates and their ratio.
#   bench/mail/run.sh [count]
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-10000}"

./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

java -Xmx2g -cp "$classpath" io.tsunagu.mail.SmtpSinkBenchmark "$port" > target/bench-smtp-sink.log 2>&1 &
sink=$!
trap 'kill "$sink" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q "listening" target/bench-smtp-sink.log 2>/dev/null && break
  sleep 0.2
done

echo "Mail dispatch benchmark, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
java -Xmx2g -cp "$classpath" io.tsunagu.mail.MailDispatchBenchmark "$port" "$count"
