#!/usr/bin/env bash
# Regenerates the JVM sample recordings under samples/<workload>/ from the programs in
# samples/workloads/src. Each workload runs once per recorder:
#   jdk17-profile.jfr    JDK Flight Recorder, settings=profile (the JDK on PATH, 17)
#   async-profiler.jfr   async-profiler: cpu + wall + alloc + lock in one JFR file
#   cpu.collapsed        async-profiler collapsed output, event=cpu
#   alloc.collapsed      async-profiler collapsed output, event=alloc
#   lock.collapsed       async-profiler collapsed output, event=lock
# plus contains-in-loop/jdk25-profile.jfr from Temurin 25 when it is installed.
#
# async-profiler's native library comes from the Maven artifact tools.profiler:async-profiler.
# Its cpu event needs perf_events; set AP_CPU_EVENT=itimer where the kernel refuses them.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
RUN_SECONDS="${RUN_SECONDS:-8}"
AP_VERSION="${AP_VERSION:-4.6}"
AP_CPU_EVENT="${AP_CPU_EVENT:-cpu}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

./mvnw -q -B dependency:copy -Dartifact="tools.profiler:async-profiler:$AP_VERSION" -DoutputDirectory="$work"
unzip -q -o "$work/async-profiler-$AP_VERSION.jar" 'linux-x64/*' -d "$work/ap"
lib="$work/ap/linux-x64/libasyncProfiler.so"

javac --release 17 -d "$work/classes" $(find samples/workloads/src -name '*.java')

# record NAME MAIN_CLASS [JVM options...]
record() {
  local name="$1" main="$2"
  shift 2
  local out="samples/$name"
  mkdir -p "$out"
  rm -f "$out"/*.jfr "$out"/*.collapsed
  echo "== $name: JDK Flight Recorder (settings=profile)"
  java "$@" -XX:StartFlightRecording=settings=profile,filename="$out/jdk17-profile.jfr" \
    -cp "$work/classes" "$main" "$RUN_SECONDS" >/dev/null 2>&1
  echo "== $name: async-profiler JFR ($AP_CPU_EVENT + wall + alloc + lock)"
  java "$@" -agentpath:"$lib"=start,event="$AP_CPU_EVENT",interval=10ms,wall=20ms,alloc,lock=1ms,file="$out/async-profiler.jfr",jfr \
    -cp "$work/classes" "$main" "$RUN_SECONDS" >/dev/null
  echo "== $name: async-profiler collapsed cpu, alloc, lock"
  java "$@" -agentpath:"$lib"=start,event="$AP_CPU_EVENT",interval=10ms,file="$out/cpu.collapsed",collapsed \
    -cp "$work/classes" "$main" "$RUN_SECONDS" >/dev/null
  java "$@" -agentpath:"$lib"=start,event=alloc,file="$out/alloc.collapsed",collapsed \
    -cp "$work/classes" "$main" "$RUN_SECONDS" >/dev/null
  java "$@" -agentpath:"$lib"=start,event=lock,lock=1ms,file="$out/lock.collapsed",collapsed \
    -cp "$work/classes" "$main" "$RUN_SECONDS" >/dev/null
}

record contains-in-loop workload.dedupe.OrderDeduplicator
record lock-contention workload.inventory.StockLedger
record allocation-churn workload.reports.CsvReportBuilder -Xmx64m
record healthy-baseline workload.baseline.OrderService

if [[ -x "$JDK25/bin/java" ]]; then
  echo "== contains-in-loop: JDK 25 Flight Recorder (settings=profile)"
  "$JDK25/bin/java" -XX:StartFlightRecording=settings=profile,filename=samples/contains-in-loop/jdk25-profile.jfr \
    -cp "$work/classes" workload.dedupe.OrderDeduplicator "$RUN_SECONDS" >/dev/null 2>&1
fi

# Empty collapsed files carry nothing (e.g. no lock contention in a single-threaded workload);
# keep them anyway: "no events" is itself the recorder's real output.
du -sh samples/*/ | sort -k2
