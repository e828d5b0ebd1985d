package dev.evident.core.compare;

import dev.evident.core.detect.latency.LatencyThresholds;
import dev.evident.core.model.LatencyDistribution;
import dev.evident.core.model.LatencySeries;
import dev.evident.core.stats.MannWhitney;
import dev.evident.core.stats.QuantileBootstrap;
import dev.evident.core.stats.Welch;
import org.apache.commons.math3.random.RandomGenerator;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares two latency series. Percentiles: a percentile-bootstrap interval of the relative change
 * (independent replicates of each side, seeded from both distributions) and the Mann-Whitney U test
 * on all measurements; the mean: Welch's t-test and interval. A statistic is improved or regressed
 * only when the test is significant at α and its whole interval lies beyond the noise band
 * (criterion.rs' rule); significant but inside the band is "within the noise band".
 */
public final class LatencyComparer {
    static final double[] PERCENTILES = {50, 95, 99};

    private LatencyComparer() {
    }

    public static SeriesComparison compare(String key, LatencySeries before, LatencySeries after, String note,
                                           CompareOptions options) {
        List<MetricChange> changes = new ArrayList<>();
        if (!before.hasSamples() || !after.hasSamples()) {
            for (double p : PERCENTILES) {
                double b = before.percentileMs(p);
                double a = after.percentileMs(p);
                if (!Double.isNaN(b) && !Double.isNaN(a)) {
                    changes.add(new MetricChange(name(p), b, a, a / b - 1, Double.NaN, Double.NaN, Double.NaN,
                            "printed percentiles only; no interval", Verdict.NOT_TESTABLE));
                }
            }
            double bm = before.meanMs();
            double am = after.meanMs();
            if (!Double.isNaN(bm) && !Double.isNaN(am)) {
                changes.add(new MetricChange("mean", bm, am, am / bm - 1, Double.NaN, Double.NaN, Double.NaN,
                        "printed mean only; no interval", Verdict.NOT_TESTABLE));
            }
            return new SeriesComparison(key, before, after, null, changes, Verdict.NOT_TESTABLE, note);
        }
        LatencyDistribution b = before.distribution();
        LatencyDistribution a = after.distribution();
        boolean enough = b.total() >= LatencyThresholds.MIN_SAMPLES.value() && a.total() >= LatencyThresholds.MIN_SAMPLES.value();
        MannWhitney u = MannWhitney.test(b, a);
        QuantileBootstrap bb = new QuantileBootstrap(b);
        QuantileBootstrap ab = new QuantileBootstrap(a);
        for (double p : PERCENTILES) {
            RandomGenerator random = QuantileBootstrap.seeded(b.digest(), a.digest(), Double.doubleToLongBits(p));
            double[] rb = bb.replicates(p, random);
            double[] ra = ab.replicates(p, random);
            double[] ratio = new double[rb.length];
            for (int i = 0; i < ratio.length; i++) {
                ratio[i] = ra[i] / rb[i] - 1;
            }
            double[] ci = QuantileBootstrap.percentileInterval(ratio, LatencyThresholds.CONFIDENCE.value());
            double vb = b.percentile(p);
            double va = a.percentile(p);
            boolean significant = u.p() < options.alpha() && (ci[0] > 0 || ci[1] < 0);
            changes.add(new MetricChange(name(p), vb, va, va / vb - 1, ci[0], ci[1], u.p(),
                    "bootstrap percentile interval, Mann-Whitney U", verdict(enough, significant, ci[0], ci[1], options)));
        }
        Welch w = Welch.test(b.mean(), b.variance(), b.total(), a.mean(), a.variance(), a.total());
        double mb = b.mean();
        double low = w.low() / mb;
        double high = w.high() / mb;
        boolean significant = w.p() < options.alpha();
        changes.add(new MetricChange("mean", mb, a.mean(), a.mean() / mb - 1, low, high, w.p(), "Welch t",
                verdict(enough, significant, low, high, options)));
        return new SeriesComparison(key, before, after, u, changes, overall(changes, enough), note);
    }

    static Verdict verdict(boolean enough, boolean significant, double low, double high, CompareOptions options) {
        if (!enough) {
            return Verdict.TOO_FEW_MEASUREMENTS;
        }
        if (!significant) {
            return Verdict.NO_SIGNIFICANT_CHANGE;
        }
        if (low > options.noiseBand()) {
            return Verdict.REGRESSED;
        }
        if (high < -options.noiseBand()) {
            return Verdict.IMPROVED;
        }
        return Verdict.WITHIN_NOISE;
    }

    static Verdict overall(List<MetricChange> changes, boolean enough) {
        if (!enough) {
            return Verdict.TOO_FEW_MEASUREMENTS;
        }
        if (changes.stream().anyMatch(c -> c.verdict() == Verdict.REGRESSED)) {
            return Verdict.REGRESSED;
        }
        if (changes.stream().anyMatch(c -> c.verdict() == Verdict.IMPROVED)) {
            return Verdict.IMPROVED;
        }
        if (changes.stream().anyMatch(c -> c.verdict() == Verdict.WITHIN_NOISE)) {
            return Verdict.WITHIN_NOISE;
        }
        return Verdict.NO_SIGNIFICANT_CHANGE;
    }

    static String name(double p) {
        return "p" + (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p));
    }
}
