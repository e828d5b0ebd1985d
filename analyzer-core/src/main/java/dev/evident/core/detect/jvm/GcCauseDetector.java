package dev.evident.core.detect.jvm;

import dev.evident.core.model.Category;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.Impact;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.GcPause;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.Quantity;
import dev.evident.core.stats.ScoreCurve;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Collections started for one avoidable cause. Two detectors share this shape: explicit
 * {@code System.gc()} calls and G1 humongous allocations.
 */
abstract class GcCauseDetector implements dev.evident.core.detect.Detector {
    private final String id;
    private final Predicate<String> cause;
    private final ScoreCurve curve;

    GcCauseDetector(String id, Predicate<String> cause, double warningRatio) {
        this.id = id;
        this.cause = cause;
        this.curve = new ScoreCurve(warningRatio / 5, warningRatio);
    }

    @Override
    public String id() {
        return id;
    }

    abstract String title(long count, long total, double ratio, long pausedNanos);

    abstract String explanation();

    abstract String fix();

    abstract String example();

    /** The planner's fix type for collections with this cause. */
    abstract String remedy();

    /** Whether the fix is in the code that allocates most (rather than wherever the cause is triggered). */
    abstract boolean fixedWhereMostIsAllocated();

    @Override
    public List<Finding> detect(EvidenceSet evidence, dev.evident.core.detect.AnalysisContext context) {
        List<Finding> out = new ArrayList<>();
        for (JvmTimeline t : evidence.timelines()) {
            List<GcPause> matching = t.gcPauses().stream().filter(p -> cause.test(p.cause())).toList();
            if (matching.isEmpty()) {
                continue;
            }
            long paused = matching.stream().mapToLong(GcPause::sumOfPausesNanos).sum();
            double ratio = matching.size() / (double) t.gcPauses().size();
            int score = curve.scoreInt(ratio);
            String cause = matching.get(0).cause();
            String statement = matching.size() + " of " + t.gcPauses().size() + " collections (" + Fmt.percent(ratio)
                    + ") were caused by \"" + cause + "\" and paused the application for " + Fmt.duration(paused);
            var fact = JvmEvidence.fact(id, t, cause, statement, List.of(
                    Quantity.of("collections", matching.size(), "collections"),
                    Quantity.of("all_collections", t.gcPauses().size(), "collections"),
                    Quantity.of("ratio", ratio * 100, "%"),
                    Quantity.of("paused", paused / 1e6, "ms")));
            out.add(new Finding(null, id, id, Category.MEMORY,
                    title(matching.size(), t.gcPauses().size(), ratio, paused), score,
                    JvmEvidence.confidence(t.gcPauses().size(), "collections", null), t.gcPauses().size(),
                    List.of(fact), explanation() + " " + statement + ".", fix(), example())
                    .withRemedy(remedy(), pausedFraction(t, paused, fact.key()))
                    .withSubject(fixedWhereMostIsAllocated() ? JvmEvidence.topSite(evidence, t, MetricKind.ALLOCATION, context)
                            .map(dev.evident.core.detect.profile.CallSite::anchor).orElse(null) : null));
        }
        return out;
    }

    /** The pauses of these collections as a fraction of the recording: every thread stops during them. */
    private static Impact pausedFraction(JvmTimeline t, long pausedNanos, String evidenceKey) {
        if (t.window() == null || t.window().durationNanos() <= 0) {
            return null;
        }
        double share = Math.min(1, pausedNanos / (double) t.window().durationNanos());
        return new Impact("wall-clock time of " + t.source() + " (every thread stops during a pause)", true, share, share, share,
                evidenceKey);
    }
}
