package dev.evident.core.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * The usual complexity classes and the one that fits measured costs best. Like Google Benchmark's
 * {@code complexity.cc} (BigO auto), every candidate {@code cost = c · g(n)} is fitted by least squares
 * and the smallest error wins; unlike it, the fit is made on log axes, so that a noisy largest size
 * cannot decide alone (ln g(1) = 0 makes O(1) and O(log n) need n &gt; 1).
 */
public enum ComplexityClass {
    CONSTANT("O(1)", 0, n -> 1),
    LOGARITHMIC("O(log n)", 0, Math::log),
    LINEAR("O(n)", 1, n -> n),
    LINEARITHMIC("O(n log n)", 1, n -> n * Math.log(n)),
    QUADRATIC("O(n²)", 2, n -> n * n),
    CUBIC("O(n³)", 3, n -> n * n * n);

    private final String label;
    private final int exponent;
    private final DoubleUnaryOperator g;

    ComplexityClass(String label, int exponent, DoubleUnaryOperator g) {
        this.label = label;
        this.exponent = exponent;
        this.g = g;
    }

    public String label() {
        return label;
    }

    /** The power of n that dominates the class (O(n log n) counts as 1). */
    public int exponent() {
        return exponent;
    }

    /**
     * Root-mean-square error of the best {@code c · g(n)} on log axes: {@code ln c} is the mean of
     * {@code ln cost − ln g(n)} and the error is the spread around it. On log axes every size counts
     * the same; on raw costs the largest size alone would decide.
     */
    public double logRms(double[] n, double[] cost) {
        double[] r = new double[n.length];
        double mean = 0;
        for (int i = 0; i < n.length; i++) {
            double gi = g.applyAsDouble(n[i]);
            if (!(gi > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            r[i] = Math.log(cost[i]) - Math.log(gi);
            mean += r[i];
        }
        mean /= n.length;
        double sse = 0;
        for (double v : r) {
            sse += (v - mean) * (v - mean);
        }
        return Math.sqrt(sse / n.length);
    }

    public static ComplexityClass best(double[] n, double[] cost) {
        ComplexityClass best = CONSTANT;
        double bestRms = Double.POSITIVE_INFINITY;
        for (ComplexityClass c : values()) {
            double rms = c.logRms(n, cost);
            if (rms < bestRms) {
                best = c;
                bestRms = rms;
            }
        }
        return best;
    }
}
