package dev.evident.core.detect.latency;

import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.Quantity;
import dev.evident.core.stats.QuantileBootstrap;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.List;

/** Computes the baseline of every latency series, each with its evidence item. */
public final class LatencyBaselines {
    private LatencyBaselines() {
    }

    public static List<LatencyBaseline> of(EvidenceSet evidence) {
        List<LatencyBaseline> out = new ArrayList<>();
        for (LatencySeries s : evidence.latencies()) {
            out.add(of(s));
        }
        return out;
    }

    public static LatencyBaseline of(LatencySeries s) {
        double p50 = s.percentileMs(50);
        double p90 = s.percentileMs(90);
        double p95 = s.percentileMs(95);
        double p99 = s.percentileMs(99);
        double p999 = s.percentileMs(99.9);
        double max = s.maxMs();
        double mean = s.meanMs();
        double[] ci95 = {Double.NaN, Double.NaN};
        double[] ci99 = {Double.NaN, Double.NaN};
        if (s.hasSamples() && s.distribution().total() >= LatencyThresholds.BOOTSTRAP_MIN_SAMPLES.value()) {
            QuantileBootstrap bootstrap = new QuantileBootstrap(s.distribution());
            ci95 = bootstrap.interval(95, LatencyThresholds.CONFIDENCE.value());
            ci99 = bootstrap.interval(99, LatencyThresholds.CONFIDENCE.value());
        }
        double throughput = s.throughputPerSecond();
        double errorRate = s.errorRate();
        double tail = p99 / p50;
        List<Quantity> values = new ArrayList<>();
        StringBuilder text = new StringBuilder(s.tool()).append(' ').append(s.label()).append(": ");
        List<String> parts = new ArrayList<>();
        add(parts, values, "p50", p50, null);
        add(parts, values, "p90", p90, null);
        add(parts, values, "p95", p95, ci95);
        add(parts, values, "p99", p99, ci99);
        add(parts, values, "p99.9", p999, null);
        add(parts, values, "max", max, null);
        add(parts, values, "mean", mean, null);
        text.append(String.join(", ", parts));
        if (!Double.isNaN(tail) && !Double.isInfinite(tail)) {
            text.append("; tail p99/p50 ").append(Fmt.decimal(tail, 1));
            values.add(Quantity.of("tail_ratio", tail, "ratio"));
        }
        text.append("; ").append(Fmt.count(s.count())).append(' ').append(s.tool().equals("JMH") ? "iterations"
                : s.tool().equals("hyperfine") ? "runs" : "requests");
        values.add(Quantity.of("count", s.count(), "requests"));
        if (!Double.isNaN(throughput)) {
            text.append(", ").append(Fmt.decimal(throughput, 1)).append(" req/s");
            values.add(Quantity.of("throughput", throughput, "req/s"));
        }
        if (!Double.isNaN(errorRate)) {
            text.append(", ").append(Fmt.count(s.errors())).append(" errors (").append(Fmt.percent(errorRate)).append(')');
            values.add(Quantity.of("errors", s.errors(), "requests"));
            values.add(Quantity.of("error_rate", errorRate * 100, "%"));
        }
        if (!Double.isNaN(ci95[0])) {
            text.append("; intervals: 95% bootstrap (").append(QuantileBootstrap.REPLICATES / 1000)
                    .append("k order-statistic replicates, seed from the data)");
        }
        if (!s.hasSamples()) {
            text.append("; percentiles as printed by the tool");
        } else if (!s.distribution().exact()) {
            text.append("; from HdrHistogram buckets (3 significant digits)");
        }
        Evidence e = new Evidence(null, "latency-baseline|" + s.source() + "|" + s.key(), "latency-baseline",
                text.toString(), values, s.source(), s.label());
        return new LatencyBaseline(s, p50, p90, p95, p99, p999, max, mean, ci95[0], ci95[1], ci99[0], ci99[1], throughput,
                errorRate, tail, e);
    }

    private static void add(List<String> parts, List<Quantity> values, String name, double v, double[] ci) {
        if (Double.isNaN(v)) {
            return;
        }
        String part = name + " " + ms(v);
        values.add(Quantity.of(name, v, "ms"));
        if (ci != null && !Double.isNaN(ci[0])) {
            part += " (95% CI " + ms(ci[0]) + "–" + ms(ci[1]) + ")";
            values.add(Quantity.of(name + "_ci_low", ci[0], "ms"));
            values.add(Quantity.of(name + "_ci_high", ci[1], "ms"));
        }
        parts.add(part);
    }

    /** Milliseconds with precision that fits the magnitude: "0.412 ms", "12.3 ms", "1,204 ms". */
    public static String ms(double v) {
        double a = Math.abs(v);
        if (a >= 1000) {
            return Fmt.count(Math.round(v)) + " ms";
        }
        if (a >= 100) {
            return Fmt.decimal(v, 0) + " ms";
        }
        if (a >= 10) {
            return Fmt.decimal(v, 1) + " ms";
        }
        if (a >= 1) {
            return Fmt.decimal(v, 2) + " ms";
        }
        return Fmt.decimal(v, 3) + " ms";
    }
}
