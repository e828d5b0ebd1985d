package dev.evident.core.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * The usual complexity classes and the one that fits measured costs best, chosen the way Google
 * Benchmark's {@code complexity.cc} does (BigO auto): fit {@code cost = c · g(n)} by least squares
 * for every candidate {@code g} and keep the one with the smallest root-mean-square error relative
 * to the mean cost.
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

    /** Root-mean-square error of the best {@code c · g(n)}, relative to the mean cost. */
    public double relativeRms(double[] n, double[] cost) {
        double gy = 0;
        double gg = 0;
        double mean = 0;
        for (int i = 0; i < n.length; i++) {
            double gi = g.applyAsDouble(n[i]);
            gy += gi * cost[i];
            gg += gi * gi;
            mean += cost[i];
        }
        mean /= n.length;
        double c = gg > 0 ? gy / gg : 0;
        double sse = 0;
        for (int i = 0; i < n.length; i++) {
            double r = cost[i] - c * g.applyAsDouble(n[i]);
            sse += r * r;
        }
        return Math.sqrt(sse / n.length) / mean;
    }

    public static ComplexityClass best(double[] n, double[] cost) {
        ComplexityClass best = CONSTANT;
        double bestRms = Double.POSITIVE_INFINITY;
        for (ComplexityClass c : values()) {
            double rms = c.relativeRms(n, cost);
            if (rms < bestRms) {
                best = c;
                bestRms = rms;
            }
        }
        return best;
    }
}
