#!/usr/bin/env python3
"""Writes the hand-made MySQL 8 fixtures under samples/mysql8-handmade/.

No MySQL 8 server can be installed on the machines these samples were made on (Debian 12's
repositories carry only MariaDB, and MySQL's own APT repository is not reachable), so these files
are written by this script in the layout MySQL 8.0/8.4 and its command-line client print, from
the server's printing rules:

  * EXPLAIN ANALYZE / FORMAT=TREE: "-> " lines, 4 spaces per level, "  (cost=A..B rows=N)" and
    " (actual time=F..L rows=N loops=N)" per node, figures per loop; numbers in the three-significant-
    digit form of recent 8.0 releases and 8.4 (format_readably below), or "%.3f" times and integer
    rows with "%.2f" costs as 8.0.18 to 8.0.2x print them (tree(readable=False) below);
  * EXPLAIN FORMAT=JSON version 1: keys in the order the server writes them, two-space indentation;
  * explain_json_format_version=2 (8.3+): a JSON object whose keys the server orders by length, then
    bytewise (Json_key_comparator), as JSON_PRETTY prints it;
  * the slow query log: the mysqld banner, "# Time:" in ISO 8601 with microseconds, "# User@Host:
    ... Id: %5u", "# Query_time: %.6f  Lock_time: %.6f Rows_sent: N  Rows_examined: N" (with the
    log_slow_extra fields when that option is on), "use db;", "SET timestamp=N;", the statement and ";".

The figures describe the same data as the MariaDB samples (1M orders, 2M order_items, 5,000 products,
no index on orders.user_id nor order_items.order_id). Run from the repository root:
    python3 samples/scripts/make-mysql8-fixtures.py
"""
import datetime
import json
import math
import os

OUT = "samples/mysql8-handmade"


def format_readably(d):
    """MySQL's FormatNumberReadably: 3 significant digits, plain in [0.001, 999999.5), else engineering."""
    if abs(d) < 1e-12:
        return "0"

    def decimal(v):
        digits = len(str(int(abs(v) + 0.5))) if abs(v) >= 1 else 0
        decimals = max(0, 3 - digits) if abs(v) >= 1 else 3 - int(math.floor(math.log10(abs(v)))) - 1
        s = "%.*f" % (decimals, v)
        if "." in s:
            s = s.rstrip("0").rstrip(".")
        return s

    if abs(d) < 0.001 or len(str(int(abs(d) + 0.5))) > 6:
        exp = int(math.floor(math.log10(abs(d)) / 3.0) * 3)
        mantissa = d / 10 ** exp
        if round(abs(mantissa), 3 - len(str(int(abs(mantissa))))) >= 1000:
            mantissa /= 1000
            exp += 3
        return decimal(mantissa) + "e" + ("+" if exp >= 0 else "-") + str(abs(exp))
    return decimal(d)




def tree(node, level=0, readable=True, out=None):
    """The tree lines of a plan node (as dicts in the JSON v2 shape)."""
    out = [] if out is None else out
    line = "    " * level + "-> " + node["operation"]
    if "estimated_total_cost" in node:
        num = format_readably if readable else (lambda v: "%.2f" % v)
        rows = format_readably(node["estimated_rows"]) if readable else "%.0f" % node["estimated_rows"]
        if "estimated_first_row_cost" in node:
            line += "  (cost=%s..%s rows=%s)" % (num(node["estimated_first_row_cost"]), num(node["estimated_total_cost"]), rows)
        else:
            line += "  (cost=%s rows=%s)" % (num(node["estimated_total_cost"]), rows)
    if "actual_rows" in node:
        line += " " if "estimated_total_cost" in node else "  "
        if readable:
            line += "(actual time=%s..%s rows=%s loops=%s)" % (
                format_readably(node["actual_first_row_ms"]), format_readably(node["actual_last_row_ms"]),
                format_readably(node["actual_rows"]), format_readably(node["actual_loops"]))
        else:
            line += "(actual time=%.3f..%.3f rows=%d loops=%d)" % (
                node["actual_first_row_ms"], node["actual_last_row_ms"], round(node["actual_rows"]), node["actual_loops"])
    out.append(line)
    for child in node.get("inputs", []):
        if "heading" in child:
            out.append("    " * (level + 1) + "-> " + child["heading"])
            tree(child, level + 2, readable, out)
        else:
            tree(child, level + 1, readable, out)
    return out


def client_table(echo, column, value):
    """mysql -t -vvv: the statement between rules, then the value in a one-column table."""
    width = max(len(column), len(value))
    rule = "+" + "-" * (width + 2) + "+"
    lines = ["--------------", echo, "--------------", "", rule, "| " + column.ljust(width) + " |", rule,
             "| " + value + " " * (width - len(value)) + " |", rule, "1 row in set (%s sec)" % "0.42", "", "Bye"]
    return "\n".join(lines) + "\n"


def v2_dump(obj, indent=0):
    """JSON_PRETTY of a MySQL JSON object: keys by length then bytes, two spaces, doubles with a fraction."""
    pad = "  " * indent
    if isinstance(obj, dict):
        keys = sorted(obj, key=lambda k: (len(k.encode()), k.encode()))
        items = ["%s  %s: %s" % (pad, json.dumps(k), v2_dump(obj[k], indent + 1)) for k in keys]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list):
        if not obj:
            return "[]"
        return "[\n" + ",\n".join(pad + "  " + v2_dump(v, indent + 1) for v in obj) + "\n" + pad + "]"
    if isinstance(obj, bool):
        return "true" if obj else "false"
    if isinstance(obj, float):
        return repr(obj) if obj != int(obj) or abs(obj) >= 1e15 else "%d.0" % obj
    return json.dumps(obj)


# ---------------------------------------------------------------- plans (JSON v2 shape; the tree is printed from it)

ORDERS_MONTH = ("SELECT count(*) AS orders, coalesce(sum(total), 0) AS revenue FROM orders "
                "WHERE user_id = 4242 AND created_at >= '2025-12-01 00:00:00'")
orders_month = {
    "operation": "Aggregate: count(0), sum(orders.total)", "access_type": "aggregate",
    "estimated_rows": 1.0, "estimated_total_cost": 109110.61,
    "actual_first_row_ms": 421.337, "actual_last_row_ms": 421.338, "actual_rows": 1.0, "actual_loops": 1,
    "inputs": [{
        "operation": "Filter: ((orders.user_id = 4242) and (orders.created_at >= TIMESTAMP'2025-12-01 00:00:00'))",
        "access_type": "filter", "condition": "((orders.user_id = 4242) and (orders.created_at >= TIMESTAMP'2025-12-01 00:00:00'))",
        "filter_columns": ["orders.created_at", "orders.user_id"],
        "estimated_rows": 33246.0, "estimated_total_cost": 105785.98,
        "actual_first_row_ms": 97.211, "actual_last_row_ms": 421.301, "actual_rows": 2.0, "actual_loops": 1,
        "inputs": [{
            "operation": "Table scan on orders", "access_type": "table", "table_name": "orders", "schema_name": "shop",
            "used_columns": ["id", "user_id", "created_at", "total"],
            "estimated_rows": 997480.0, "estimated_total_cost": 105785.98,
            "actual_first_row_ms": 0.0712, "actual_last_row_ms": 364.218, "actual_rows": 1000000.0, "actual_loops": 1,
        }],
    }],
}

ORDER_ITEMS = ("SELECT oi.product_id, oi.quantity, oi.unit_price, p.name FROM order_items oi "
               "JOIN products p ON p.id = oi.product_id WHERE oi.order_id = 500000")
order_items = {
    "query": ("/* select#1 */ select `oi`.`product_id` AS `product_id`,`oi`.`quantity` AS `quantity`,"
              "`oi`.`unit_price` AS `unit_price`,`p`.`name` AS `name` from `shop`.`order_items` `oi` "
              "join `shop`.`products` `p` where ((`p`.`id` = `oi`.`product_id`) and (`oi`.`order_id` = 500000))"),
    "query_type": "select", "json_schema_version": "2.0",
    "operation": "Nested loop inner join", "access_type": "join", "join_type": "inner join", "join_algorithm": "nested_loop",
    "estimated_rows": 199361.4, "estimated_total_cost": 272653.12,
    "actual_first_row_ms": 171.164, "actual_last_row_ms": 421.447, "actual_rows": 2.0, "actual_loops": 1,
    "inputs": [
        {
            "operation": "Filter: (oi.order_id = 500000)", "access_type": "filter", "condition": "(oi.order_id = 500000)",
            "filter_columns": ["oi.order_id"],
            "estimated_rows": 199361.4, "estimated_total_cost": 202876.63,
            "actual_first_row_ms": 171.118, "actual_last_row_ms": 421.389, "actual_rows": 2.0, "actual_loops": 1,
            "inputs": [{
                "operation": "Table scan on oi", "access_type": "table", "table_name": "order_items", "alias": "oi",
                "schema_name": "shop", "used_columns": ["id", "order_id", "product_id", "quantity", "unit_price"],
                "estimated_rows": 1993614.0, "estimated_total_cost": 202876.63,
                "actual_first_row_ms": 0.0614, "actual_last_row_ms": 331.072, "actual_rows": 2000000.0, "actual_loops": 1,
            }],
        },
        {
            "operation": "Single-row index lookup on p using PRIMARY (id=oi.product_id)", "access_type": "index",
            "index_access_type": "index_lookup", "covering": False, "table_name": "products", "alias": "p",
            "schema_name": "shop", "index_name": "PRIMARY", "key_columns": ["id"], "lookup_condition": "id=oi.product_id",
            "used_columns": ["id", "name"],
            "estimated_rows": 1.0, "estimated_total_cost": 0.25,
            "actual_first_row_ms": 0.0175, "actual_last_row_ms": 0.0176, "actual_rows": 1.0, "actual_loops": 2,
        },
    ],
}

RECENT = "SELECT id, status, created_at, total FROM orders WHERE user_id = 4242 ORDER BY created_at DESC LIMIT 8"
recent_orders = {
    "operation": "Limit: 8 row(s)", "access_type": "limit", "limit": 8,
    "estimated_rows": 8.0, "estimated_total_cost": 100553.25,
    "actual_first_row_ms": 389.452, "actual_last_row_ms": 389.455, "actual_rows": 8.0, "actual_loops": 1,
    "inputs": [{
        "operation": "Sort: orders.created_at DESC, limit input to 8 row(s) per chunk", "access_type": "sort",
        "estimated_rows": 997480.0, "estimated_total_cost": 100553.25,
        "actual_first_row_ms": 389.45, "actual_last_row_ms": 389.452, "actual_rows": 8.0, "actual_loops": 1,
        "inputs": [{
            "operation": "Filter: (orders.user_id = 4242)", "access_type": "filter", "condition": "(orders.user_id = 4242)",
            "estimated_rows": 99748.0, "estimated_total_cost": 100553.25,
            "actual_first_row_ms": 2.914, "actual_last_row_ms": 389.301, "actual_rows": 57.0, "actual_loops": 1,
            "inputs": [{
                "operation": "Table scan on orders", "access_type": "table", "table_name": "orders",
                "estimated_rows": 997480.0, "estimated_total_cost": 100553.25,
                "actual_first_row_ms": 0.069, "actual_last_row_ms": 352.118, "actual_rows": 1000000.0, "actual_loops": 1,
            }],
        }],
    }],
}

# EXPLAIN FORMAT=JSON (version 1) of the orders-month query: keys in the server's writing order
orders_month_v1 = """{
  "query_block": {
    "select_id": 1,
    "cost_info": {
      "query_cost": "105785.98"
    },
    "table": {
      "table_name": "orders",
      "access_type": "ALL",
      "rows_examined_per_scan": 997480,
      "rows_produced_per_join": 33246,
      "filtered": "3.33",
      "cost_info": {
        "read_cost": "102461.38",
        "eval_cost": "3324.60",
        "prefix_cost": "105785.98",
        "data_read_per_join": "1M"
      },
      "used_columns": [
        "id",
        "user_id",
        "created_at",
        "total"
      ],
      "attached_condition": "((`shop`.`orders`.`user_id` = 4242) and (`shop`.`orders`.`created_at` >= TIMESTAMP'2025-12-01 00:00:00'))"
    }
  }
}"""


def write(name, text):
    with open(os.path.join(OUT, name), "w") as f:
        f.write(text)


def plans():
    # mysql -t -vvv -e "EXPLAIN ANALYZE ..." (recent 8.0 / 8.4 number format)
    write("explain-analyze-orders-month.txt",
          client_table("EXPLAIN ANALYZE " + ORDERS_MONTH, "EXPLAIN", "\n".join(tree(orders_month)) + "\n"))
    # an interactive session: the statement typed over three lines, the plan in vertical (\G) form
    value = "\n".join(tree(order_items))
    session = ["mysql> EXPLAIN ANALYZE SELECT oi.product_id, oi.quantity, oi.unit_price, p.name",
               "    -> FROM order_items oi JOIN products p ON p.id = oi.product_id",
               "    -> WHERE oi.order_id = 500000\\G",
               "*************************** 1. row ***************************",
               "EXPLAIN: " + value, "", "1 row in set (0.42 sec)", "", "mysql> "]
    write("explain-analyze-order-items.txt", "\n".join(session) + "\n")
    # the same plan as explain_json_format_version = 2 prints it: JSON_PRETTY(@plan) after EXPLAIN ANALYZE FORMAT=JSON INTO @plan
    write("explain-analyze-order-items-v2.json", v2_dump(order_items) + "\n")
    # 8.0.18-8.0.2x number format, saved raw with mysql -N -r -B -e "EXPLAIN ANALYZE ..."
    write("explain-analyze-recent-orders-8.0.2x.txt", "\n".join(tree(recent_orders, readable=False)) + "\n")
    # EXPLAIN FORMAT=JSON (version 1), mysql -t -vvv
    write("explain-json-orders-month.txt", client_table("EXPLAIN FORMAT=JSON " + ORDERS_MONTH, "EXPLAIN", orders_month_v1))


# ---------------------------------------------------------------- slow query log

def slow_log():
    lines = []

    def banner():
        lines.extend(["/usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:",
                      "Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock",
                      "Time                 Id Command    Argument"])

    clock = [datetime.datetime(2026, 11, 20, 9, 14, 2, 105112, tzinfo=datetime.timezone.utc)]
    iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def entry(thread, qt, lock, sent, examined, sql, use=None, gap_us=900, extra=False):
        clock[0] += datetime.timedelta(microseconds=gap_us + int(qt * 1e6))
        end = clock[0]
        start = end - datetime.timedelta(microseconds=int(qt * 1e6))
        lines.append("# Time: " + iso(end))
        lines.append("# User@Host: shop[shop] @  [10.0.4.17]  Id: %5d" % thread)
        head = "# Query_time: %.6f  Lock_time: %.6f Rows_sent: %d  Rows_examined: %d" % (qt, lock, sent, examined)
        if extra:
            head += (" Thread_id: %d Errno: 0 Killed: 0 Bytes_received: 0 Bytes_sent: 117 Read_first: 1 Read_last: 0"
                     " Read_key: 1 Read_next: 0 Read_prev: 0 Read_rnd: 0 Read_rnd_next: %d Sort_merge_passes: 0"
                     " Sort_range_count: 0 Sort_rows: 0 Sort_scan_count: 0 Created_tmp_disk_tables: 0"
                     " Created_tmp_tables: 0 Count_hit_tmp_table_size: 0  Start: %s End: %s") % (
                thread, examined + 1, iso(start), iso(end))
        lines.append(head)
        if use:
            lines.append("use %s;" % use)
        lines.append("SET timestamp=%d;" % int(start.timestamp()))
        lines.extend(sql.split("\n"))

    banner()
    # connection 31: one dashboard request in an explicit transaction, with its N+1 over order_items
    entry(31, 0.000212, 0.000000, 0, 0, "BEGIN;", use="shop")
    entry(31, 0.000418, 0.000104, 1, 1, "SELECT `id`, `name`, `email` FROM `users` WHERE `id` = 11131;")
    entry(31, 0.000587, 0.000091, 8, 8,
          "SELECT id, status, created_at, total FROM orders WHERE user_id = 11131 ORDER BY created_at DESC LIMIT 0, 8;")
    for oid, qt, rows in [(477385, 0.012406, 2), (966098, 0.011987, 3), (997224, 0.013102, 2),
                          (911943, 0.012655, 1), (889404, 0.012219, 2), (27710, 0.011873, 2)]:
        entry(31, qt, 0.000061, rows, 2000000 + rows,
              "SELECT oi.product_id, oi.quantity, oi.unit_price, p.name FROM order_items oi JOIN products p "
              "ON p.id = oi.product_id WHERE oi.order_id = %d;" % oid)
    entry(31, 0.000356, 0.000000, 0, 0, "COMMIT;")
    # connection 32: a statement over several lines with a comment, then the client's Quit
    entry(32, 1.204577, 0.000143, 1, 1000000,
          "SELECT count(*) AS orders,\n       coalesce(sum(total), 0) AS revenue\n  FROM orders\n"
          " WHERE user_id = 4242 # the dashboard's user\n   AND created_at >= '2025-12-01 00:00:00';", use="shop")
    entry(32, 0.000019, 0.000000, 0, 0, "# administrator command: Quit;")
    # FLUSH SLOW LOGS reopened the file: the banner again; log_slow_extra = ON from here
    banner()
    for i in range(6):
        entry(33, 0.004105 + i * 0.000013, 0.000052, 5, 5005,
              'SELECT id, name, price FROM products WHERE category = "featured" ORDER BY price DESC LIMIT 5;',
              gap_us=700, extra=True)
    write("mysql-slow.log", "\n".join(lines) + "\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    plans()
    slow_log()
