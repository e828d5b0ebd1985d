#!/usr/bin/env bash
# Large latency files in bounded memory: a ~1 GB JMeter JTL (rows of the committed JMeter sample,
# repeated) and a 10-million-line k6 --out json file (k6's layout, the same rows' values), each
# analyzed by ./evident under -Xmx256m. The big files are written under bench/target/latency-bench
# and never committed.
# Usage: bench/run-latency-bench.sh [TARGET_MB] [K6_LINES] [RUNS]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
target_mb="${1:-1024}"
k6_lines="${2:-10000000}"
runs="${3:-3}"
./mvnw -q -B -DskipTests -pl bench -am package
java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dev.evident.bench.LatencyIngestBench \
  samples/http-latency/before/jmeter.jtl.gz "$target_mb" "$k6_lines" "$runs" bench/target/latency-bench
