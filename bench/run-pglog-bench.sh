#!/usr/bin/env bash
# PostgreSQL log parsing benchmark: the log reader alone and ./evident analyze on a >= 50 MB server log
# built (in bench/target, never committed) by replaying the committed sample as later sessions.
# Usage: bench/run-pglog-bench.sh [SAMPLE.log] [TARGET_MB] [RUNS]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
source_log="${1:-samples/postgres-dashboard/postgresql.log}"
target_mb="${2:-64}"
runs="${3:-5}"
./mvnw -q -B -DskipTests -pl bench -am package
java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dev.evident.bench.PgLogIngestBench \
  "$source_log" "$target_mb" "$runs" bench/target/pglog-bench
