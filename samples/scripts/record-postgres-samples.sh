#!/usr/bin/env bash
# Records the PostgreSQL samples under samples/postgres-dashboard/ and samples/postgres-dashboard-indexed/
# from a real server:
#   1. starts a throw-away cluster on a loopback port (pg-cluster.sh; its data directory lives under
#      a fresh /tmp directory that is removed at the end),
#   2. loads postgres-dashboard-schema.sql (20k users, 5k products, 1M orders, 2M order_items),
#   3. runs the JDBC workload samples/workloads/src/workload/dashboard/DashboardWorkload.java
#      (driver org.postgresql:postgresql from Maven Central) with log_min_duration_statement = 0,
#      auto_explain and pg_stat_statements,
#   4. saves the server log, pg_stat_statements (CSV and a psql table) and EXPLAIN (ANALYZE, BUFFERS)
#      of the slow statements in TEXT and JSON as psql prints them,
#   5. restarts with auto_explain.log_format = json and another log_line_prefix for a second log,
#   6. creates the two missing indexes and records the same workload again (the "after" sample).
# The workload's console output is not an artifact evident reads; it goes to samples/scripts/output/
# so that the analyzed sample directories hold artifacts only.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
PORT="${PG_PORT:-55433}"
REQUESTS="${REQUESTS:-30}"
PGJDBC_VERSION="${PGJDBC_VERSION:-42.7.8}"
out="samples/postgres-dashboard"
after="samples/postgres-dashboard-indexed"
cluster="samples/scripts/pg-cluster.sh"

work="$(mktemp -d /tmp/evident-pg-samples.XXXXXX)"
chmod 755 "$work"
data="$work/data"
cleanup() {
  "$cluster" stop "$data" || true
  rm -rf "$work"
}
trap cleanup EXIT

./mvnw -q -B dependency:copy -Dartifact="org.postgresql:postgresql:$PGJDBC_VERSION" -DoutputDirectory="$work"
javac --release 17 -d "$work/classes" samples/workloads/src/workload/dashboard/DashboardWorkload.java
cp_="$work/classes:$work/postgresql-$PGJDBC_VERSION.jar"

common=(
  "shared_preload_libraries = 'pg_stat_statements,auto_explain'"
  "lc_messages = 'C'"
  "shared_buffers = '512MB'"
  "log_timezone = 'UTC'"
  "log_min_duration_statement = 0"
  "track_io_timing = on"
  "auto_explain.log_min_duration = '10ms'"
  "auto_explain.log_analyze = on"
  "auto_explain.log_buffers = on"
  "auto_explain.log_timing = on"
)
# Debian's default log_line_prefix
text_plans=("${common[@]}" "log_line_prefix = '%m [%p] %q%u@%d '" "auto_explain.log_format = text")
# the prefix pgBadger recommends, with JSON plans from auto_explain
json_plans=("${common[@]}" "log_line_prefix = '%t [%p]: [%l-1] user=%u,db=%d,app=%a,client=%h '" "auto_explain.log_format = json")

psql_() { psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
# statements of the recording script itself stay out of the logs
quiet() { PGOPTIONS="-c log_min_duration_statement=-1 -c auto_explain.log_min_duration=-1" "$@"; }

"$cluster" start "$data" "$PORT" "${text_plans[@]}" >/dev/null
quiet psql_ -d postgres -c "CREATE DATABASE shop"
echo "== loading schema and data"
quiet psql_ -d shop -f samples/scripts/postgres-dashboard-schema.sql >/dev/null
quiet psql_ -d shop -c "CREATE EXTENSION pg_stat_statements"

# run_workload LOGFILE REQUESTS: runs the workload and copies the log lines it produced
run_workload() {
  local target="$1" n="$2" start
  quiet psql_ -d shop -c "SELECT pg_stat_statements_reset()" >/dev/null
  start=$(( $(stat -c %s "$data/server.log") + 1 ))
  java -cp "$cp_" workload.dashboard.DashboardWorkload \
    "jdbc:postgresql://127.0.0.1:$PORT/shop?ApplicationName=dashboard" postgres "$n" 2 > "$work/workload.out"
  sleep 1 # let the server flush the last lines
  tail -c +"$start" "$data/server.log" > "$target"
}

# explain NAME SQL [SETTING...]: EXPLAIN (ANALYZE, BUFFERS) in TEXT and JSON, as psql prints them
explain() {
  local name="$1" sql="$2"
  shift 2
  local pre=""
  for s in "$@"; do pre="$pre SET $s;"; done
  quiet psql_ -d shop -c "$pre EXPLAIN (ANALYZE, BUFFERS) $sql" > "$dir/explain-$name.txt"
  quiet psql_ -d shop -c "$pre EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) $sql" > "$dir/explain-$name.json"
}

# the statements of the workload, with the parameters of its first request (user 4242's data is typical)
ORDERS_MONTH="SELECT count(*) AS orders, coalesce(sum(total), 0) AS revenue FROM orders WHERE user_id = 4242 AND created_at >= '2025-12-01 00:00:00+00'"
RECENT_ORDERS="SELECT id, status, created_at, total FROM orders WHERE user_id = 4242 ORDER BY created_at DESC LIMIT 8"
ORDER_ITEMS="SELECT oi.product_id, oi.quantity, oi.unit_price, p.name FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = 500000"
EXPORT="SELECT id, user_id, status, total, created_at FROM orders WHERE created_at >= '2025-07-01 00:00:00+00' ORDER BY total DESC"

# pair NAME SQL: the same plan in TEXT and JSON with identical figures, for the test that both forms
# give the same metrics. Separate executions differ in their timings, so this pair is taken with
# TIMING OFF, without parallel workers (their share of rows varies) and after a warm-up run (so all
# blocks are shared hits); row counts, loops, buffers and spill figures are then the same each run.
pair() {
  local name="$1" sql="$2" opts="ANALYZE, BUFFERS, TIMING OFF, SUMMARY OFF"
  local pre="SET max_parallel_workers_per_gather = 0;"
  quiet psql_ -d shop -c "$pre EXPLAIN ($opts) $sql" >/dev/null
  quiet psql_ -d shop -c "$pre EXPLAIN ($opts) $sql" > "$dir/pair-$name.txt"
  quiet psql_ -d shop -c "$pre EXPLAIN ($opts, FORMAT JSON) $sql" > "$dir/pair-$name.json"
}

record_explains() {
  explain orders-month "$ORDERS_MONTH"
  explain recent-orders "$RECENT_ORDERS"
  explain order-items "$ORDER_ITEMS"
  explain orders-export "$EXPORT"
}

echo "== workload: $REQUESTS requests, text plans"
mkdir -p "$out" "$after" samples/scripts/output
rm -f "$out"/* "$after"/*
dir="$out"
run_workload "$out/postgresql.log" "$REQUESTS"
cp "$work/workload.out" samples/scripts/output/postgres-dashboard-workload.txt
quiet psql_ -d shop -c "\\copy (SELECT s.* FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = 'shop' AND s.query NOT LIKE '%pg_stat_statements%' ORDER BY s.total_exec_time DESC, s.queryid) TO STDOUT WITH (FORMAT csv, HEADER)" > "$out/pg_stat_statements.csv"
quiet psql_ -d shop -c "SELECT queryid, calls, total_exec_time, mean_exec_time, rows, shared_blks_hit, shared_blks_read, temp_blks_written, query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'shop') AND query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC, queryid LIMIT 12" > "$out/pg_stat_statements.txt"
record_explains
pair orders-month "$ORDERS_MONTH"
# psql's other table styles and EXPLAIN's other options, on the same statement
quiet psql_ -d shop -P border=2 -c "EXPLAIN (ANALYZE, BUFFERS) $ORDERS_MONTH" > "$out/explain-orders-month-border2.txt"
quiet psql_ -d shop -c "SET random_page_cost = 1.1; EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS) $ORDERS_MONTH" > "$out/explain-orders-month-verbose.txt"
quiet psql_ -d shop -c "SET jit_above_cost = 0; EXPLAIN (ANALYZE, BUFFERS) $EXPORT" > "$out/explain-orders-export-jit.txt"
pair orders-export "$EXPORT"
pair order-items "$ORDER_ITEMS"

echo "== workload: 6 requests, JSON plans, pgBadger's log_line_prefix"
"$cluster" stop "$data"
"$cluster" start "$data" "$PORT" "${json_plans[@]}" >/dev/null
run_workload "$out/postgresql-json-plans.log" 6

echo "== creating the two missing indexes, workload again"
quiet psql_ -d shop -c "CREATE INDEX orders_user_id_created_at_idx ON orders (user_id, created_at)"
quiet psql_ -d shop -c "CREATE INDEX order_items_order_id_idx ON order_items (order_id)"
quiet psql_ -d shop -c "ANALYZE orders, order_items"
"$cluster" stop "$data"
"$cluster" start "$data" "$PORT" "${text_plans[@]}" >/dev/null
dir="$after"
run_workload "$after/postgresql.log" "$REQUESTS"
cp "$work/workload.out" samples/scripts/output/postgres-dashboard-indexed-workload.txt
record_explains

for f in "$out"/*.log "$after"/*.log; do
  if [[ $(stat -c %s "$f") -gt 1000000 ]]; then gzip -9 -f "$f"; fi
done
du -sh "$out" "$after"
