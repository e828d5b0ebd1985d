package dev.evident.core.compare;

/**
 * The change of one latency statistic between the two sides.
 *
 * @param metric   "p50", "p95", "p99" or "mean"
 * @param before   value before, ms
 * @param after    value after, ms
 * @param relative (after − before) / before
 * @param low      lower bound of the relative change's 95% interval (NaN when none)
 * @param high     upper bound
 * @param p        p-value of the test behind it (NaN when none)
 * @param method   how the interval and p were computed
 * @param verdict  improved / regressed / no significant change / within noise
 */
public record MetricChange(String metric, double before, double after, double relative, double low, double high, double p,
                           String method, Verdict verdict) {
}
