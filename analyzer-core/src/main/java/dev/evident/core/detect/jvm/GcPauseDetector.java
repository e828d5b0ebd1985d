package dev.evident.core.detect.jvm;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.detect.profile.CallSite;
import dev.evident.core.model.CounterSample;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.Impact;
import dev.evident.core.model.GcPause;
import dev.evident.core.model.HeapSample;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Quantity;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How much of the time the garbage collector stopped the application, over the recording and in
 * its worst minute (JMC's GcPauseRatio), with the longest pause, the allocation rate that drives
 * it and the code that allocates most.
 */
public final class GcPauseDetector implements Detector {

    @Override
    public String id() {
        return "gc-pauses";
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> out = new ArrayList<>();
        for (JvmTimeline t : evidence.timelines()) {
            if (t.gcPauses().isEmpty() || t.window() == null || t.window().durationNanos() <= 0) {
                continue;
            }
            out.add(finding(evidence, context, t));
        }
        return out;
    }

    private Finding finding(EvidenceSet set, AnalysisContext context, JvmTimeline t) {
        double seconds = JvmEvidence.seconds(t);
        long paused = t.totalPauseNanos();
        double ratio = paused / (seconds * 1e9);
        double windowSeconds = Math.min(JvmThresholds.GC_WINDOW.value(), seconds);
        double worst = worstWindowRatio(t.gcPauses(), (long) (windowSeconds * 1e9));
        long longest = t.gcPauses().stream().mapToLong(GcPause::longestPauseNanos).max().orElse(0);
        int score = JvmThresholds.GC_RATIO.scoreInt(worst);

        List<Quantity> values = new ArrayList<>(List.of(
                Quantity.of("gc_pause_total", paused / 1e9, "s"),
                Quantity.of("recording", seconds, "s"),
                Quantity.of("gc_pause_ratio", ratio * 100, "%"),
                Quantity.of("gc_pause_ratio_worst_window", worst * 100, "%"),
                Quantity.of("window", windowSeconds, "s"),
                Quantity.of("collections", t.gcPauses().size(), "collections"),
                Quantity.of("longest_pause", longest / 1e6, "ms")));
        StringBuilder s = new StringBuilder("Garbage collection paused the application for ")
                .append(Fmt.duration(paused)).append(" of ").append(Fmt.decimal(seconds, 1)).append(" s (")
                .append(Fmt.percent(ratio)).append("; worst ").append(Fmt.decimal(windowSeconds, 0)).append(" s window ")
                .append(Fmt.percent(worst)).append(") in ").append(t.gcPauses().size()).append(" collections (")
                .append(collectors(t)).append("); longest pause ").append(Fmt.duration(longest));
        double rate = allocationRate(t);
        if (rate <= 0) {
            rate = sampledAllocationRate(set, t);
        }
        if (rate > 0) {
            s.append("; allocation rate ").append(Fmt.decimal(rate / (1 << 20), 1)).append(" MiB/s");
            values.add(Quantity.of("allocation_rate", rate / (1 << 20), "MiB/s"));
        }
        long liveAfterGc = lastAfterGc(t);
        if (liveAfterGc > 0) {
            s.append("; heap after the last collection ").append(Fmt.bytes(liveAfterGc));
            values.add(Quantity.of("heap_after_gc", liveAfterGc / (double) (1 << 20), "MiB"));
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(JvmEvidence.fact("gc-pauses", t, "gc", s.toString(), values));

        Optional<CallSite> top = JvmEvidence.topSite(set, t, MetricKind.ALLOCATION, context);
        String cause = "";
        if (top.isPresent()) {
            CallSite site = top.get();
            cause = " The code allocating most is " + JvmEvidence.siteLabel(site) + ".";
            evidence.add(JvmEvidence.fact("allocation-site", t, "allocation-top", "Top allocating call site in "
                    + t.source() + ": " + site.anchor() + (site.entry() != null ? " via " + site.entry() : ""),
                    List.of(Quantity.of("weight", site.weight(), "bytes"))));
        }
        String title = "GC pauses take " + Fmt.percent(worst) + " of the time in the worst "
                + Fmt.decimal(windowSeconds, 0) + " s (" + Fmt.percent(ratio) + " overall, " + t.gcPauses().size()
                + " collections)";
        String explanation = "While a collection pauses the JVM, no request makes progress; the pause share adds "
                + "directly to latency. " + s + "." + cause;
        String fix = "Lower the allocation rate first: the allocation findings name the code"
                + (top.map(c -> " (" + JvmEvidence.siteLabel(c) + ")").orElse("")) + ". If the live set is large "
                + "relative to the heap, give the heap more room (-Xmx) so collections run less often; compare the "
                + "pause share before and after with the same load.";
        return new Finding(null, "gc-pauses", id(), dev.evident.core.model.Category.MEMORY, title, score,
                JvmEvidence.confidence(t.gcPauses().size(), "collections", null), t.gcPauses().size(), evidence,
                explanation, fix, null, "reduce-allocation",
                new Impact("wall-clock time of " + t.source() + " (every thread stops during a pause)", true, ratio, ratio,
                        Math.max(ratio, worst), evidence.get(0).key()), top.map(CallSite::anchor).orElse(null));
    }

    /** Largest share of any window of this length spent in pauses (windows start at each pause). */
    static double worstWindowRatio(List<GcPause> pauses, long windowNanos) {
        if (windowNanos <= 0) {
            return 0;
        }
        double worst = 0;
        long sum = 0;
        int start = 0;
        for (int end = 0; end < pauses.size(); end++) {
            sum += pauses.get(end).sumOfPausesNanos();
            while (pauses.get(end).startEpochNanos() - pauses.get(start).startEpochNanos() >= windowNanos) {
                sum -= pauses.get(start).sumOfPausesNanos();
                start++;
            }
            worst = Math.max(worst, sum / (double) windowNanos);
        }
        return Math.min(1, worst);
    }

    private static String collectors(JvmTimeline t) {
        Map<String, Integer> byName = new HashMap<>();
        for (GcPause p : t.gcPauses()) {
            byName.merge(p.name(), 1, Integer::sum);
        }
        return byName.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** Bytes allocated per second by all threads, from the recorder's per-thread allocation counters. */
    static double allocationRate(JvmTimeline t) {
        Map<String, long[]> firstLast = new HashMap<>(); // thread -> {firstTime, firstValue, lastTime, lastValue}
        for (CounterSample c : t.threadAllocations()) {
            firstLast.compute(c.key(), (k, v) -> v == null ? new long[] {c.epochNanos(), c.value(), c.epochNanos(), c.value()}
                    : new long[] {v[0], v[1], c.epochNanos(), c.value()});
        }
        long bytes = 0;
        for (long[] v : firstLast.values()) {
            bytes += Math.max(0, v[3] - v[1]);
        }
        double seconds = JvmEvidence.seconds(t);
        return seconds > 0 ? bytes / seconds : 0;
    }

    /** Fallback: the allocation samples' weights estimate every byte allocated (JDK ObjectAllocationSample). */
    private static double sampledAllocationRate(EvidenceSet set, JvmTimeline t) {
        double seconds = JvmEvidence.seconds(t);
        return JvmEvidence.profileOf(set, t).map(p -> {
            int c = p.column(dev.evident.core.model.Metric.ALLOCATION_BYTES);
            return c < 0 || seconds <= 0 ? 0.0 : p.totalWeight(c) / seconds;
        }).orElse(0.0);
    }

    private static long lastAfterGc(JvmTimeline t) {
        long last = 0;
        for (HeapSample h : t.heap()) {
            if (h.afterGc()) {
                last = h.usedBytes();
            }
        }
        return last;
    }
}
