package dev.evident.core.model;

import java.util.List;

/**
 * Request latencies for one endpoint or label of a load test or benchmark.
 *
 * @param source        artifact path
 * @param label         endpoint, sampler label or benchmark command
 * @param tool          what produced it ("wrk", "ab", "k6", "JMeter", "hyperfine", ...)
 * @param samplesMs     every measured latency in milliseconds when the artifact has them (sorted
 *                      ascending), else empty
 * @param reported      percentiles the tool itself reported, for artifacts without raw samples
 * @param count         number of requests
 * @param errors        failed requests
 * @param window        time span of the run, or {@code null}
 */
public record LatencySeries(
        String source,
        String label,
        String tool,
        double[] samplesMs,
        List<ReportedPercentile> reported,
        long count,
        long errors,
        TimeWindow window) {

    public LatencySeries {
        reported = List.copyOf(reported);
    }

    /** A percentile as the tool printed it, e.g. p99 = 4.10 ms from wrk --latency. */
    public record ReportedPercentile(double percentile, double valueMs) {
    }

    /** Requests per second over the window, or NaN when the window is unknown. */
    public double throughputPerSecond() {
        return window == null || window.durationNanos() <= 0 ? Double.NaN : count / window.seconds();
    }
}
