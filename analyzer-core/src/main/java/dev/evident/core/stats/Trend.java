package dev.evident.core.stats;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A least-squares line through measurements over time (commons-math3 {@link SimpleRegression}).
 *
 * @param slopePerSecond change of the value per second
 * @param r2             coefficient of determination, 0..1
 * @param points         number of measurements
 * @param spanSeconds    time between the first and the last measurement
 * @param first          fitted value at the first measurement
 * @param last           fitted value at the last measurement
 */
public record Trend(double slopePerSecond, double r2, int points, double spanSeconds, double first, double last) {

    /** Fits values measured at epoch-nanosecond times; needs at least two distinct times. */
    public static Trend fit(long[] epochNanos, double[] values) {
        if (epochNanos.length < 2) {
            return new Trend(0, 0, epochNanos.length, 0, 0, 0);
        }
        long t0 = epochNanos[0];
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < epochNanos.length; i++) {
            r.addData((epochNanos[i] - t0) / 1e9, values[i]);
        }
        double span = (epochNanos[epochNanos.length - 1] - t0) / 1e9;
        double slope = Double.isNaN(r.getSlope()) ? 0 : r.getSlope();
        double r2 = Double.isNaN(r.getRSquare()) ? 0 : r.getRSquare();
        return new Trend(slope, r2, epochNanos.length, span, r.predict(0), r.predict(span));
    }

    public double slopePerMinute() {
        return slopePerSecond * 60;
    }
}
