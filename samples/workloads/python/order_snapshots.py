"""A job that snapshots orders before changing them. Known bottleneck: snapshot() deep-copies
the whole order (with its line items and history) on every status change, so copy.deepcopy
dominates; the change itself is cheap. Smaller costs: json.dumps of each snapshot, and
re.match with a pattern string on every validation."""
import copy
import json
import re
import sys
import time


def make_order(i):
    return {
        "id": i,
        "status": "new",
        "items": [{"sku": "SKU-%04d" % (i * 7 + k), "qty": k + 1, "price": 9.99 + k} for k in range(12)],
        "history": [{"at": t, "event": "created", "meta": {"by": "system", "tags": ["a", "b"]}} for t in range(8)],
    }


def snapshot(order):
    return copy.deepcopy(order)


def is_valid_sku(sku):
    return re.match(r"^SKU-[0-9]{4}$", sku) is not None


def advance(order, status, journal):
    before = snapshot(order)
    order["status"] = status
    order["history"].append({"at": len(order["history"]), "event": status, "meta": {"by": "job", "tags": []}})
    journal.append(json.dumps({"id": order["id"], "before": before["status"], "after": status}))
    return all(is_valid_sku(item["sku"]) for item in order["items"][:2])


def run(seconds):
    orders = [make_order(i) for i in range(200)]
    journal = []
    end = time.time() + seconds
    n = 0
    while time.time() < end:
        order = orders[n % len(orders)]
        advance(order, "paid" if n % 2 else "shipped", journal)
        if len(order["history"]) > 40:
            del order["history"][8:]
        n += 1
    return n


if __name__ == "__main__":
    print("status changes:", run(float(sys.argv[1]) if len(sys.argv) > 1 else 6))
