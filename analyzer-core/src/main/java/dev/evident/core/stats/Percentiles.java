package dev.evident.core.stats;

/** Percentiles of sorted samples, by linear interpolation between closest ranks (R-7, NumPy's default). */
public final class Percentiles {
    private Percentiles() {
    }

    /** The {@code p}-th percentile (0..100) of ascending {@code sorted}; NaN when empty. */
    public static double of(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
