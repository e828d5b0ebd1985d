package dev.evident.core.detect.jvm;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.model.Category;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.Quantity;
import dev.evident.core.stats.ScoreCurve;
import dev.evident.core.stats.Trend;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.List;

/** A quantity that grows steadily over the recording, fitted by least squares (metaspace, threads). */
abstract class TrendDetector implements Detector {

    /** Measurement times and values, in the unit of {@link #unit()}; empty when the timeline has none. */
    abstract long[] times(JvmTimeline t);

    abstract double[] values(JvmTimeline t);

    abstract String what();

    abstract String unit();

    abstract ScoreCurve curve();

    abstract String explanation();

    abstract String fix();

    /** The planner's fix type for this growth. */
    abstract String remedy();

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> out = new ArrayList<>();
        for (JvmTimeline t : evidence.timelines()) {
            long[] times = times(t);
            if (times.length < JvmThresholds.TREND_MIN_POINTS.value()) {
                continue;
            }
            Trend trend = Trend.fit(times, values(t));
            if (trend.slopePerSecond() <= 0 || trend.r2() < JvmThresholds.TREND_MIN_R2.value()) {
                continue;
            }
            int score = (int) Math.round(curve().score(trend.slopePerMinute()) * trend.r2());
            if (score < 10) {
                continue;
            }
            String statement = what() + " grows by " + Fmt.decimal(trend.slopePerMinute(), 1) + " " + unit()
                    + "/min, from " + Fmt.decimal(trend.first(), 1) + " to " + Fmt.decimal(trend.last(), 1) + " " + unit()
                    + " (least squares over " + trend.points() + " measurements in " + Fmt.decimal(trend.spanSeconds(), 1)
                    + " s, R² " + Fmt.decimal(trend.r2(), 2) + ")";
            var fact = JvmEvidence.fact(id(), t, what(), statement, List.of(
                    Quantity.of("growth", trend.slopePerMinute(), unit() + "/min"),
                    Quantity.of("r2", trend.r2(), "R²"),
                    Quantity.of("points", trend.points(), "measurements"),
                    Quantity.of("fitted_first", trend.first(), unit()),
                    Quantity.of("fitted_last", trend.last(), unit())));
            out.add(new Finding(null, id(), id(), Category.RUNTIME,
                    what() + " grows " + Fmt.decimal(trend.slopePerMinute(), 1) + " " + unit() + "/min (R² "
                            + Fmt.decimal(trend.r2(), 2) + ")", score, JvmEvidence.trendConfidence(trend, "measurements"),
                    trend.points(), List.of(fact), explanation() + " " + statement + ".", fix(), null).withRemedy(remedy(), null));
        }
        return out;
    }
}
