package dev.evident.core.compare;

import dev.evident.core.detect.latency.LatencyThresholds;

/**
 * @param noiseBand          relative change treated as noise (0.02 = ±2%)
 * @param alpha              significance level
 * @param failOnRegression   a regression at least this large (0.05 = 5%) fails the comparison; NaN for never
 */
public record CompareOptions(double noiseBand, double alpha, double failOnRegression) {

    public static CompareOptions defaults() {
        return new CompareOptions(LatencyThresholds.NOISE_BAND.value(), LatencyThresholds.ALPHA.value(), Double.NaN);
    }
}
