package dev.evident.core.detect.bound;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.Quantity;
import dev.evident.core.util.Fmt;

import java.util.List;

/**
 * GC bound: the share of recorded time the application stood still in garbage-collection pauses,
 * summed over every JVM timeline that recorded its collections (JMC's GcPauseRatio).
 */
public final class GcPauseSignal implements BoundSignal {

    @Override
    public String id() {
        return "gc-pause-share";
    }

    @Override
    public List<BoundShare> measure(EvidenceSet evidence, AnalysisContext context) {
        long pauses = 0;
        long window = 0;
        long collections = 0;
        int recordings = 0;
        for (JvmTimeline t : evidence.timelines()) {
            if (!t.gcRecorded() || t.window() == null || t.window().durationNanos() <= 0) {
                continue;
            }
            pauses += t.totalPauseNanos();
            window += t.window().durationNanos();
            collections += t.gcPauses().size();
            recordings++;
        }
        if (window <= 0) {
            return List.of();
        }
        double share = Math.min(1, (double) pauses / window);
        String source = recordings == 1 ? evidence.timelines().stream().filter(JvmTimeline::gcRecorded)
                .filter(t -> t.window() != null).findFirst().map(JvmTimeline::source).orElse("") : recordings + " recordings";
        Evidence e = new Evidence(null, "bound|gc-pause-share", "bound-gc",
                "GC pauses took " + Fmt.duration(pauses) + " of " + Fmt.duration(window) + " recorded (" + Fmt.percent(share)
                        + ") in " + Fmt.count(collections) + " collections",
                List.of(Quantity.of("pause", pauses / 1e6, "ms"), Quantity.of("recorded", window / 1e6, "ms"),
                        Quantity.of("share", share * 100, "%"), Quantity.of("collections", collections, "collections")),
                source, "jdk.GarbageCollection");
        // the share is a measured total, not a sample estimate: weight it by recorded seconds for confidence
        long events = Math.max(collections, window / 100_000_000L);
        return List.of(new BoundShare(Bound.GC, share, events, e));
    }
}
