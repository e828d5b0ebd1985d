#!/usr/bin/env bash
# Records samples/postgres-plans/: EXPLAIN (ANALYZE, BUFFERS) of PostgreSQL in TEXT and JSON, each
# showing one plan-level problem evident's plan detectors look for, from a real server:
#   heap-fetches    Index Only Scan on a table whose visibility map is stale (rows updated after the
#                   last VACUUM): most rows are fetched from the heap anyway
#   heap-fetches-vacuumed  the same query after VACUUM (negative)
#   lossy-bitmap    Bitmap Heap Scan with work_mem = 64kB: the bitmap degrades to lossy pages
#   jit             jit_above_cost (and the inlining/optimization costs) = 0 on a 1 ms query
#   workers         max_parallel_workers = 0: the Gather plans 2 workers and launches none
#   cold-cache      the first query after a restart: shared buffers are empty, blocks are read
#   nested-loop     a range join whose outer side the planner under-estimates (correlated city/zip):
#                   a Nested Loop rescans weight_bands once per outer row
# shared_buffers is 512MB so that events (72 MB) is cached by a sequential scan (tables over a quarter
# of shared_buffers are read through a small ring buffer and never stay cached).
# The cluster is throw-away (pg-cluster.sh, data under a fresh /tmp directory, removed at the end).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
PORT="${PG_PORT:-55434}"
out="samples/postgres-plans"
cluster="samples/scripts/pg-cluster.sh"

work="$(mktemp -d /tmp/evident-pg-plans.XXXXXX)"
chmod 755 "$work"
data="$work/data"
cleanup() {
  "$cluster" stop "$data" || true
  rm -rf "$work"
}
trap cleanup EXIT

settings=("lc_messages = 'C'" "shared_buffers = '512MB'" "track_io_timing = on")
psql_() { psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }

# explain NAME "SET ...;" SQL: TEXT and JSON, as psql prints them
explain() {
  local name="$1" pre="$2" sql="$3"
  psql_ -d plans -c "$pre EXPLAIN (ANALYZE, BUFFERS) $sql" > "$out/$name.txt"
  psql_ -d plans -c "$pre EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) $sql" > "$out/$name.json"
}

"$cluster" start "$data" "$PORT" "${settings[@]}" >/dev/null
psql_ -d postgres -c "CREATE DATABASE plans"
echo "== loading schema and data"
psql_ -d plans -f samples/scripts/postgres-plans-schema.sql >/dev/null
mkdir -p "$out"
rm -f "$out"/*

echo "== cold cache: restart, then the first read of events"
"$cluster" stop "$data"
"$cluster" start "$data" "$PORT" "${settings[@]}" >/dev/null
COLD="SELECT count(*) FROM events WHERE created_at >= '2025-06-01'"
psql_ -d plans -c "EXPLAIN (ANALYZE, BUFFERS) $COLD" > "$out/cold-cache.txt"
"$cluster" stop "$data"
"$cluster" start "$data" "$PORT" "${settings[@]}" >/dev/null
psql_ -d plans -c "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) $COLD" > "$out/cold-cache.json"
# the same query again: now every block is a shared-buffer hit (negative)
explain warm-cache "" "$COLD"

echo "== lossy bitmap, JIT, workers, nested loop"
explain lossy-bitmap "SET work_mem = '64kB';" "SELECT count(*), max(created_at) FROM events WHERE account_id BETWEEN 1 AND 60"
explain exact-bitmap "" "SELECT count(*), max(created_at) FROM events WHERE account_id BETWEEN 1 AND 60"
JIT_QUERY="SELECT kind, count(*) FROM events WHERE account_id = 42 GROUP BY kind"
explain jit "SET jit_above_cost = 0; SET jit_inline_above_cost = 0; SET jit_optimize_above_cost = 0;" "$JIT_QUERY"
explain workers "SET max_parallel_workers = 0;" "$COLD"
explain nested-loop "" "SELECT s.id, b.carrier, b.price FROM shipments s JOIN weight_bands b ON s.weight >= b.min_kg AND s.weight < b.max_kg WHERE s.city = 'city-7' AND s.zip = 'zip-7'"

echo "== heap fetches: rows updated after the last VACUUM, then VACUUM"
psql_ -d plans -c "UPDATE events SET kind = kind WHERE id % 4 = 0"
HEAP="SELECT count(*) FROM events WHERE account_id BETWEEN 1000 AND 1400"
explain heap-fetches "" "$HEAP"
psql_ -d plans -c "VACUUM events"
explain heap-fetches-vacuumed "" "$HEAP"
du -sh "$out"
