#!/usr/bin/env bash
# Issue 5 benchmarks: a >=100 MB pprof (evident vs go tool pprof -top, hand-written decoder vs
# protobuf-java) and a >=1 GB collapsed file (end-to-end and reader-only, C1 vs default JIT).
# The big inputs are generated in the work directory (bench/target/format-bench), never committed.
# Usage: bench/run-format-bench.sh [PPROF_MB] [COLLAPSED_MB] [RUNS]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
pprof_mb="${1:-100}"
collapsed_mb="${2:-1024}"
runs="${3:-3}"
./mvnw -q -B -DskipTests -pl bench -am package
cp="$(cat bench/target/classpath.txt):bench/target/classes"
java -cp "$cp" dev.evident.bench.FormatIngestBench collapsed "$collapsed_mb" "$runs" bench/target/format-bench
java -cp "$cp" dev.evident.bench.FormatIngestBench pprof "$pprof_mb" "$runs" bench/target/format-bench
