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
 * A Bitmap Heap Scan whose bitmap did not fit in {@code work_mem}: PostgreSQL then keeps only
 * "some row on this page matches" for part of the pages (lossy blocks) and must re-check every row
 * of those pages against the condition, which the plan shows as "Rows Removed by Index Recheck".
 */
public final class LossyBitmapDetector implements Detector {

    @Override
    public String id() {
        return "lossy-bitmap";
    }

    /**
     * Memory of one exact page in PostgreSQL's TID bitmap: a PagetableEntry (block number, status and a
     * bit per possible tuple, 291 on 8 kB pages) plus the hash table's pointers, as tbm_create() sizes it.
     */
    static final int BYTES_PER_PAGE = 64;

    record Hit(QueryPlan plan, PlanNode node, double lossy, double exact, double rows, double rechecked,
               double exclusiveMs, double executionMs) {
        /** Share of the rows read from lossy pages that the recheck threw away. */
        double wastedShare() {
            return rechecked / Math.max(1, rows + rechecked);
        }

        /** The scan's time spent on rows the recheck discards: what an exact bitmap avoids. */
        double savingMs() {
            return DbText.timed(exclusiveMs) * wastedShare();
        }
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        Map<String, List<Hit>> groups = new TreeMap<>();
        for (QueryPlan plan : evidence.plans()) {
            PlanMetrics m = PlanMetrics.of(plan);
            for (PlanNode n : m.nodes()) {
                double lossy = PlanMetrics.number(n, "Lossy Heap Blocks");
                if (!n.nodeType().equals("Bitmap Heap Scan") || lossy <= 0) {
                    continue;
                }
                Hit h = new Hit(plan, n, lossy, PlanMetrics.number(n, "Exact Heap Blocks"), PlanMetrics.rows(n),
                        PlanMetrics.number(n, "Rows Removed by Index Recheck") * n.loops(), m.exclusiveMs(n), m.executionMs());
                groups.computeIfAbsent(n.relation() + "|" + DbText.subject(plan), k -> new ArrayList<>()).add(h);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Hit>> g : groups.entrySet()) {
            Hit worst = DbText.worst(g.getValue(), Hit::savingMs);
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
        double lossyShare = h.lossy() / (h.lossy() + h.exact());
        List<Quantity> values = new ArrayList<>(List.of(Quantity.of("lossy heap blocks", h.lossy(), "blocks"),
                Quantity.of("exact heap blocks", h.exact(), "blocks"), Quantity.of("lossy share", lossyShare * 100, "%"),
                Quantity.of("rows removed by index recheck", h.rechecked(), "rows"), Quantity.of("rows", h.rows(), "rows"),
                Quantity.of("plans", plans, "plans")));
        if (timed) {
            values.add(Quantity.of("exclusive time", h.exclusiveMs(), "ms"));
            values.add(Quantity.of("estimated saving", h.savingMs(), "ms"));
        }
        String workMem = h.plan().settings().get("work_mem");
        // pages of the whole scan: the counts are per process (the leader's in a parallel scan), so scale by its loops
        double pages = (h.lossy() + h.exact()) * Math.max(1, n.loops());
        double neededKb = pages * BYTES_PER_PAGE / 1024;
        long suggestedMb = SortSpillDetector.workMemMb(neededKb);
        values.add(Quantity.of("pages in the bitmap", pages, "pages"));
        values.add(Quantity.of("memory for an exact bitmap", neededKb, "kB"));
        values.add(Quantity.of("suggested work_mem", suggestedMb, "MB"));
        String statement = DbText.node(n) + ": Heap Blocks: exact=" + Fmt.count(Math.round(h.exact())) + " lossy="
                + Fmt.count(Math.round(h.lossy())) + " (" + Fmt.percent(lossyShare) + " lossy); the recheck removed "
                + DbText.rows(h.rechecked()) + " rows to keep " + DbText.rows(h.rows()) + " (" + Fmt.percent(h.wastedShare()) + ")"
                + (timed ? "; exclusive time " + DbText.ms(h.exclusiveMs()) + ", of which an estimated " + DbText.ms(h.savingMs())
                + " on rechecked rows" : "") + (workMem != null ? "; work_mem = " + workMem : "") + "; an exact bitmap over about "
                + Fmt.count(Math.round(pages)) + " pages needs about " + Fmt.count(Math.round(neededKb)) + " kB ("
                + BYTES_PER_PAGE + " bytes per page), so work_mem = " + suggestedMb + "MB (" + DbText.plans(plans) + ")";
        Evidence ev = new Evidence(null, "lossy-bitmap|" + key, "plan-node", statement, values, h.plan().source(),
                h.plan().location());
        double share = timed && h.executionMs() > 0 ? h.savingMs() / h.executionMs() : 0;
        int score = timed ? DbThresholds.SHARE_CURVE.scoreInt(share) : 30;
        String title = "Bitmap scan on " + table + " went lossy (" + Fmt.count(Math.round(h.lossy())) + " lossy blocks, "
                + DbText.rows(h.rechecked()) + " rows rechecked and removed): raise work_mem";
        String explanation = "The bitmap of matching rows outgrew work_mem, so PostgreSQL kept " + Fmt.count(Math.round(h.lossy()))
                + " pages as lossy (page only, no row positions) and re-checked every row on them: " + DbText.rows(h.rechecked())
                + " rows were read and discarded to keep " + DbText.rows(h.rows())
                + (timed ? "; that is an estimated " + DbText.ms(h.savingMs()) + " of the scan's " + DbText.ms(h.exclusiveMs()) : "")
                + ".";
        String fix = "Give this statement more work_mem (SET LOCAL in its transaction, or ALTER ROLE for the role that runs it) "
                + "until EXPLAIN shows no lossy heap blocks: about " + suggestedMb + "MB for a bitmap over " + Fmt.count(Math.round(pages))
                + " pages. A more selective index, or fewer rows per query, also keeps the bitmap exact.";
        String example = "```sql\nBEGIN;\nSET LOCAL work_mem = '" + suggestedMb + "MB';  -- then check: Heap Blocks: exact=... and no lossy=\n"
                + "-- the statement\nCOMMIT;\n```";
        return new Finding(null, "lossy-bitmap|" + key, id(), Category.DATABASE, title, score,
                new Confidence(timed ? Confidence.Level.HIGH : Confidence.Level.MEDIUM,
                        "EXPLAIN ANALYZE reports the lossy blocks and the rows the recheck removed"),
                plans, List.of(ev), explanation, fix, example).withRemedy("tune-work-mem", null);
    }
}
