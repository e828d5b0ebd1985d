#!/usr/bin/env bash
# Records the MariaDB samples under samples/mariadb-dashboard/ and samples/mariadb-dashboard-indexed/
# from a real server (Debian 12's MariaDB 10.11, which is what its default-mysql-server installs):
#   1. installs mariadb-server when mariadbd is missing,
#   2. starts a throw-away server on a loopback port; its data directory, socket and logs live under
#      a fresh /tmp directory that is removed at the end,
#   3. loads mariadb-dashboard-schema.sql (20k users, 5k products, 1M orders, 2M order_items, no
#      index on orders.user_id nor order_items.order_id),
#   4. runs the JDBC workload samples/workloads/src/workload/dashboard/DashboardWorkload.java (the
#      same program as for PostgreSQL; driver org.mariadb.jdbc:mariadb-java-client from Maven
#      Central) with the slow query log at long_query_time = 0: an N+1 loop over order_items, the
#      per-user scans of orders, the same "featured products" statement on every request,
#   5. saves ANALYZE FORMAT=JSON and EXPLAIN FORMAT=JSON of the slow statements as the mariadb client
#      prints them (table borders, vertical \G form, batch form),
#   6. creates the two missing indexes and saves the same ANALYZE output again (the "after" sample).
# The workload's console output is not an artifact evident reads; it goes to samples/scripts/output/.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
PORT="${MARIADB_PORT:-55434}"
REQUESTS="${REQUESTS:-30}"
CONNECTOR_VERSION="${CONNECTOR_VERSION:-3.5.6}"
out="samples/mariadb-dashboard"
after="samples/mariadb-dashboard-indexed"

if ! command -v mariadbd >/dev/null 2>&1; then
  echo "MariaDB server not found; installing Debian's mariadb-server package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q mariadb-server >&2 || { apt-get update -q >&2 && apt-get install -y -q mariadb-server >&2; }
fi

work="$(mktemp -d /tmp/evident-mariadb-samples.XXXXXX)"
chmod 755 "$work"
data="$work/data"
sock="$work/mariadbd.sock"
# mariadbd refuses to run as root unless told to; as root the server runs as the package's 'mysql' user
owner="$(id -un)"
if [[ "$(id -u)" == 0 ]]; then owner=mysql; chown "$owner": "$work"; fi
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

./mvnw -q -B dependency:copy -Dartifact="org.mariadb.jdbc:mariadb-java-client:$CONNECTOR_VERSION" -DoutputDirectory="$work"
javac --release 17 -d "$work/classes" samples/workloads/src/workload/dashboard/DashboardWorkload.java
cp_="$work/classes:$work/mariadb-java-client-$CONNECTOR_VERSION.jar"

mariadb-install-db --no-defaults --datadir="$data" --user="$owner" --auth-root-authentication-method=socket \
  --skip-test-db >/dev/null
# doublewrite off and a lazy log flush: the data is thrown away, loading it should be quick
mariadbd --no-defaults --user="$owner" --datadir="$data" --port="$PORT" --bind-address=127.0.0.1 \
  --socket="$sock" --pid-file="$work/mariadbd.pid" --log-error="$work/error.log" --skip-name-resolve \
  --default-time-zone=+00:00 --character-set-server=utf8mb4 --innodb-buffer-pool-size=768M \
  --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
  --slow-query-log=0 --long-query-time=0 --log-slow-verbosity=query_plan,explain &
server_pid=$!
for _ in $(seq 1 60); do
  mariadb-admin --no-defaults --socket="$sock" -u root ping >/dev/null 2>&1 && break
  sleep 1
done

# the recording script's own statements stay out of the slow log: its sessions raise long_query_time
sql() { mariadb --no-defaults --socket="$sock" -u root --init-command="SET SESSION long_query_time = 100000" "$@"; }

sql -e "CREATE DATABASE shop; CREATE USER 'shop'@'127.0.0.1'; GRANT ALL ON shop.* TO 'shop'@'127.0.0.1'"
echo "== loading schema and data"
sql shop < samples/scripts/mariadb-dashboard-schema.sql >/dev/null
sql -e "SELECT version()" -N

# run_workload LOGFILE REQUESTS VERBOSITY: the workload with the slow log in a file of its own
run_workload() {
  local target="$1" n="$2" verbosity="$3"
  sql -e "SET GLOBAL log_slow_verbosity = '$verbosity'; SET GLOBAL slow_query_log_file = '$work/slow.log'; SET GLOBAL slow_query_log = 1"
  java -Duser.timezone=UTC -cp "$cp_" workload.dashboard.DashboardWorkload \
    "jdbc:mariadb://127.0.0.1:$PORT/shop" shop "$n" 2 > "$work/workload.out"
  sql -e "SET GLOBAL slow_query_log = 0"
  cp "$work/slow.log" "$target"
  rm -f "$work/slow.log"
}

# the statements of the workload, with the parameters of one request (user 4242's data is typical)
ORDERS_MONTH="SELECT count(*) AS orders, coalesce(sum(total), 0) AS revenue FROM orders WHERE user_id = 4242 AND created_at >= '2025-12-01 00:00:00'"
RECENT_ORDERS="SELECT id, status, created_at, total FROM orders WHERE user_id = 4242 ORDER BY created_at DESC LIMIT 8"
ORDER_ITEMS="SELECT oi.product_id, oi.quantity, oi.unit_price, p.name FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = 500000"
FEATURED="SELECT id, name, price FROM products WHERE category = 'featured' ORDER BY price DESC LIMIT 5"

# analyze DIR NAME SQL: ANALYZE FORMAT=JSON with table borders, the query echoed (-vvv) as the client shows it
# interactively, and EXPLAIN FORMAT=JSON (no execution) the same way
analyze() {
  local dir="$1" name="$2" q="$3"
  sql shop -t -vvv -e "ANALYZE FORMAT=JSON $q" > "$dir/analyze-$name.txt"
  sql shop -t -vvv -e "EXPLAIN FORMAT=JSON $q" > "$dir/explain-$name.txt"
}

mkdir -p "$out" "$after" samples/scripts/output
rm -f "$out"/* "$after"/*
echo "== workload: $REQUESTS requests, log_slow_verbosity = query_plan,explain"
run_workload "$out/mariadb-slow.log" "$REQUESTS" "query_plan,explain"
cp "$work/workload.out" samples/scripts/output/mariadb-dashboard-workload.txt
echo "== workload: 6 requests, default log_slow_verbosity (the plain entry layout)"
run_workload "$out/mariadb-slow-plain.log" 6 ""

echo "== ANALYZE / EXPLAIN FORMAT=JSON"
analyze "$out" orders-month "$ORDERS_MONTH"
analyze "$out" recent-orders "$RECENT_ORDERS"
analyze "$out" order-items "$ORDER_ITEMS"
analyze "$out" featured-products "$FEATURED"
# the client's other output forms, on one statement: vertical (\G) and batch (tab-separated, raw)
sql shop -e "ANALYZE FORMAT=JSON $ORDERS_MONTH\\G" > "$out/analyze-orders-month-vertical.txt"
sql shop -B -r -e "ANALYZE FORMAT=JSON $ORDERS_MONTH" > "$out/analyze-orders-month-batch.txt"

echo "== creating the two missing indexes"
sql shop -e "CREATE INDEX idx_orders_user_id_created_at ON orders (user_id, created_at); CREATE INDEX idx_order_items_order_id ON order_items (order_id); ANALYZE TABLE orders, order_items" >/dev/null
analyze "$after" orders-month "$ORDERS_MONTH"
analyze "$after" order-items "$ORDER_ITEMS"

for f in "$out"/*.log; do
  if [[ $(stat -c %s "$f") -gt 1000000 ]]; then gzip -9 -f "$f"; fi
done
du -sh "$out" "$after"
