package dev.evident.core.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request latencies for one endpoint or label of a load test or benchmark.
 *
 * @param source        artifact path
 * @param label         endpoint, sampler label or benchmark command
 * @param tool          what produced it ("wrk", "ab", "k6", "JMeter", "hyperfine", ...)
 * @param distribution  every measured latency when the artifact has them (see
 *                      {@link LatencyDistribution}), else {@code null}
 * @param reported      percentiles the tool itself printed (wrk, ab, k6 summary), ascending
 * @param reportedMeanMs the mean the tool printed, or NaN
 * @param count         number of requests (or benchmark runs)
 * @param errors        failed requests
 * @param window        time span of the run, or {@code null}
 * @param reportedThroughput requests per second as the tool printed it, or NaN
 * @param parameters    benchmark parameters (hyperfine {@code -P}, JMH {@code @Param}), e.g. {@code n -> 4000}
 */
public record LatencySeries(
        String source,
        String label,
        String tool,
        LatencyDistribution distribution,
        List<ReportedPercentile> reported,
        double reportedMeanMs,
        long count,
        long errors,
        TimeWindow window,
        double reportedThroughput,
        Map<String, String> parameters) {

    public LatencySeries {
        reported = List.copyOf(reported);
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /** A percentile as the tool printed it, e.g. p99 = 4.10 ms from wrk --latency. */
    public record ReportedPercentile(double percentile, double valueMs) {
    }

    public boolean hasSamples() {
        return distribution != null && !distribution.isEmpty();
    }

    /**
     * The percentile from the measurements, else the one the tool printed for exactly {@code p},
     * else NaN.
     */
    public double percentileMs(double p) {
        if (hasSamples()) {
            return distribution.percentile(p);
        }
        for (ReportedPercentile r : reported) {
            if (Math.abs(r.percentile() - p) < 1e-9) {
                return r.valueMs();
            }
        }
        return Double.NaN;
    }

    public double meanMs() {
        return hasSamples() ? distribution.mean() : reportedMeanMs;
    }

    public double maxMs() {
        return hasSamples() ? distribution.max() : percentileMs(100);
    }

    /** Requests per second: as printed by the tool, else over the window, else NaN. */
    public double throughputPerSecond() {
        if (!Double.isNaN(reportedThroughput)) {
            return reportedThroughput;
        }
        return window == null || window.durationNanos() <= 0 ? Double.NaN : count / window.seconds();
    }

    /** Failed requests as a fraction of all requests, or NaN without requests. */
    public double errorRate() {
        return count > 0 ? (double) errors / count : Double.NaN;
    }

    /** Identity of the series across runs: the tool and the label, not the file. */
    public String key() {
        return tool + " " + label;
    }
}
