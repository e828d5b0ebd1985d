package dev.evident.core.detect;

import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.Quantity;
import dev.evident.core.stats.Share;
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
 * @param ms              total request time in milliseconds
 * @param requests        number of requests
 * @param requestVariance variance of one request's latency in ms² (pooled within series); NaN when the
 *                        tool reported no per-request times
 * @param evidence        the fact that states it
 */
public record RequestTime(double ms, long requests, double requestVariance, Evidence evidence) {

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
        double half = allSampled ? Share.Z95 * Math.sqrt(variance) : 0;
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
        return Optional.of(new RequestTime(total, requests, allSampled ? variance / requests : Double.NaN, e));
    }

    /**
     * The 95% interval of the fraction of request time that a part of every request takes, as a
     * ratio estimator: {@code partMs} / {@link #ms}, with the per-request variance of the part and of
     * the rest of the request (the request's variance minus the part's, the two taken as independent).
     * A part that varies from request to request is as uncertain as the requests around it; counting
     * only the requests' variance, as a fixed part over a random total, understates the interval.
     * Without per-request latencies the fraction is taken as exact.
     *
     * @param partMs       the part's total over the measured requests
     * @param partVariance variance of the part in one request, ms² (0 when unknown)
     * @return {low, share, high}, each within 0..1
     */
    public double[] shareInterval(double partMs, double partVariance) {
        double share = Math.min(1, partMs / ms);
        if (Double.isNaN(requestVariance) || requests < 2) {
            return new double[] {share, share, share};
        }
        double part = Math.max(0, partVariance);
        double rest = Math.max(0, requestVariance - part);
        double meanRequest = ms / requests;
        double standardError = Math.sqrt((1 - share) * (1 - share) * part + share * share * rest)
                / (Math.sqrt(requests) * meanRequest);
        return new double[] {Math.max(0, share - Share.Z95 * standardError), share, Math.min(1, share + Share.Z95 * standardError)};
    }
}
