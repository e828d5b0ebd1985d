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
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sorts and hashes that did not fit in {@code work_mem} and spilled to temporary files: a Sort with
 * "external merge  Disk: N kB", a Hash with more than one batch, a HashAggregate with a disk usage.
 * The suggested {@code work_mem} comes from the plan's own disk figure; for a sort whose keys are
 * plain columns of one table, an index on them delivers the rows in order without sorting.
 */
public final class SortSpillDetector implements Detector {

    @Override
    public String id() {
        return "sort-spill";
    }

    record Spill(QueryPlan plan, PlanNode node, double diskKb, double exclusiveMs, double executionMs, String what) {
        /** Time spent writing and reading the temporary files (track_io_timing), or 0 when not tracked. */
        double tempIoMs() {
            return PlanMetrics.number(node, "Temp I/O Read Time") + PlanMetrics.number(node, "Temp I/O Write Time");
        }
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Spill>> g : groups(evidence).entrySet()) {
            out.add(finding(g.getKey(), g.getValue(), evidence));
        }
        return out;
    }

    /** Spilling nodes grouped by what spills (kind, sort key, table); the finding's key is "sort-spill|" + the group's. */
    static Map<String, List<Spill>> groups(EvidenceSet evidence) {
        Map<String, List<Spill>> groups = new TreeMap<>();
        for (QueryPlan plan : evidence.plans()) {
            PlanMetrics m = PlanMetrics.of(plan);
            for (PlanNode n : m.nodes()) {
                Spill s = spill(plan, n, m);
                if (s != null) {
                    // EXPLAIN files carry no query text: the same spill is recognised by what spills, where
                    String key = s.what() + "|" + n.property("Sort Key") + "|" + sortTable(s);
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
                }
            }
        }
        return groups;
    }

    private static Spill spill(QueryPlan plan, PlanNode n, PlanMetrics m) {
        double disk = 0;
        String what = null;
        if (n.nodeType().equals("Sort") || n.nodeType().equals("Incremental Sort")) {
            if ("Disk".equals(n.property("Sort Space Type"))) {
                disk += PlanMetrics.number(n, "Sort Space Used");
            }
            for (int w = 0; w < 64; w++) {
                if ("Disk".equals(n.property("Worker " + w + " Sort Space Type"))) {
                    disk += PlanMetrics.number(n, "Worker " + w + " Sort Space Used");
                }
            }
            what = "sort";
        } else if (n.nodeType().equals("Hash") && PlanMetrics.number(n, "Hash Batches") > 1) {
            // a hash split into batches writes all but one batch to disk; its temp blocks say how much
            disk = PlanMetrics.number(n, "Temp Written Blocks") * 8;
            what = "hash";
            if (disk == 0) {
                disk = PlanMetrics.number(n, "Peak Memory Usage") * PlanMetrics.number(n, "Hash Batches");
            }
        } else if (n.nodeType().equals("Aggregate") && PlanMetrics.number(n, "Disk Usage") > 0) {
            disk = PlanMetrics.number(n, "Disk Usage");
            what = "hash aggregate";
        }
        if (what == null || disk <= 0) {
            return null;
        }
        return new Spill(plan, n, disk, m.exclusiveMs(n), m.executionMs(), what);
    }

    private Finding finding(String key, List<Spill> spills, EvidenceSet evidence) {
        Spill worst = spills.get(0);
        for (Spill s : spills) {
            if (s.diskKb() > worst.diskKb()) {
                worst = s;
            }
        }
        double factor = DbThresholds.SPILL_MEMORY_FACTOR.value();
        long workMemMb = workMemMb(worst.diskKb());
        boolean timed = !Double.isNaN(worst.exclusiveMs());
        double share = timed && worst.executionMs() > 0 ? worst.exclusiveMs() / worst.executionMs() : 0;
        PlanNode n = worst.node();
        List<Quantity> values = new ArrayList<>();
        values.add(Quantity.of("disk used", worst.diskKb(), "kB"));
        values.add(Quantity.of("suggested work_mem", workMemMb, "MB"));
        values.add(Quantity.of("plans", spills.size(), "plans"));
        double totalExclusive = 0;
        double totalTempIo = 0;
        for (Spill s : spills) {
            totalExclusive += DbText.timed(s.exclusiveMs());
            totalTempIo += s.tempIoMs();
        }
        if (timed) {
            values.add(Quantity.of("exclusive time", worst.exclusiveMs(), "ms"));
            values.add(Quantity.of("execution time", worst.executionMs(), "ms"));
            values.add(Quantity.of("exclusive time, all plans", totalExclusive, "ms"));
            values.add(Quantity.of("temp file I/O time, all plans", totalTempIo, "ms"));
        }
        String sortKey = n.property("Sort Key");
        String statement = DbText.node(n) + (sortKey != null ? " by " + sortKey : "") + " spilled " + Fmt.count(Math.round(worst.diskKb()))
                + " kB to disk" + (n.property("Sort Method") != null ? " (" + n.property("Sort Method") + ")" : "")
                + (n.property("Hash Batches") != null ? " in " + n.property("Hash Batches") + " batches" : "")
                + (timed ? "; exclusive time " + DbText.ms(worst.exclusiveMs()) + " of " + DbText.ms(worst.executionMs())
                + " (" + Fmt.percent(share) + ")" : "") + " in " + Fmt.count(spills.size()) + " plan" + (spills.size() == 1 ? "" : "s")
                + (timed && spills.size() > 1 ? " (" + DbText.ms(totalExclusive) + " in all of them)" : "")
                + (totalTempIo > 0 ? "; writing and reading the temporary files took " + DbText.ms(totalTempIo) : "")
                + "; in memory it needs about " + Fmt.decimal(factor, 0) + " × that, so work_mem = " + workMemMb + "MB";
        Evidence ev = new Evidence(null, "spill|" + key, "plan-node", statement, values, worst.plan().source(),
                worst.plan().location());
        String table = sortTable(worst);
        String indexSql = table != null && sortKey != null
                ? "CREATE INDEX CONCURRENTLY idx_" + DbText.identifier(table) + "_" + DbText.identifier(sortKey.replaceAll("(?i) (desc|asc)", ""))
                + " ON " + table + " (" + sortKey + ");" : null;
        int score = timed ? DbThresholds.SHARE_CURVE.scoreInt(share) : 30;
        Confidence confidence = new Confidence(timed ? Confidence.Level.HIGH : Confidence.Level.MEDIUM,
                "the plan reports the spill itself (" + (n.property("Sort Method") != null ? n.property("Sort Method") : worst.what())
                        + ", " + Fmt.count(Math.round(worst.diskKb())) + " kB on disk)");
        String title = "The " + worst.what() + (sortKey != null ? " by " + sortKey : "") + " spills " + Fmt.count(Math.round(worst.diskKb()))
                + " kB to disk: raise work_mem to " + workMemMb + "MB for it" + (indexSql != null ? " or index the sort key" : "");
        String explanation = "The " + worst.what() + " did not fit in work_mem and wrote " + Fmt.count(Math.round(worst.diskKb()))
                + " kB of temporary files" + (timed ? "; it takes " + DbText.ms(worst.exclusiveMs()) + " of the "
                + DbText.ms(worst.executionMs()) + " execution" : "") + ". Sorting in memory avoids writing and re-reading them"
                + (totalTempIo > 0 ? ", at least the " + DbText.ms(totalTempIo) + " of temporary-file I/O" : "")
                + (indexSql != null && timed ? "; an index that returns the rows in order removes the sort itself, up to "
                + DbText.ms(totalExclusive) + " over " + Fmt.count(spills.size()) + " plan" + (spills.size() == 1 ? "" : "s") : "")
                + ".";
        String fix = "Raise work_mem for this statement only (SET LOCAL work_mem = '" + workMemMb + "MB' in its transaction, or "
                + "ALTER ROLE ... SET for the reporting role): work_mem is per sort or hash node and per connection, so a global "
                + "increase multiplies" + (indexSql != null ? "; or create an index on " + table + " (" + sortKey + ") so rows come "
                + "out already sorted and no sort is needed" : "") + ". Confirm that the plan then shows 'Memory' instead of 'Disk'.";
        String example = "```sql\nBEGIN;\nSET LOCAL work_mem = '" + workMemMb + "MB';\n-- the statement\nCOMMIT;\n"
                + (indexSql != null ? "-- or, so that no sort is needed:\n" + indexSql + "\n" : "") + "```";
        List<Evidence> cited = new ArrayList<>(List.of(ev));
        Optional<DbImpact> impact = timed ? DbImpact.ofStatementPart(evidence, key(key), fingerprints(spills), share,
                "the spilling " + worst.what(), worst.plan().source()) : Optional.empty();
        impact.ifPresent(i -> cited.add(i.evidence()));
        return new Finding(null, key(key), id(), Category.DATABASE, title, score, confidence, spills.size(),
                cited, explanation, fix, example, "tune-work-mem", impact.map(DbImpact::impact).orElse(null), null);
    }

    private static java.util.Set<String> fingerprints(List<Spill> spills) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Spill s : spills) {
            if (s.plan().fingerprint() != null) {
                out.add(s.plan().fingerprint());
            }
        }
        return out;
    }

    static String key(String group) {
        return "sort-spill|" + group;
    }

    /** {@link DbThresholds#SPILL_MEMORY_FACTOR} × the kB a node needs, rounded up to a power of two MB. */
    static long workMemMb(double kb) {
        long mb = 1;
        while (mb * 1024 < kb * DbThresholds.SPILL_MEMORY_FACTOR.value()) {
            mb *= 2;
        }
        return mb;
    }

    /** The table under a sort when its keys are plain columns read from one scan. */
    private static String sortTable(Spill s) {
        if (!s.what().equals("sort")) {
            return null;
        }
        String key = s.node().property("Sort Key");
        if (key == null || !key.matches("[a-z_][a-z0-9_]*( (DESC|ASC))?(, [a-z_][a-z0-9_]*( (DESC|ASC))?)*")) {
            return null;
        }
        PlanNode n = s.node();
        while (n.children().size() == 1 && n.relation() == null) {
            n = n.children().get(0);
        }
        return n.relation();
    }
}
