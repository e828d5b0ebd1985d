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
 * A Gather that launched fewer workers than the planner counted on (PEV2's "workers planned not
 * launched"): the plan was costed for N + 1 processes and ran on fewer, because
 * {@code max_parallel_workers} or {@code max_worker_processes} were used up by other queries at
 * that moment, or set too low.
 */
public final class ParallelWorkersDetector implements Detector {

    @Override
    public String id() {
        return "parallel-workers";
    }

    record Hit(QueryPlan plan, PlanNode gather, int planned, int launched, double inclusiveMs, double executionMs) {
        /** If the work had been split as planned: time × (launched + 1) / (planned + 1) — an upper bound on the gain. */
        double savingMs() {
            return DbText.timed(inclusiveMs) * (1 - (launched + 1.0) / (planned + 1.0));
        }
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        Map<String, List<Hit>> groups = new TreeMap<>();
        for (QueryPlan plan : evidence.plans()) {
            PlanMetrics m = PlanMetrics.of(plan);
            for (PlanNode n : m.nodes()) {
                if (!PlanMetrics.isGather(n) || n.loops() == 0 || n.property("Workers Launched") == null) {
                    continue;
                }
                int planned = (int) PlanMetrics.number(n, "Workers Planned");
                int launched = (int) PlanMetrics.number(n, "Workers Launched");
                if (launched < planned) {
                    Hit h = new Hit(plan, n, planned, launched, m.inclusiveMs(n), m.executionMs());
                    if (Double.isNaN(h.inclusiveMs()) || h.savingMs() >= DbThresholds.MIN_SAVING_MS.value()) {
                        groups.computeIfAbsent(DbText.subject(plan), k -> new ArrayList<>()).add(h);
                    }
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Hit>> g : groups.entrySet()) {
            out.add(finding(g.getKey(), DbText.worst(g.getValue(), Hit::savingMs), g.getValue().size()));
        }
        return out;
    }

    private Finding finding(String key, Hit h, int plans) {
        boolean timed = !Double.isNaN(h.inclusiveMs());
        List<Quantity> values = new ArrayList<>(List.of(Quantity.of("workers planned", h.planned(), "workers"),
                Quantity.of("workers launched", h.launched(), "workers"), Quantity.of("plans", plans, "plans")));
        if (timed) {
            values.add(Quantity.of("Gather time", h.inclusiveMs(), "ms"));
            values.add(Quantity.of("estimated saving", h.savingMs(), "ms"));
        }
        String statement = DbText.node(h.gather()) + ": Workers Planned: " + h.planned() + ", Workers Launched: " + h.launched()
                + (timed ? "; the parallel part took " + DbText.ms(h.inclusiveMs()) + "; split over " + (h.planned() + 1)
                + " processes instead of " + (h.launched() + 1) + " it would take about " + DbText.ms(h.inclusiveMs() - h.savingMs())
                + ", saving up to " + DbText.ms(h.savingMs()) : "") + " (" + DbText.plans(plans) + ")";
        Evidence ev = new Evidence(null, "workers|" + key, "plan-node", statement, values, h.plan().source(), h.plan().location());
        double share = timed && h.executionMs() > 0 ? h.savingMs() / h.executionMs() : 0;
        int score = timed ? DbThresholds.SHARE_CURVE.scoreInt(share) : 30;
        String title = DbText.node(h.gather()) + " launched " + h.launched() + " of " + h.planned()
                + " planned workers: check max_parallel_workers";
        String explanation = "The planner split this query over " + h.planned() + " workers plus the leader, but only "
                + h.launched() + " started, so the leader did the rest"
                + (timed ? "; at the planned parallelism the " + DbText.ms(h.inclusiveMs()) + " would shrink to about "
                + DbText.ms(h.inclusiveMs() - h.savingMs()) + " (an upper bound: parallel work never scales perfectly)" : "")
                + ". Workers come from a server-wide pool; when it is empty, queries run with fewer.";
        String fix = "Check max_parallel_workers and max_worker_processes (server-wide pools; max_worker_processes needs a "
                + "restart) against max_parallel_workers_per_gather times the number of queries that run in parallel at "
                + "once; if the pool is exhausted by design, lower max_parallel_workers_per_gather so plans are costed for "
                + "the workers they will get.";
        String example = "```sql\nSHOW max_parallel_workers;          -- server-wide pool of parallel workers\n"
                + "SHOW max_worker_processes;\nSHOW max_parallel_workers_per_gather;\n"
                + "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'parallel worker';  -- in use now\n```";
        return new Finding(null, "workers|" + key, id(), Category.DATABASE, title, score,
                new Confidence(plans >= 3 ? Confidence.Level.HIGH : Confidence.Level.MEDIUM,
                        "EXPLAIN ANALYZE reports planned and launched workers; " + DbText.plans(plans) + " show it"),
                plans, List.of(ev), explanation, fix, example).withRemedy("tune-parallel-workers", null);
    }
}
