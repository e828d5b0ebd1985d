package dev.evident.core.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A share of a total with its 95% Wilson score interval.
 *
 * <p>For weighted metrics (bytes, nanoseconds) the point estimate is the weight share, while the
 * interval uses the number of events behind the total as the trial count: the weight's precision
 * is limited by how many samples carried it, not by how many bytes they stood for.
 *
 * @param part   weight of the part
 * @param whole  weight of the whole
 * @param events number of events behind {@code whole} (the trials of the interval)
 * @param value  part / whole, 0..1
 * @param low    lower bound of the 95% interval, 0..1
 * @param high   upper bound of the 95% interval, 0..1
 */
public record Share(long part, long whole, long events, double value, double low, double high) {

    /** z for a two-sided 95% interval, from commons-math3 rather than a literal; every normal-approximation interval uses it. */
    public static final double Z95 = new NormalDistribution().inverseCumulativeProbability(0.975);

    public static Share of(long part, long whole, long events) {
        if (whole <= 0 || events <= 0) {
            return new Share(part, whole, events, 0, 0, 1);
        }
        double p = Math.min(1.0, Math.max(0.0, (double) part / whole));
        double[] bounds = wilson(p, events, Z95);
        return new Share(part, whole, events, p, bounds[0], bounds[1]);
    }

    /** Wilson score interval for proportion {@code p} observed over {@code n} trials. */
    static double[] wilson(double p, double n, double z) {
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double halfWidth = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth)};
    }

    public double percent() {
        return value * 100;
    }

    /** Width of the interval in percentage points. */
    public double widthPoints() {
        return (high - low) * 100;
    }
}
