package dev.evident.core.detect.jvm;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.model.Category;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.HeapSample;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Quantity;
import dev.evident.core.stats.Trend;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.List;

/**
 * A heap that keeps more after every collection: the least-squares slope of heap-after-GC over
 * time, with R², reported as a leak suspect in MB per minute and the time left until the committed
 * heap is full at that rate.
 */
public final class HeapGrowthDetector implements Detector {

    @Override
    public String id() {
        return "heap-growth";
    }

    /** The lowest heap-after-GC of each of {@code windows} equal time windows (windows without GC are skipped). */
    static List<HeapSample> floors(List<HeapSample> after, int windows) {
        long start = after.get(0).epochNanos();
        long span = Math.max(1, after.get(after.size() - 1).epochNanos() - start);
        HeapSample[] lowest = new HeapSample[windows];
        for (HeapSample h : after) {
            int w = (int) Math.min(windows - 1, (h.epochNanos() - start) * windows / span);
            if (lowest[w] == null || h.usedBytes() < lowest[w].usedBytes()) {
                lowest[w] = h;
            }
        }
        List<HeapSample> out = new ArrayList<>();
        for (HeapSample h : lowest) {
            if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> out = new ArrayList<>();
        for (JvmTimeline t : evidence.timelines()) {
            List<HeapSample> after = t.heap().stream().filter(HeapSample::afterGc).toList();
            if (after.size() < JvmThresholds.TREND_MIN_POINTS.value()) {
                continue;
            }
            long span = after.get(after.size() - 1).epochNanos() - after.get(0).epochNanos();
            if (span < JvmThresholds.LEAK_MIN_SPAN.value() * 1e9) {
                continue;
            }
            List<HeapSample> floors = floors(after, (int) JvmThresholds.LEAK_FLOOR_WINDOWS.value());
            if (floors.size() < JvmThresholds.TREND_MIN_POINTS.value()) {
                continue;
            }
            long[] times = floors.stream().mapToLong(HeapSample::epochNanos).toArray();
            double[] used = floors.stream().mapToDouble(h -> h.usedBytes() / (double) (1 << 20)).toArray();
            Trend trend = Trend.fit(times, used);
            if (trend.slopePerSecond() <= 0 || trend.r2() < JvmThresholds.TREND_MIN_R2.value()) {
                continue;
            }
            double committed = after.get(after.size() - 1).committedBytes() / (double) (1 << 20);
            double percentPerMinute = committed > 0 ? trend.slopePerMinute() / committed * 100 : 0;
            int score = (int) Math.round(JvmThresholds.LEAK_RATE.score(percentPerMinute) * trend.r2());
            if (score < 10) {
                continue;
            }
            double headroomMinutes = trend.slopePerMinute() > 0 ? Math.max(0, committed - trend.last()) / trend.slopePerMinute() : -1;
            List<Quantity> values = List.of(
                    Quantity.of("growth", trend.slopePerMinute(), "MiB/min"),
                    Quantity.of("growth_of_committed", percentPerMinute, "%/min"),
                    Quantity.of("r2", trend.r2(), "R²"),
                    Quantity.of("points", trend.points(), "collections"),
                    Quantity.of("span", trend.spanSeconds(), "s"),
                    Quantity.of("fitted_first", trend.first(), "MiB"),
                    Quantity.of("fitted_last", trend.last(), "MiB"),
                    Quantity.of("committed", committed, "MiB"),
                    Quantity.of("minutes_to_committed", headroomMinutes, "min"));
            String statement = "Heap after GC grows by " + Fmt.decimal(trend.slopePerMinute(), 1) + " MiB/min ("
                    + Fmt.decimal(percentPerMinute, 1) + "% of the " + Fmt.decimal(committed, 0)
                    + " MiB committed heap per minute; least squares through the lowest heap after GC in each of "
                    + trend.points() + " windows over "
                    + Fmt.decimal(trend.spanSeconds(), 1) + " s, R² " + Fmt.decimal(trend.r2(), 2) + ") from "
                    + Fmt.decimal(trend.first(), 1) + " to " + Fmt.decimal(trend.last(), 1) + " MiB"
                    + (headroomMinutes >= 0 ? "; at this rate the committed heap is full in "
                    + Fmt.decimal(headroomMinutes, 1) + " min" : "");
            var fact = JvmEvidence.fact("heap-growth", t, "heap-after-gc", statement, values);
            var topAlloc = JvmEvidence.topSite(evidence, t, MetricKind.ALLOCATION, context);
            String title = "Heap after GC grows " + Fmt.decimal(trend.slopePerMinute(), 1) + " MiB/min (R² "
                    + Fmt.decimal(trend.r2(), 2) + "): memory leak suspect";
            String explanation = "What survives collections keeps increasing at a steady rate, so something retains "
                    + "objects it never releases (a cache without eviction, a growing static collection, listeners "
                    + "never removed). " + statement + ".";
            String fix = "Find what holds the growing objects: take two heap histograms a few minutes apart "
                    + "(jcmd <pid> GC.class_histogram) or a heap dump (jcmd <pid> GC.heap_dump) and compare the "
                    + "classes that grow" + topAlloc.map(s -> "; the top allocating site here is " + JvmEvidence.siteLabel(s))
                    .orElse("") + ". Bound caches by size or time (e.g. Caffeine maximumSize/expireAfterWrite) and "
                    + "remove entries and listeners you no longer need.";
            String example = """
                    ```java
                    // before — a map that only grows
                    private static final Map<String, Report> CACHE = new HashMap<>();
                    // after — bounded and expiring (com.github.ben-manes.caffeine:caffeine)
                    private static final Cache<String, Report> CACHE = Caffeine.newBuilder()
                            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();
                    ```
                    """;
            out.add(new Finding(null, "heap-growth", id(), Category.MEMORY, title, score,
                    JvmEvidence.trendConfidence(trend, "windows"),
                    trend.points(), List.of(fact), explanation, fix, example).withRemedy("fix-leak", null));
        }
        return out;
    }
}
