#!/usr/bin/env bash
# Regenerates the latency, benchmark and scaling samples from the programs in samples/workloads:
#
#   samples/http-latency/{before,after,after-rerun}/
#       workload.http.DedupeServer on 127.0.0.1 (JDK HttpServer), "list" build (O(n²) de-duplication,
#       before the fix) and "set" build (the fix), loaded with wrk, ab, an HdrHistogram recorder,
#       Apache JMeter 5.5 (jmeter-maven-plugin) and Gatling 3.11 (gatling-maven-plugin).
#       after-rerun is a second run of the fixed build, for the "no significant change" check.
#       before/curl-latencies.csv: 300 sequential curl requests, curl's time_total as a plain CSV.
#   samples/dedupe-cli/{before,after,after-rerun}/hyperfine-NN.json
#       hyperfine runs of workload.scale.DedupeCli (list vs set) at n=30000, in interleaved rounds.
#   samples/dedupe-scale/hyperfine-scan.json
#       hyperfine --parameter-scan n 10000..40000 of DedupeCli list (JVM start-up included).
#   samples/dedupe-scale/jmh.json
#       JMH: DedupeBenchmark.scanSeen (O(n²)) and sortThenScan (O(n log n)) at n = 1k ... 64k.
#   samples/dedupe-scale/profiles/cpu-n=N.collapsed + scale.csv
#       async-profiler CPU profiles of workload.scale.ImportPipeline at n = 1k ... 32k, 3 s each.
#
# Every load goes to the loopback interface only and stops by itself (fixed duration or request
# count; the server exits after SERVER_SECONDS). The machine is shared: keep the runs short.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
PORT="${PORT:-18091}"
LOAD_SECONDS="${LOAD_SECONDS:-10}"
N="${N:-4000}"
SERVER_SECONDS="${SERVER_SECONDS:-240}"
AP_VERSION="${AP_VERSION:-4.6}"
AP_CPU_EVENT="${AP_CPU_EVENT:-cpu}"
PARTS="${PARTS:-http curl cli scan jmh profiles}"

work="$(mktemp -d /tmp/evident-latency-XXXXXX)"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

mvn_copy() { ./mvnw -q -B dependency:copy -Dartifact="$1" -DoutputDirectory="$work/lib"; }
mvn_copy org.hdrhistogram:HdrHistogram:2.2.2
mvn_copy org.openjdk.jmh:jmh-core:1.37
mvn_copy org.openjdk.jmh:jmh-generator-annprocess:1.37
mvn_copy net.sf.jopt-simple:jopt-simple:5.0.4
mvn_copy org.apache.commons:commons-math3:3.6.1
mvn_copy "tools.profiler:async-profiler:$AP_VERSION"
unzip -q -o "$work/lib/async-profiler-$AP_VERSION.jar" 'linux-x64/*' -d "$work/ap"
aplib="$work/ap/linux-x64/libasyncProfiler.so"

javac --release 17 -d "$work/classes" $(find samples/workloads/src -name '*.java')
javac --release 17 -cp "$work/lib/*" -d "$work/classes" samples/workloads/hdr-src/workload/hdr/HdrLoadRecorder.java
jmhpath="$(ls "$work"/lib/*.jar | tr '\n' ':')"
javac --release 17 -cp "$jmhpath" -processorpath "$jmhpath" -d "$work/jmh" \
  samples/workloads/jmh-src/workload/bench/DedupeBenchmark.java

url="http://127.0.0.1:$PORT/orders/distinct?n=$N"

serve() {
  java -cp "$work/classes" workload.http.DedupeServer "$PORT" "$1" "$SERVER_SECONDS" >/dev/null &
  server=$!
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && return; sleep 0.2; done
  echo "server did not start" >&2; exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

# load DIR AB_REQUESTS [full]: wrk, ab, HdrHistogram recorder; with "full" also JMeter and Gatling
load() {
  local dir="$1" requests="$2"
  mkdir -p "$dir"
  echo "== $dir: wrk"
  wrk -t2 -c8 -d"${LOAD_SECONDS}s" --latency "$url" > "$dir/wrk.txt"
  echo "== $dir: ab"
  ab -n "$requests" -c 8 -e "$dir/ab-percentiles.csv" -g "$dir/ab-requests.tsv" "$url" > "$dir/ab.txt"
  echo "== $dir: HdrHistogram recorder"
  java -cp "$work/classes:$work/lib/*" workload.hdr.HdrLoadRecorder "$url" 8 "$LOAD_SECONDS" "$dir/latency.hlog"
  if [[ "${3:-}" == full ]]; then
    echo "== $dir: JMeter"
    rm -rf "$work/jmeter" && cp -r samples/workloads/jmeter "$work/jmeter"
    ./mvnw -q -B -f "$work/jmeter/pom.xml" -Dtarget.port="$PORT" verify >/dev/null
    cp "$work"/jmeter/target/jmeter/results/*-orders.csv "$dir/jmeter.jtl"
    echo "== $dir: Gatling"
    rm -rf "$work/gatling" && cp -r samples/workloads/gatling "$work/gatling"
    ./mvnw -q -B -f "$work/gatling/pom.xml" -Dtarget.port="$PORT" test-compile gatling:test >/dev/null
    cp "$work"/gatling/target/gatling/*/simulation.log "$dir/gatling-simulation.log"
  fi
}

if [[ " $PARTS " == *" http "* ]]; then
  # tool output only: before/incident.yaml is written by hand and stays
  for side in before after after-rerun; do
    rm -f samples/http-latency/$side/{wrk.txt,ab.txt,ab-percentiles.csv,ab-requests.tsv.gz,latency.hlog,jmeter.jtl.gz,gatling-simulation.log}
  done
  serve list; load samples/http-latency/before 1500 full; stop
  serve set; load samples/http-latency/after 20000 full; stop
  serve set; load samples/http-latency/after-rerun 20000; stop
  gzip -9 -n samples/http-latency/*/ab-requests.tsv samples/http-latency/*/jmeter.jtl
fi

if [[ " $PARTS " == *" curl "* ]]; then
  # a plain CSV of latencies as a shell loop writes it: curl's own timing, one request at a time
  serve list
  out=samples/http-latency/before/curl-latencies.csv
  echo "timestamp,endpoint,latency_s,status" > "$out"
  for path in "/orders/distinct?n=$N" /health /missing; do
    for _ in $(seq 100); do
      start=$(date +%s.%N)
      curl -s -o /dev/null -w "$start,$path,%{time_total},%{http_code}\n" "http://127.0.0.1:$PORT$path" >> "$out"
    done
  done
  stop
fi

if [[ " $PARTS " == *" cli "* ]]; then
  # Ten interleaved rounds (before, after, after again; 3 runs each after a warm-up run), so that the
  # background load of the shared machine, which drifts over minutes, hits the three sides alike.
  # Each round is one real hyperfine export; evident pools the files of one side.
  rm -rf samples/dedupe-cli && mkdir -p samples/dedupe-cli/{before,after,after-rerun}
  for round in $(seq -w 1 10); do
    for side in before after after-rerun; do
      impl=set; [[ "$side" == before ]] && impl=list
      echo "== dedupe-cli/$side: hyperfine ($impl), round $round"
      (cd "$work" && hyperfine --shell=none --warmup 1 --runs 3 --command-name "dedupe n=30000" \
        --export-json "$repo/samples/dedupe-cli/$side/hyperfine-$round.json" \
        "java -cp classes workload.scale.DedupeCli $impl 30000" >/dev/null)
    done
  done
fi

if [[ " $PARTS " == *" scan "* ]]; then
  mkdir -p samples/dedupe-scale
  echo "== dedupe-scale: hyperfine parameter scan"
  (cd "$work" && hyperfine --shell=none --warmup 1 --runs 5 --parameter-scan n 10000 40000 --parameter-step-size 10000 \
    --export-json "$repo/samples/dedupe-scale/hyperfine-scan.json" \
    "java -cp classes workload.scale.DedupeCli list {n}" >/dev/null)
fi

if [[ " $PARTS " == *" jmh "* ]]; then
  mkdir -p samples/dedupe-scale
  echo "== dedupe-scale: JMH"
  java -cp "$work/jmh:$work/lib/*" org.openjdk.jmh.Main 'workload.bench.DedupeBenchmark' \
    -f 2 -wi 3 -w 1s -i 5 -r 1s -rf json -rff samples/dedupe-scale/jmh.json >/dev/null
fi

if [[ " $PARTS " == *" profiles "* ]]; then
  out=samples/dedupe-scale/profiles
  rm -rf "$out" && mkdir -p "$out"
  echo "n,repetitions,file" > "$out/scale.csv"
  for n in 1000 2000 4000 8000 16000 32000; do
    echo "== dedupe-scale: async-profiler n=$n for ${PROFILE_SECONDS:-3} s"
    reps=$(java -agentpath:"$aplib"=start,event="$AP_CPU_EVENT",interval=1ms,file="$out/cpu-n=$n.collapsed",collapsed \
      -cp "$work/classes" workload.scale.ImportPipeline "$n" "${PROFILE_SECONDS:-3}" | tail -1 | cut -d' ' -f1)
    echo "$n,$reps,cpu-n=$n.collapsed" >> "$out/scale.csv"
  done
fi
