#!/usr/bin/env bash
# Regenerates the JVM sample recordings under samples/<workload>/ from the programs in
# samples/workloads/src. Each workload runs once per recorder:
#   jdk17-profile.jfr    JDK Flight Recorder, settings=profile (the JDK on PATH, 17)
#   async-profiler.jfr   async-profiler: cpu + wall + alloc + lock in one JFR file
#   cpu.collapsed        async-profiler collapsed output, event=cpu
#   alloc.collapsed      async-profiler collapsed output, event=alloc
#   lock.collapsed       async-profiler collapsed output, event=lock
# plus contains-in-loop/jdk25-profile.jfr from Temurin 25 when it is installed.
# Usage: record-jvm-samples.sh [workload ...]   (default: all)
#
# async-profiler's native library comes from the Maven artifact tools.profiler:async-profiler, the
# pool workload's HikariCP and SLF4J API from Maven Central. async-profiler's cpu event needs
# perf_events; set AP_CPU_EVENT=itimer where the kernel refuses them.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
RUN_SECONDS="${RUN_SECONDS:-8}"
AP_VERSION="${AP_VERSION:-4.6}"
AP_CPU_EVENT="${AP_CPU_EVENT:-cpu}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for artifact in "tools.profiler:async-profiler:$AP_VERSION" "com.zaxxer:HikariCP:6.3.0" "org.slf4j:slf4j-api:2.0.17"; do
  ./mvnw -q -B dependency:copy -Dartifact="$artifact" -DoutputDirectory="$work/lib"
done
unzip -q -o "$work/lib/async-profiler-$AP_VERSION.jar" 'linux-x64/*' -d "$work/ap"
lib="$work/ap/linux-x64/libasyncProfiler.so"
deps="$work/lib/HikariCP-6.3.0.jar:$work/lib/slf4j-api-2.0.17.jar"
cp="$work/classes:$deps"

javac --release 17 -cp "$deps" -d "$work/classes" $(find samples/workloads/src -name '*.java')

# record NAME MAIN SECONDS RECORDERS [JVM options...]
#   RECORDERS: a comma list of jdk, ap, collapsed; JDK_SETTINGS may add options such as exceptions=all
record() {
  local name="$1" main="$2" seconds="$3" recorders="$4"
  shift 4
  local out="samples/$name"
  mkdir -p "$out"
  if [[ ",$recorders," == *",jdk,"* ]]; then
    rm -f "$out/jdk17-profile.jfr"
    echo "== $name: JDK Flight Recorder (settings=profile${JDK_SETTINGS:+,$JDK_SETTINGS}), ${seconds}s"
    java "$@" -XX:StartFlightRecording=settings=profile${JDK_SETTINGS:+,$JDK_SETTINGS},filename="$out/jdk17-profile.jfr" \
      -cp "$cp" "$main" "$seconds" >/dev/null 2>&1
  fi
  if [[ ",$recorders," == *",ap,"* ]]; then
    rm -f "$out/async-profiler.jfr"
    echo "== $name: async-profiler JFR ($AP_CPU_EVENT + wall + alloc + lock), ${seconds}s"
    java "$@" -agentpath:"$lib"=start,event="$AP_CPU_EVENT",interval=10ms,wall=20ms,alloc,lock=1ms,file="$out/async-profiler.jfr",jfr \
      -cp "$cp" "$main" "$seconds" >/dev/null 2>&1
  fi
  if [[ ",$recorders," == *",collapsed,"* ]]; then
    rm -f "$out"/*.collapsed
    echo "== $name: async-profiler collapsed cpu, alloc, lock, ${seconds}s each"
    java "$@" -agentpath:"$lib"=start,event="$AP_CPU_EVENT",interval=10ms,file="$out/cpu.collapsed",collapsed \
      -cp "$cp" "$main" "$seconds" >/dev/null 2>&1
    java "$@" -agentpath:"$lib"=start,event=alloc,file="$out/alloc.collapsed",collapsed \
      -cp "$cp" "$main" "$seconds" >/dev/null 2>&1
    java "$@" -agentpath:"$lib"=start,event=lock,lock=1ms,file="$out/lock.collapsed",collapsed \
      -cp "$cp" "$main" "$seconds" >/dev/null 2>&1
  fi
}

all="contains-in-loop lock-contention allocation-churn healthy-baseline regex-per-call exceptions-control-flow leaking-cache pool-starvation slow-remote-calls eager-log-formatting gc-causes thread-leak class-leak"
for w in ${*:-$all}; do
  case "$w" in
    contains-in-loop) record "$w" workload.dedupe.OrderDeduplicator "$RUN_SECONDS" jdk,ap,collapsed
      if [[ -x "$JDK25/bin/java" ]]; then
        echo "== contains-in-loop: JDK 25 Flight Recorder (settings=profile)"
        "$JDK25/bin/java" -XX:StartFlightRecording=settings=profile,filename=samples/contains-in-loop/jdk25-profile.jfr \
          -cp "$cp" workload.dedupe.OrderDeduplicator "$RUN_SECONDS" >/dev/null 2>&1
      fi ;;
    lock-contention) record "$w" workload.inventory.StockLedger "$RUN_SECONDS" jdk,ap,collapsed ;;
    allocation-churn) record "$w" workload.reports.CsvReportBuilder "$RUN_SECONDS" jdk,ap,collapsed -Xmx64m ;;
    healthy-baseline) record "$w" workload.baseline.OrderService "$RUN_SECONDS" jdk,ap,collapsed ;;
    regex-per-call) record "$w" workload.regex.CouponValidator "$RUN_SECONDS" jdk,ap,collapsed ;;
    exceptions-control-flow) JDK_SETTINGS=exceptions=all record "$w" workload.exceptions.QuantityParser 4 jdk
      record "$w" workload.exceptions.QuantityParser "$RUN_SECONDS" ap ;;
    leaking-cache) record "$w" workload.leak.SessionCache 75 jdk,ap -Xmx256m ;;
    pool-starvation) record "$w" workload.pool.ReportService "$RUN_SECONDS" jdk,ap,collapsed ;;
    slow-remote-calls) record "$w" workload.remote.PriceClient "$RUN_SECONDS" jdk,ap,collapsed ;;
    eager-log-formatting) record "$w" workload.logging.AuditTrail "$RUN_SECONDS" jdk,ap,collapsed ;;
    gc-causes) record "$w" workload.gc.ImageResizer 12 jdk -Xmx128m -XX:+UseG1GC ;;
    thread-leak) record "$w" workload.threads.NotificationSender 20 jdk ;;
    class-leak) record "$w" workload.classes.RuleEngine 25 jdk -Xmx256m ;;
    *) echo "unknown workload $w" >&2; exit 2 ;;
  esac
done

# Empty collapsed files carry nothing (e.g. no lock contention in a single-threaded workload);
# keep them anyway: "no events" is itself the recorder's real output.
du -sh samples/*/ | sort -k2
