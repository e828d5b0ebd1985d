package dev.evident.core.detect.db;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.model.Category;
import dev.evident.core.model.Confidence;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.PlanNode;
import dev.evident.core.model.Quantity;
import dev.evident.core.model.QueryPlan;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An Index Only Scan that visits the table anyway: PostgreSQL may skip the heap only for pages the
 * visibility map marks all-visible, and only VACUUM sets those marks. Rows changed since the last
 * VACUUM make every row on their page a heap fetch, so a stale visibility map turns an index-only
 * scan into an index scan plus random heap reads (PEV2 flags heap fetches above 40% of the rows).
 */
public final class HeapFetchesDetector implements Detector {

    @Override
    public String id() {
        return "heap-fetches";
    }

    record Hit(QueryPlan plan, PlanNode node, double fetches, double rows, double exclusiveMs, double executionMs) {
        /** Heap fetches per row the scan handled (PEV2's heapFetchesClass ratio; above 1 when dead index entries are visited). */
        double ratio() {
            return fetches / Math.max(1, rows);
        }

        /**
         * Time of the heap visits, if a heap fetch costs about what an index entry does: the part of
         * the scan's time VACUUM can remove.
         */
        double savingMs() {
            return DbText.timed(exclusiveMs) * fetches / (fetches + rows);
        }
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        Map<String, List<Hit>> groups = new TreeMap<>();
        for (QueryPlan plan : evidence.plans()) {
            PlanMetrics m = PlanMetrics.of(plan);
            for (PlanNode n : m.nodes()) {
                if (!n.nodeType().equals("Index Only Scan") || n.loops() == 0) {
                    continue;
                }
                double fetches = PlanMetrics.number(n, "Heap Fetches");
                double rows = PlanMetrics.rows(n) + PlanMetrics.removedRows(n);
                Hit h = new Hit(plan, n, fetches, rows, m.exclusiveMs(n), m.executionMs());
                if (fetches > 0 && h.ratio() >= DbThresholds.HEAP_FETCHES_WARNING.value()) {
                    groups.computeIfAbsent(n.relation() + "|" + n.index(), k -> new ArrayList<>()).add(h);
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Hit>> g : groups.entrySet()) {
            Hit worst = DbText.worst(g.getValue(), Hit::ratio);
            boolean timed = !Double.isNaN(worst.exclusiveMs());
            if (timed && worst.savingMs() < DbThresholds.MIN_SAVING_MS.value()) {
                continue;
            }
            out.add(finding(g.getKey(), worst, g.getValue().size(), timed));
        }
        return out;
    }

    private Finding finding(String key, Hit h, int plans, boolean timed) {
        PlanNode n = h.node();
        String table = n.relation();
        List<Quantity> values = new ArrayList<>(List.of(Quantity.of("heap fetches", h.fetches(), "rows"),
                Quantity.of("rows", h.rows(), "rows"), Quantity.of("heap fetches per row", h.ratio(), "ratio"),
                Quantity.of("plans", plans, "plans")));
        if (timed) {
            values.add(Quantity.of("exclusive time", h.exclusiveMs(), "ms"));
            values.add(Quantity.of("execution time", h.executionMs(), "ms"));
            values.add(Quantity.of("estimated saving", h.savingMs(), "ms"));
        }
        String statement = DbText.node(n) + ": " + DbText.rows(h.fetches()) + " heap fetches for " + DbText.rows(h.rows())
                + " rows (" + Fmt.decimal(h.ratio(), 2) + " per row)"
                + (timed ? "; exclusive time " + DbText.ms(h.exclusiveMs()) + " of " + DbText.ms(h.executionMs())
                + ", of which the heap visits are an estimated " + DbText.ms(h.savingMs()) : "")
                + " (" + DbText.plans(plans) + ")";
        Evidence ev = new Evidence(null, "heap-fetches|" + key, "plan-node", statement, values, h.plan().source(),
                h.plan().location());
        double share = timed && h.executionMs() > 0 ? h.savingMs() / h.executionMs() : 0;
        int score = timed ? DbThresholds.SHARE_CURVE.scoreInt(share) : 30;
        String title = "Index Only Scan on " + table + " makes " + DbText.rows(h.fetches()) + " heap fetches for "
                + DbText.rows(h.rows()) + " rows: VACUUM " + table;
        String explanation = "An index-only scan reads the table only for pages the visibility map does not mark all-visible. "
                + "Here " + DbText.node(n) + " fetched " + DbText.rows(h.fetches()) + " rows from the heap for " + DbText.rows(h.rows())
                + " rows returned, so the visibility map of " + table + " is out of date: rows changed since its last VACUUM"
                + (timed ? ". Counting a heap fetch as costly as an index entry, the heap visits take about "
                + DbText.ms(h.savingMs()) + " of the scan's " + DbText.ms(h.exclusiveMs()) : "") + ".";
        String fix = "Run VACUUM on " + table + " (it sets the all-visible bits), then make autovacuum keep up: lower "
                + "autovacuum_vacuum_scale_factor (and, for insert-mostly tables, autovacuum_vacuum_insert_scale_factor) for "
                + table + ", and check that autovacuum is not disabled for it. Re-run EXPLAIN (ANALYZE, BUFFERS): Heap Fetches "
                + "should be near 0.";
        String example = "```sql\nVACUUM (ANALYZE) " + table + ";\nALTER TABLE " + table
                + " SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);\n```";
        return new Finding(null, "heap-fetches|" + key, id(), Category.DATABASE, title, score,
                new Confidence(timed ? Confidence.Level.HIGH : Confidence.Level.MEDIUM,
                        "EXPLAIN ANALYZE counts the heap fetches itself; the time estimate assumes a heap fetch costs what an index entry does"),
                plans, List.of(ev), explanation, fix, example).withRemedy("vacuum-table", null);
    }
}
