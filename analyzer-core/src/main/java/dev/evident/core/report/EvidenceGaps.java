package dev.evident.core.report;

import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.IoEvent;
import dev.evident.core.model.PlanNode;
import dev.evident.core.model.QueryPlan;
import dev.evident.core.model.SqlEvent;
import dev.evident.core.model.MetricKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Works out which kinds of evidence are missing and how to collect them. */
final class EvidenceGaps {
    private EvidenceGaps() {
    }

    static List<EvidenceGap> of(EvidenceSet evidence) {
        List<EvidenceGap> gaps = new ArrayList<>();
        CollectCommands commands = CollectCommands.of(evidence);
        if (!evidence.hasMetric(MetricKind.CPU)) {
            gaps.add(new EvidenceGap("CPU profile",
                    "which code burns CPU is unknown",
                    commands.cpu));
        }
        if (!evidence.hasMetric(MetricKind.WALL)) {
            gaps.add(new EvidenceGap("wall-clock profile",
                    "time spent waiting (I/O, locks, remote calls, sleeps) cannot be told apart from computing",
                    commands.wall));
        }
        if (!evidence.hasMetric(MetricKind.ALLOCATION)) {
            gaps.add(new EvidenceGap("allocation profile",
                    "which code drives the garbage collector is unknown",
                    commands.allocation));
        }
        if (!evidence.hasMetric(MetricKind.LOCK)) {
            gaps.add(new EvidenceGap("lock profile",
                    "contention on monitors and java.util.concurrent locks is invisible",
                    commands.lock));
        }
        boolean gcData = evidence.timelines().stream().anyMatch(t -> !t.gcPauses().isEmpty());
        if (!gcData) {
            gaps.add(new EvidenceGap("garbage-collection timeline",
                    "GC pause time and heap growth cannot be measured, so allocation findings stay capped",
                    "jcmd <pid> JFR.start settings=profile duration=60s filename=gc.jfr"));
        }
        databaseGaps(evidence, gaps);
        if (evidence.latencies().isEmpty()) {
            gaps.add(new EvidenceGap("latency measurements",
                "the metric that defines \"slow\" (p50/p95/p99 against an SLA) is not known, so no finding "
                        + "can be related to user-visible latency",
                "wrk -t2 -c16 -d60s --latency http://<host>:<port>/<endpoint> > wrk.txt"));
        }
        return gaps;
    }

    /**
     * Threads wait on a database but no log says for which statements; or the log names the statement
     * that takes the most time and no plan shows why.
     */
    private static void databaseGaps(EvidenceSet evidence, List<EvidenceGap> gaps) {
        boolean databaseWaits = evidence.timelines().stream().anyMatch(t -> t.io().stream().anyMatch(IoEvent::database));
        if (evidence.sqlEvents().isEmpty()) {
            if (databaseWaits) {
                gaps.add(new EvidenceGap("database statement log",
                        "threads wait on database connections, but which statements take that time is unknown",
                        "ALTER SYSTEM SET log_min_duration_statement = 0; SELECT pg_reload_conf();   "
                                + "# PostgreSQL, for the length of a load test; MySQL: SET GLOBAL long_query_time = 0"));
            }
            return;
        }
        Map<String, Double> byStatement = new HashMap<>();
        Map<String, SqlEvent> sample = new HashMap<>();
        for (SqlEvent e : evidence.sqlEvents()) {
            if (e.fingerprint() != null && e.durationMs() > 0) {
                byStatement.merge(e.fingerprint(), e.durationMs(), Double::sum);
                if (e.aggregate() == null) {
                    sample.putIfAbsent(e.fingerprint(), e);
                }
            }
        }
        String slowest = byStatement.entrySet().stream().max(Map.Entry.<String, Double>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
        if (slowest == null || hasPlan(evidence, slowest, sample.get(slowest))) {
            return;
        }
        SqlEvent e = sample.get(slowest);
        String text = e == null ? slowest : e.text().strip().replaceAll("\\s+", " ");
        gaps.add(new EvidenceGap("plan of the slowest statement",
                "whether an index, the statement's shape or the data makes \"" + (slowest.length() > 80
                        ? slowest.substring(0, 77) + "..." : slowest) + "\" (the statement with the most database time) "
                        + "slow is a guess",
                "EXPLAIN (ANALYZE, BUFFERS) " + text + "   # with the logged parameter values in place of $n"));
    }

    /** A plan of the statement itself, or (for plans without their text) of a table the statement reads. */
    private static boolean hasPlan(EvidenceSet evidence, String fingerprint, SqlEvent sample) {
        List<String> tables = sample == null || sample.shape() == null ? List.of() : sample.shape().tables();
        for (QueryPlan plan : evidence.plans()) {
            if (fingerprint.equals(plan.fingerprint())) {
                return true;
            }
            if (plan.fingerprint() == null && readsAny(plan.root(), tables)) {
                return true;
            }
        }
        return false;
    }

    private static boolean readsAny(PlanNode node, List<String> tables) {
        if (node.relation() != null && tables.contains(node.relation())) {
            return true;
        }
        for (PlanNode child : node.children()) {
            if (readsAny(child, tables)) {
                return true;
            }
        }
        return false;
    }
}
