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
 * A plan that read most of its blocks from outside shared buffers (the OS cache or the disk)
 * instead of finding them in memory (pgMustard's "Cache Performance" tip). The root node's buffer
 * counts cover the whole plan. With {@code track_io_timing} the plan also says how long the reads
 * took, which is the time a warm cache would save.
 */
public final class CacheReadsDetector implements Detector {

    @Override
    public String id() {
        return "cache-reads";
    }

    record Hit(QueryPlan plan, double read, double hit, double ioMs, int processes, double executionMs) {
        double readShare() {
            return read / (read + hit);
        }

        /** Read time per process (I/O timings add up the leader's and the workers'), at most the execution time. */
        double savingMs() {
            return Math.min(ioMs / processes, executionMs);
        }
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        Map<String, List<Hit>> groups = new TreeMap<>();
        for (QueryPlan plan : evidence.plans()) {
            PlanNode root = plan.root();
            double read = PlanMetrics.number(root, "Shared Read Blocks");
            double hit = PlanMetrics.number(root, "Shared Hit Blocks");
            if (read < DbThresholds.BUFFER_READ_MIN_BLOCKS.value() || read / (read + hit) < DbThresholds.BUFFER_READ_SHARE.value()) {
                continue;
            }
            PlanMetrics m = PlanMetrics.of(plan);
            int processes = 1;
            for (PlanNode n : m.nodes()) {
                if (PlanMetrics.isGather(n)) {
                    processes = Math.max(processes, 1 + (int) PlanMetrics.number(n, "Workers Launched"));
                }
            }
            double exec = plan.executionMs() == null ? Double.NaN : plan.executionMs();
            Hit h = new Hit(plan, read, hit, PlanMetrics.number(root, "Shared I/O Read Time"), processes, exec);
            groups.computeIfAbsent(DbText.subject(plan), k -> new ArrayList<>()).add(h);
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Hit>> g : groups.entrySet()) {
            out.add(finding(g.getKey(), DbText.worst(g.getValue(), Hit::read), g.getValue().size()));
        }
        return out;
    }

    private Finding finding(String key, Hit h, int plans) {
        boolean ioTimed = h.ioMs() > 0 && !Double.isNaN(h.executionMs());
        double mb = h.read() * 8 / 1024;
        List<Quantity> values = new ArrayList<>(List.of(Quantity.of("shared blocks read", h.read(), "blocks"),
                Quantity.of("shared blocks hit", h.hit(), "blocks"), Quantity.of("read share", h.readShare() * 100, "%"),
                Quantity.of("read", mb, "MB"), Quantity.of("plans", plans, "plans")));
        if (ioTimed) {
            values.add(Quantity.of("I/O read time", h.ioMs(), "ms"));
            values.add(Quantity.of("execution time", h.executionMs(), "ms"));
            values.add(Quantity.of("estimated saving", h.savingMs(), "ms"));
        }
        String statement = "the plan read " + Fmt.count(Math.round(h.read())) + " of " + Fmt.count(Math.round(h.read() + h.hit()))
                + " shared blocks from outside shared buffers (" + Fmt.percent(h.readShare()) + ", " + Fmt.decimal(mb, 1) + " MB)"
                + (ioTimed ? "; the reads took " + DbText.ms(h.ioMs()) + " of I/O time over " + h.processes() + " process"
                + (h.processes() == 1 ? "" : "es") + ", about " + DbText.ms(h.savingMs()) + " of the " + DbText.ms(h.executionMs())
                + " execution" : "; track_io_timing is off, so their time is unknown") + " (" + DbText.plans(plans) + ")";
        Evidence ev = new Evidence(null, "cache-reads|" + key, "plan", statement, values, h.plan().source(), h.plan().location());
        int score = ioTimed ? DbThresholds.SHARE_CURVE.scoreInt(h.savingMs() / h.executionMs()) : 25;
        String title = "Cold cache: " + Fmt.percent(h.readShare()) + " of the blocks (" + Fmt.decimal(mb, 1)
                + " MB) came from outside shared buffers" + (ioTimed ? ", " + DbText.ms(h.savingMs()) + " of reading" : "");
        String explanation = "PostgreSQL found only " + Fmt.count(Math.round(h.hit())) + " of the plan's "
                + Fmt.count(Math.round(h.read() + h.hit())) + " blocks in shared buffers and read the other "
                + Fmt.count(Math.round(h.read())) + " (" + Fmt.decimal(mb, 1) + " MB) from the operating system"
                + (ioTimed ? ", which took about " + DbText.ms(h.savingMs()) + " of the " + DbText.ms(h.executionMs()) + " execution" : "")
                + ". Either the data was not cached yet (first run after a restart or a bulk load) or the working set does not "
                + "fit in shared_buffers; a plan that reads less (an index instead of a scan) also reads less from disk.";
        String fix = "Compare the blocks this query needs with shared_buffers; if the working set fits, warm it after restarts "
                + "(pg_prewarm) or raise shared_buffers; if it does not, make the query read less. Measure warm and cold runs "
                + "separately: a single cold EXPLAIN overstates the steady-state time.";
        String example = "```sql\nCREATE EXTENSION IF NOT EXISTS pg_prewarm;\n"
                + prewarm(DbText.relations(h.plan())) + "\nSHOW shared_buffers;\n```";
        return new Finding(null, "cache-reads|" + key, id(), Category.DATABASE, title, score,
                new Confidence(ioTimed ? Confidence.Level.MEDIUM : Confidence.Level.LOW,
                        "one execution's buffer counts" + (ioTimed ? " and I/O timing" : " without I/O timing")
                                + "; whether later executions hit the cache is not in this plan"),
                plans, List.of(ev), explanation, fix, example);
    }

    private static String prewarm(java.util.Collection<String> relations) {
        StringBuilder s = new StringBuilder();
        for (String r : relations) {
            s.append(s.length() == 0 ? "" : "\n").append("SELECT pg_prewarm('").append(r).append("');");
        }
        return s.toString();
    }
}
