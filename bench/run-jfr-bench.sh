#!/usr/bin/env bash
# JFR ingest benchmark: evident vs jfr-converter vs JMC JfrRulesReport vs the JDK parser,
# on a ~200 MB multi-chunk recording made by concatenating a committed sample.
# Usage: bench/run-jfr-bench.sh [SOURCE.jfr] [TARGET_MB] [RUNS]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
source_jfr="${1:-samples/allocation-churn/jdk17-profile.jfr}"
target_mb="${2:-200}"
runs="${3:-3}"
./mvnw -q -B -DskipTests -pl bench -am package
java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dev.evident.bench.JfrIngestBench \
  "$source_jfr" "$target_mb" "$runs" bench/target/jfr-bench
