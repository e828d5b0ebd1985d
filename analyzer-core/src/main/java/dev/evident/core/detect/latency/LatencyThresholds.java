package dev.evident.core.detect.latency;

import dev.evident.core.detect.Threshold;

import java.util.List;

/**
 * Thresholds of the latency baseline, the SLA check, {@code evident compare} and
 * {@code evident scale}. Each is documented with its source in docs/detectors.md.
 */
public final class LatencyThresholds {
    private LatencyThresholds() {
    }

    public static final Threshold CONFIDENCE = new Threshold("latency.confidence", 0.95, "probability",
            "confidence level of every interval (bootstrap percentiles, Welch, slope of the scale fit)",
            "criterion.rs confidence_level 0.95; hyperfine and Google Benchmark test at α = 0.05");
    public static final Threshold BOOTSTRAP_MIN_SAMPLES = new Threshold("latency.bootstrap.min-samples", 20, "requests",
            "fewest measurements for a bootstrap interval of p95/p99; with fewer, p95 is the largest value and "
                    + "its interval says nothing",
            "evident: the nearest-rank p95 of 20 values is the 19th; below that p95 and max coincide");
    public static final Threshold TAIL_RATIO_WARNING = new Threshold("latency.tail-ratio.warning", 10, "ratio",
            "p99/p50 above which the report calls the tail heavy (a few requests wait far longer than the typical one)",
            "evident, after the tail-at-scale argument (Dean & Barroso, CACM 2013): at p99/p50 of 10 one request "
                    + "in a hundred takes ten typical ones");
    public static final Threshold SLA_EXCESS_INFO = new Threshold("sla.excess.info", 0.05, "ratio",
            "excess over an objective (measured/limit − 1) at which a breach scores 25",
            "evident: 5% over is within the run-to-run noise of many load tests");
    public static final Threshold SLA_EXCESS_WARNING = new Threshold("sla.excess.warning", 0.25, "ratio",
            "excess over an objective at which a breach scores 75 (a problem)",
            "evident: a quarter over the objective is a breach users notice");
    public static final Threshold NOISE_BAND = new Threshold("compare.noise-band", 0.02, "ratio",
            "relative change that counts as noise: a change is improved/regressed only when its whole 95% interval "
                    + "lies beyond ±2% (--noise changes it)",
            "criterion.rs noise_threshold (default 0.01) and its compare_to_threshold rule; the issue sets ±2%");
    public static final Threshold ALPHA = new Threshold("compare.alpha", 0.05, "probability",
            "significance level of the Mann-Whitney U, Welch t and two-proportion tests",
            "Google Benchmark compare.py --alpha 0.05; criterion.rs significance_level 0.05; hyperfine welch_ttest.py");
    public static final Threshold MIN_SAMPLES = new Threshold("compare.min-samples", 9, "measurements",
            "fewest measurements per side for a test; with fewer the verdict is 'too few measurements'",
            "Google Benchmark compare.py: 'Results unreliable! 9+ repetitions recommended'");
    public static final Threshold PROFILE_MIN_DELTA = new Threshold("compare.profile.min-delta", 0.01, "share",
            "smallest change of a method's share (1 point) listed as explaining the change",
            "evident: below a point the flame graphs of two runs look the same");
    public static final Threshold FLAME_MIN_SHARE = new Threshold("compare.flame.min-share", 0.001, "share",
            "frames below 0.1% of both runs are left out of the differential flame graph data",
            "evident: keeps the data small; a flame graph cannot show a 0.1% frame at any usable width");
    public static final Threshold SCALE_MIN_SIZES = new Threshold("scale.min-sizes", 3, "sizes",
            "fewest different input sizes for a growth fit with an interval",
            "evident: a slope interval needs m − 2 ≥ 1 degrees of freedom");
    public static final Threshold SCALE_METHOD_MIN_SHARE = new Threshold("scale.method.min-share", 0.05, "share",
            "share of the largest run's cost a method needs before evident names it as the fastest-growing",
            "evident: a method with a few samples can show any slope");

    public static final List<Threshold> ALL = List.of(CONFIDENCE, BOOTSTRAP_MIN_SAMPLES, TAIL_RATIO_WARNING,
            SLA_EXCESS_INFO, SLA_EXCESS_WARNING, NOISE_BAND, ALPHA, MIN_SAMPLES, PROFILE_MIN_DELTA, FLAME_MIN_SHARE,
            SCALE_MIN_SIZES, SCALE_METHOD_MIN_SHARE);
}
