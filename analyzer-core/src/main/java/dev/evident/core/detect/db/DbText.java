package dev.evident.core.detect.db;

import dev.evident.core.model.PlanNode;
import dev.evident.core.model.QueryPlan;
import dev.evident.core.util.Fmt;

import java.util.Locale;

/** Wording shared by the database detectors, so the same figure is spelled the same everywhere. */
final class DbText {
    private DbText() {
    }

    /** "412.2 ms", "1.25 s". */
    static String ms(double ms) {
        return ms >= 1000 ? Fmt.decimal(ms / 1000, 2) + " s" : Fmt.decimal(ms, 1) + " ms";
    }

    static String rows(double rows) {
        return Fmt.count(Math.round(rows));
    }

    /** "Seq Scan on orders" / "Index Scan using idx on t" / "Sort". */
    static String node(PlanNode n) {
        StringBuilder s = new StringBuilder();
        if ("true".equals(n.property("Parallel Aware"))) {
            s.append("Parallel ");
        }
        s.append(n.nodeType());
        if (n.index() != null && n.relation() != null) {
            s.append(" using ").append(n.index()).append(" on ").append(n.relation());
        } else if (n.relation() != null) {
            s.append(" on ").append(n.relation());
        } else if (n.index() != null) {
            s.append(" on ").append(n.index());
        }
        return s.toString();
    }

    /** Where a plan came from: "samples/x/explain.txt line 3". */
    static String where(QueryPlan plan) {
        return plan.source() + " (" + plan.location() + ")";
    }

    /** A short form of a fingerprint for titles. */
    static String shortSql(String fingerprint) {
        if (fingerprint == null) {
            return "the query";
        }
        return fingerprint.length() <= 90 ? fingerprint : fingerprint.substring(0, 87) + "...";
    }

    /**
     * What a plan is about, stable across the TEXT and JSON forms of the same EXPLAIN and across the
     * auto_explain entries of one statement: its fingerprint when the query is known, otherwise its
     * root node and the relations it reads.
     */
    static String subject(QueryPlan plan) {
        if (plan.fingerprint() != null) {
            return plan.fingerprint();
        }
        return node(plan.root()) + " over " + String.join(", ", relations(plan));
    }

    /** The tables a plan reads, sorted. */
    static java.util.SortedSet<String> relations(QueryPlan plan) {
        java.util.TreeSet<String> relations = new java.util.TreeSet<>();
        for (PlanNode n : plan.nodes()) {
            if (n.relation() != null) {
                relations.add(n.relation());
            }
        }
        return relations;
    }

    /** "3 plans" / "1 plan". */
    static String plans(int n) {
        return Fmt.count(n) + " plan" + (n == 1 ? "" : "s");
    }

    /** The element with the largest value (the first of equals, so the choice is deterministic). */
    static <T> T worst(java.util.List<T> items, java.util.function.ToDoubleFunction<T> value) {
        T best = items.get(0);
        for (T t : items) {
            if (value.applyAsDouble(t) > value.applyAsDouble(best)) {
                best = t;
            }
        }
        return best;
    }

    /** NaN-safe time: 0 when the plan has no timing. */
    static double timed(double ms) {
        return Double.isNaN(ms) ? 0 : ms;
    }

    static String identifier(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
    }
}
