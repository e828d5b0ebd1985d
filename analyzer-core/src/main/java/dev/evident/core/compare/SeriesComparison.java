package dev.evident.core.compare;

import dev.evident.core.model.LatencySeries;
import dev.evident.core.stats.MannWhitney;

import java.util.List;

/**
 * One endpoint or benchmark compared before and after.
 *
 * @param key         tool and label
 * @param before      the series before
 * @param after       the series after
 * @param mannWhitney the U test on all measurements, or {@code null} without raw measurements
 * @param changes     p50, p95, p99, mean
 * @param verdict     the series' verdict: regressed if any statistic regressed, improved if any improved
 * @param note        how the sides were paired, when not by the same label
 */
public record SeriesComparison(String key, LatencySeries before, LatencySeries after, MannWhitney mannWhitney,
                               List<MetricChange> changes, Verdict verdict, String note) {

    public SeriesComparison {
        changes = List.copyOf(changes);
    }

    /** The largest relative slowdown among the statistics that regressed, or 0. */
    public double worstRegression() {
        return changes.stream().filter(c -> c.verdict() == Verdict.REGRESSED).mapToDouble(MetricChange::relative)
                .max().orElse(0);
    }
}
