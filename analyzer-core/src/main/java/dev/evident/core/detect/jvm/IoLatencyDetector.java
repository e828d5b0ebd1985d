package dev.evident.core.detect.jvm;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.model.Category;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.IoEvent;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.Quantity;
import dev.evident.core.stats.Percentiles;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slow socket and file operations grouped by endpoint or path, with latency percentiles and the
 * summed time threads spent in them (JMC's SocketRead/SocketWrite/FileRead/FileWrite rules look at
 * the longest operation only).
 */
public final class IoLatencyDetector implements Detector {
    static final int MAX_TARGETS = 3;

    @Override
    public String id() {
        return "io-latency";
    }

    private record Target(IoEvent.Kind kind, String target, List<IoEvent> events) {
        boolean database() {
            return events.stream().anyMatch(IoEvent::database);
        }

        long total() {
            return events.stream().mapToLong(IoEvent::durationNanos).sum();
        }
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> out = new ArrayList<>();
        for (JvmTimeline t : evidence.timelines()) {
            if (t.io().isEmpty() || JvmEvidence.seconds(t) <= 0) {
                continue;
            }
            Map<String, Target> byTarget = new LinkedHashMap<>();
            for (IoEvent e : t.io()) {
                byTarget.computeIfAbsent(e.kind() + "|" + e.target(), k -> new Target(e.kind(), e.target(), new ArrayList<>()))
                        .events().add(e);
            }
            List<Target> targets = new ArrayList<>(byTarget.values());
            targets.sort(Comparator.comparingLong(Target::total).reversed().thenComparing(Target::target));
            for (Target target : targets.subList(0, Math.min(MAX_TARGETS, targets.size()))) {
                Finding f = finding(t, target);
                if (f.score() >= 10) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private Finding finding(JvmTimeline t, Target target) {
        double seconds = JvmEvidence.seconds(t);
        double[] ms = target.events().stream().mapToDouble(e -> e.durationNanos() / 1e6).sorted().toArray();
        double p50 = Percentiles.of(ms, 50);
        double p95 = Percentiles.of(ms, 95);
        double max = ms[ms.length - 1];
        long total = target.total();
        long bytes = target.events().stream().mapToLong(IoEvent::bytes).sum();
        double waitRatio = total / (seconds * 1e9);
        boolean database = target.database();
        int score = Math.max(JvmThresholds.IO_LONGEST.scoreInt(max), JvmThresholds.IO_SHARE.scoreInt(waitRatio));
        if (database) {
            score = Math.min(score, CONTEXT_MAX_SCORE); // the statements are the cause: see CONTEXT_MAX_SCORE
        }
        String what = target.kind().label() + "s " + (target.kind().socket() ? "from/to " : "of ") + target.target()
                + (database ? " (a database connection: the stacks pass through its driver)" : "");
        String statement = target.events().size() + " " + what + " above the recorder's threshold took "
                + Fmt.duration(total) + " in total (" + Fmt.decimal(waitRatio, 2) + " thread-seconds per second of a "
                + Fmt.decimal(seconds, 1) + " s recording); p50 " + Fmt.decimal(p50, 1) + " ms, p95 "
                + Fmt.decimal(p95, 1) + " ms, max " + Fmt.decimal(max, 1) + " ms; " + Fmt.bytes(bytes);
        var fact = JvmEvidence.fact("io-latency", t, target.kind() + " " + target.target(), statement, List.of(
                Quantity.of("operations", target.events().size(), "operations"),
                Quantity.of("total", total / 1e9, "s"),
                Quantity.of("wait_ratio", waitRatio, "ratio"),
                Quantity.of("p50", p50, "ms"),
                Quantity.of("p95", p95, "ms"),
                Quantity.of("max", max, "ms"),
                Quantity.of("bytes", bytes, "bytes"),
                Quantity.of("recording", seconds, "s")));
        String title = database
                ? "Threads wait " + Fmt.duration(total) + " for the database at " + target.target() + " (" + target.kind().label()
                        + "s, p95 " + Fmt.decimal(p95, 1) + " ms)"
                : "Threads wait " + Fmt.duration(total) + " on " + what + " (p95 " + Fmt.decimal(p95, 1) + " ms)";
        String explanation = "Every slow " + target.kind().label() + " holds a thread that cannot do other work. "
                + statement + ".";
        String fix = database
                ? "This is the time the statements take, seen from the application: the database findings say which "
                        + "statements and why (slow plans, missing indexes, N+1 loops). Without a database log, record one "
                        + "(PostgreSQL: log_min_duration_statement = 0 during a load test) and analyze it with this recording."
                : target.kind().socket()
                ? "Find out why " + target.target() + " answers slowly (its own latency, connection set-up, payload "
                        + "size); meanwhile bound the wait with timeouts, reuse connections, batch small requests, "
                        + "issue independent calls concurrently, and cache responses that do not change per request."
                : "Read and write " + target.target() + " in larger buffered blocks, off the request path where possible, "
                        + "and check the disk's latency (iostat) if single operations are slow.";
        return new Finding(null, "io|" + target.kind() + "|" + target.target(), id(), database ? Category.DATABASE : Category.IO,
                title, score, JvmEvidence.confidence(target.events().size(), "operations", null),
                target.events().size(), List.of(fact), explanation, fix, null).withRemedy(database ? null : "remote-calls", null);
    }
}
