package dev.evident.core.detect;

import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.Quantity;
import dev.evident.core.util.Fmt;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The time users waited in the measured requests: requests × mean latency, summed over the load
 * test's series (benchmark series of JMH and hyperfine are not requests). It is the denominator
 * of "the fraction of request time" that database findings and the database bound use. When every
 * request was kept, the 95% interval of the sum follows from the latencies' variance (normal
 * approximation of a sum of independent requests); otherwise the total is taken as exact.
 *
 * @param ms       total request time in milliseconds
 * @param lowMs    low end of its 95% interval
 * @param highMs   high end of its 95% interval
 * @param requests number of requests
 * @param evidence the fact that states it
 */
public record RequestTime(double ms, double lowMs, double highMs, long requests, Evidence evidence) {
    private static final double Z95 = 1.959963984540054;

    /** Whether a series measures requests (a load test) rather than benchmark runs. */
    public static boolean isRequestSeries(LatencySeries s) {
        return s.count() > 0 && !Double.isNaN(s.meanMs()) && !"JMH".equals(s.tool()) && !"hyperfine".equals(s.tool());
    }

    public static Optional<RequestTime> of(EvidenceSet evidence) {
        double total = 0;
        double variance = 0;
        boolean allSampled = true;
        long requests = 0;
        TreeSet<String> sources = new TreeSet<>();
        for (LatencySeries s : evidence.latencies()) {
            if (!isRequestSeries(s)) {
                continue;
            }
            total += s.meanMs() * s.count();
            requests += s.count();
            sources.add(s.source());
            if (s.hasSamples()) {
                variance += s.distribution().variance() * s.count();
            } else {
                allSampled = false;
            }
        }
        if (total <= 0) {
            return Optional.empty();
        }
        double half = allSampled ? Z95 * Math.sqrt(variance) : 0;
        double low = Math.max(total - half, 1e-9);
        double high = total + half;
        String statement = Fmt.count(requests) + " requests × mean latency = " + Fmt.decimal(total / 1e3, 2) + " s of request time"
                + (allSampled ? " (95% interval " + Fmt.decimal(low / 1e3, 2) + "–" + Fmt.decimal(high / 1e3, 2) + " s)"
                : " (the tool reported no per-request times, so the total is taken as exact)")
                + " in " + String.join(", ", sources);
        Evidence e = new Evidence(null, "request-time", "request-time", statement,
                List.of(Quantity.of("request time", total, "ms"), Quantity.of("request time low", low, "ms"),
                        Quantity.of("request time high", high, "ms"), Quantity.of("requests", requests, "requests")),
                sources.first(), "requests × mean latency");
        return Optional.of(new RequestTime(total, low, high, requests, e));
    }
}
