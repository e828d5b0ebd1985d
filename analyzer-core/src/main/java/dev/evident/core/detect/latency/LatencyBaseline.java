package dev.evident.core.detect.latency;

import dev.evident.core.model.Evidence;
import dev.evident.core.model.LatencySeries;

/**
 * The numbers that define "slow" for one endpoint or label: percentiles, mean, throughput, errors
 * and the tail ratio, with bootstrap intervals for p95 and p99 when every request was measured.
 * Values a tool did not report are NaN.
 *
 * @param series   the series it summarizes
 * @param p50      ... the percentiles in milliseconds
 * @param p95Low   95% bootstrap interval of p95 (NaN without raw measurements)
 * @param evidence the evidence item that states these numbers
 */
public record LatencyBaseline(
        LatencySeries series,
        double p50,
        double p90,
        double p95,
        double p99,
        double p999,
        double max,
        double mean,
        double p95Low,
        double p95High,
        double p99Low,
        double p99High,
        double throughput,
        double errorRate,
        double tailRatio,
        Evidence evidence) {

    public LatencyBaseline withEvidence(Evidence numbered) {
        return new LatencyBaseline(series, p50, p90, p95, p99, p999, max, mean, p95Low, p95High, p99Low, p99High,
                throughput, errorRate, tailRatio, numbered);
    }

    /** The value of a percentile (100 = max, NaN = mean) as the SLA check needs it. */
    public double value(double percentile) {
        if (Double.isNaN(percentile)) {
            return mean;
        }
        if (percentile == 100) {
            return max;
        }
        double known = switch ((int) Math.round(percentile * 10)) {
            case 500 -> p50;
            case 900 -> p90;
            case 950 -> p95;
            case 990 -> p99;
            case 999 -> p999;
            default -> Double.NaN;
        };
        return Double.isNaN(known) ? series.percentileMs(percentile) : known;
    }
}
