#!/usr/bin/env bash
# Records the flagship incident, samples/dashboard-incident/, and the same service after the plan's
# two top fixes, samples/dashboard-incident-after/:
#   1. starts a throw-away PostgreSQL cluster on a loopback port (pg-cluster.sh) with every
#      statement logged (log_min_duration_statement = 0) and loads dashboard-incident-schema.sql,
#   2. starts the service (samples/workloads/src/workload/incident) and warms it up with wrk; the
#      service reaches PostgreSQL through NetworkDelayProxy, which adds NET_DELAY_US each way (a data
#      centre's round trip; on loopback it is 20 µs, and an N+1 loop would cost nothing),
#   3. records while wrk drives /dashboard: the JDK Flight Recorder (settings=profile, started with
#      jcmd JFR.start), async-profiler's wall clock (loaded with jcmd JVMTI.agent_load), wrk's
#      output, and the server log lines of the recorded span,
#   4. saves EXPLAIN (ANALYZE, BUFFERS) of the slowest statement and the incident description,
#   5. runs evident on the recording, applies the two fixes its plan ranks first (the CREATE INDEX
#      it wrote is executed as written; code fixes are switched on in the service by remedy id),
#      records again the same way, and compares the two runs with evident compare.
# Environment: DURATION (seconds of recorded load, default 40), WARMUP (default 15),
# CONNECTIONS (wrk, default 1), NET_DELAY_US (default 250), PG_PORT, PROXY_PORT, HTTP_PORT, AP_VERSION;
# BEFORE_ONLY=1 stops after the first recording.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
DURATION="${DURATION:-40}"
WARMUP="${WARMUP:-15}"
CONNECTIONS="${CONNECTIONS:-1}"
THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))
NET_DELAY_US="${NET_DELAY_US:-250}"
PROXY_PORT="${PROXY_PORT:-55442}"
PG_PORT="${PG_PORT:-55441}"
HTTP_PORT="${HTTP_PORT:-18081}"
AP_VERSION="${AP_VERSION:-4.6}"
before="samples/dashboard-incident"
after="samples/dashboard-incident-after"
cluster="samples/scripts/pg-cluster.sh"
url="http://127.0.0.1:$HTTP_PORT"

command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }; }

work="$(mktemp -d /tmp/evident-incident.XXXXXX)"
chmod 755 "$work"
data="$work/data"
service_pid=""
proxy_pid=""
cleanup() {
  [[ -n "$service_pid" ]] && kill "$service_pid" 2>/dev/null || true
  [[ -n "$proxy_pid" ]] && kill "$proxy_pid" 2>/dev/null || true
  "$cluster" stop "$data" || true
  rm -rf "$work"
}
trap cleanup EXIT

for artifact in "tools.profiler:async-profiler:$AP_VERSION" "com.zaxxer:HikariCP:6.3.0" "org.slf4j:slf4j-api:2.0.17" \
                "org.postgresql:postgresql:42.7.8"; do
  ./mvnw -q -B dependency:copy -Dartifact="$artifact" -DoutputDirectory="$work/lib"
done
unzip -q -o "$work/lib/async-profiler-$AP_VERSION.jar" 'linux-x64/*' -d "$work/ap"
aplib="$work/ap/linux-x64/libasyncProfiler.so"
deps="$work/lib/HikariCP-6.3.0.jar:$work/lib/slf4j-api-2.0.17.jar:$work/lib/postgresql-42.7.8.jar"
javac --release 17 -cp "$deps" -d "$work/classes" samples/workloads/src/workload/incident/*.java
[[ -f cli/target/evident.jar ]] || ./mvnw -q -B -DskipTests package

"$cluster" start "$data" "$PG_PORT" \
  "lc_messages = 'C'" "log_timezone = 'UTC'" "shared_buffers = '256MB'" \
  "log_min_duration_statement = 0" "log_line_prefix = '%m [%p] %q%u@%d '" "track_io_timing = on" \
  "shared_preload_libraries = 'pg_stat_statements'" >/dev/null
psql_() { psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
# the script's own statements stay out of the log
quiet() { PGOPTIONS="-c log_min_duration_statement=-1" "$@"; }
quiet psql_ -d postgres -c "CREATE DATABASE shop"
echo "== loading data (about a minute)"
quiet psql_ -d shop -f samples/scripts/dashboard-incident-schema.sql >/dev/null
quiet psql_ -d shop -c "CREATE EXTENSION pg_stat_statements" >/dev/null
java -cp "$work/classes" workload.incident.NetworkDelayProxy "$PROXY_PORT" "$PG_PORT" "$NET_DELAY_US" > "$work/proxy.out" 2>&1 &
proxy_pid=$!

# record OUT FIXES: one run of the service under load, with every recorder
record() {
  local out="$1" fixes="$2" log_start
  mkdir -p "$out"
  rm -f "$out"/*.jfr "$out"/wrk.txt "$out"/postgresql.log
  java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -Xmx512m -Ddashboard.fixes="$fixes" \
    -cp "$work/classes:$deps" workload.incident.DashboardService \
    "jdbc:postgresql://127.0.0.1:$PROXY_PORT/shop?ApplicationName=dashboard" postgres "$HTTP_PORT" > "$work/service.out" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 60); do curl -sf "$url/health" >/dev/null && break; sleep 0.5; done
  echo "== $out: warm-up ${WARMUP}s (fixes: ${fixes:-none})"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s samples/scripts/dashboard-incident.lua "$url" >/dev/null
  sleep 1
  log_start=$(( $(stat -c %s "$data/server.log") + 1 ))
  quiet psql_ -d shop -c "SELECT pg_stat_statements_reset()" >/dev/null
  jcmd "$service_pid" JFR.start name=incident settings=profile >/dev/null
  # jcmd reads name=value pairs as its own options: the agent's option string goes in double quotes
  jcmd "$service_pid" JVMTI.agent_load "$aplib" "\"start,event=wall,interval=10ms,file=$work/wall.jfr,jfr\"" >/dev/null
  echo "== $out: recording ${DURATION}s of load"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s samples/scripts/dashboard-incident.lua "$url" > "$out/wrk.txt"
  jcmd "$service_pid" JVMTI.agent_load "$aplib" "\"stop,file=$work/wall.jfr,jfr\"" >/dev/null
  jcmd "$service_pid" JFR.stop name=incident filename="$work/service.jfr" >/dev/null
  sleep 1
  tail -c +"$log_start" "$data/server.log" > "$out/postgresql.log"
  # rows per call (the log has durations only): how many rows each statement ships to the service
  quiet psql_ -d shop -c "\\copy (SELECT s.* FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = 'shop' AND s.query NOT LIKE '%pg_stat_statements%' ORDER BY s.total_exec_time DESC, s.queryid) TO STDOUT WITH (FORMAT csv, HEADER)" > "$out/pg_stat_statements.csv"
  cp "$work/service.jfr" "$out/service.jfr"
  cp "$work/wall.jfr" "$out/async-profiler-wall.jfr"
  kill "$service_pid"
  wait "$service_pid" 2>/dev/null || true
  service_pid=""
}

activity_sql="SELECT count(*), max(viewed_at) FROM page_views WHERE customer_id = 1001 AND viewed_at > now() - interval '30 days'"

record "$before" ""
quiet psql_ -d shop -c "EXPLAIN (ANALYZE, BUFFERS) $activity_sql" > "$before/explain-activity.txt"
cat > "$before/incident.yaml" <<YAML
# What the on-call engineer wrote down when the incident was opened.
symptom: "/dashboard is slow for every customer since the page_views feature shipped; p95 well above the objective"
stack: "Java 17, JDK HttpServer, HikariCP 6.3.0, PostgreSQL $(psql --version | awk '{print $3}') over a link with about $((2 * NET_DELAY_US)) µs round trip"
traffic: "closed-loop load from wrk with $CONNECTIONS connection(s), dashboards of 500 recurring customers"
endpoint: GET /dashboard
sla:
  - p95 < 200ms
  - p99 < 400ms
YAML

if [[ -n "${BEFORE_ONLY:-}" ]]; then
  echo "== BEFORE_ONLY is set: stopping after the first recording"
  exit 0
fi

echo "== analyzing the recording"
java -jar cli/target/evident.jar analyze "$before" -f json -o "$work/before.json" || true
# the two fixes the plan ranks first, as "remedy<TAB>code"
python3 - "$work/before.json" > "$work/top2.tsv" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))["plan"]
for item in plan["items"][:2]:
    print(item["remedy"] + "\t" + (item["code"] or "").replace("\n", "\\n") + "\t" + item["title"])
PY
fixes=""
while IFS=$'\t' read -r remedy code title; do
  echo "== applying $remedy: $title"
  case "$remedy" in
    add-index)
      # evident's CREATE INDEX, as written in its plan (comments and blank lines dropped)
      printf '%b\n' "$code" | sed -e '/^```/d' -e '/^--/d' | grep -i 'create index' > "$work/index.sql"
      cat "$work/index.sql"
      quiet psql_ -d shop -f "$work/index.sql"
      quiet psql_ -d shop -c "ANALYZE"
      ;;
    batch-queries|cache-results) fixes="${fixes:+$fixes,}$remedy" ;;
    push-aggregation-to-database|java-jdbc-row-mapping) fixes="${fixes:+$fixes,}push-aggregation-to-database" ;;
    *) echo "no way to apply $remedy to the sample service" >&2; exit 1 ;;
  esac
done < "$work/top2.tsv"

record "$after" "$fixes"
quiet psql_ -d shop -c "EXPLAIN (ANALYZE, BUFFERS) $activity_sql" > "$after/explain-activity.txt"
cp "$before/incident.yaml" "$after/incident.yaml"

echo "== comparing"
java -jar cli/target/evident.jar compare "$before" "$after" || true
