#!/usr/bin/env bash
# PostgreSQL log parsing benchmark: the log reader alone and ./evident analyze on a >= 50 MB server log
# built (in bench/target, never committed) by replaying the committed sample as later sessions.
# Usage: bench/run-pglog-bench.sh [SAMPLE.log] [TARGET_MB] [RUNS]
# With PGLOG_BASELINE=<commit>, that commit's ingest module is built from `git archive` (in
# bench/target/pglog-baseline, no change to the repository) and its reader is measured in the same rounds.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
source_log="${1:-samples/postgres-dashboard/postgresql.log}"
target_mb="${2:-64}"
runs="${3:-5}"
./mvnw -q -B -DskipTests -pl bench -am package
baseline_jar=""
baseline_name=""
if [ -n "${PGLOG_BASELINE:-}" ]; then
  baseline_name="$(git rev-parse --short "$PGLOG_BASELINE")"
  src="bench/target/pglog-baseline/$baseline_name"
  if [ ! -d "$src/ingest/target" ]; then
    rm -rf "$src"
    mkdir -p "$src"
    git archive "$PGLOG_BASELINE" | tar -x -C "$src"
    (cd "$src" && ./mvnw -q -B -DskipTests -pl ingest -am package)
  fi
  baseline_jar="$(ls "$src"/ingest/target/evident-ingest-*.jar | head -1)"
fi
java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dev.evident.bench.PgLogIngestBench \
  "$source_log" "$target_mb" "$runs" bench/target/pglog-bench "$baseline_jar" "$baseline_name"
