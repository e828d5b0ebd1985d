package dev.evident.core.plan;

import dev.evident.core.detect.latency.LatencyBaseline;
import dev.evident.core.detect.latency.LatencySection;
import dev.evident.core.detect.latency.SlaChecks;
import dev.evident.core.model.IncidentContext;
import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.Sla;
import dev.evident.core.util.Fmt;

import java.util.List;
import java.util.Locale;

/**
 * The parts of the validation plan that come from the latency baseline: the load test that checks a
 * fix at a higher rate than the incident's, and Prometheus alerting rules that catch the regression
 * later. Both are derived from what was measured (the load tool's own parameters, the observed
 * throughput and percentiles) and from the objectives, never invented.
 */
final class ScaleChecks {
    /** The load test at scale doubles the observed concurrency: a fix must hold beyond the incident's load. */
    static final int SCALE_FACTOR = 2;
    /** Without an objective, alert when p95 climbs this much above the measured baseline. */
    static final double REGRESSION_MARGIN = 0.20;
    /** Error-ratio alert: this multiple of the measured ratio, and never below {@link #MIN_ERROR_RATIO}. */
    static final double ERROR_RATIO_FACTOR = 2;
    static final double MIN_ERROR_RATIO = 0.01;

    private ScaleChecks() {
    }

    /** The latency to beat, from the first request series: its tail percentiles and mean, citing the baseline. */
    static String baselineLine(LatencySection latency) {
        LatencyBaseline b = firstRequestSeries(latency);
        if (b == null) {
            return null;
        }
        StringBuilder line = new StringBuilder(b.series().tool()).append(' ').append(b.series().label()).append(':');
        String sep = " ";
        for (double[] p : new double[][] {{95, b.p95()}, {99, b.p99()}}) {
            if (!Double.isNaN(p[1])) {
                line.append(sep).append("p").append((int) p[0]).append(' ').append(Fmt.decimal(p[1], 1)).append(" ms");
                sep = ", ";
            }
        }
        if (!Double.isNaN(b.mean())) {
            line.append(sep).append("mean ").append(Fmt.decimal(b.mean(), 1)).append(" ms");
        }
        return line.append(" (").append(b.evidence().id()).append(")").toString();
    }

    /** The load test to run after the fix, from the first request series; null without one. */
    static String loadTest(LatencySection latency) {
        LatencyBaseline b = firstRequestSeries(latency);
        if (b == null) {
            return null;
        }
        LatencySeries s = b.series();
        long seconds = s.window() == null ? 60 : Math.max(30, Math.round(s.window().seconds()));
        String connections = s.parameters().get("connections");
        String threads = s.parameters().get("threads");
        String observed = Fmt.count(s.count()) + " requests" + (Double.isNaN(b.throughput()) ? ""
                : " at " + Fmt.decimal(b.throughput(), 1) + " requests/s") + (connections == null ? "" : " from " + connections
                + ("1".equals(connections) ? " connection" : " connections")) + " over " + seconds + " s, " + tail(b).label + " " + Fmt.decimal(tail(b).ms, 1) + " ms ("
                + b.evidence().id() + ")";
        String command = switch (s.tool()) {
            case "wrk" -> "wrk -t" + (threads == null ? "2" : threads) + " -c" + scaled(connections, 16) + " -d" + seconds
                    + "s --latency " + s.label();
            case "ab" -> "ab -n " + s.count() * SCALE_FACTOR + " -c " + scaled(connections, 16) + " " + s.label();
            case "k6" -> "k6 run --vus " + scaled(connections, 16) + " --duration " + seconds + "s <your script>";
            default -> null;
        };
        String what = command == null
                ? "repeat the " + s.tool() + " run with " + SCALE_FACTOR + "× its concurrency"
                : "`" + command + "`";
        return what + " (" + SCALE_FACTOR + "× the recorded concurrency; recorded: " + observed + "): the fixed build should "
                + "keep its objectives and error rate; flat throughput with latency growing means it saturates.";
    }

    private static String scaled(String value, int fallback) {
        try {
            return Integer.toString(Integer.parseInt(value) * SCALE_FACTOR);
        } catch (NumberFormatException | NullPointerException e) {
            return Integer.toString(fallback);
        }
    }

    /** Prometheus rules guarding the objectives (or the measured p95) and the error ratio; null without a baseline. */
    static String alertRules(LatencySection latency) {
        LatencyBaseline b = firstRequestSeries(latency);
        if (b == null) {
            return null;
        }
        String endpoint = endpoint(latency, b);
        String selector = endpoint == null ? "" : "uri=\"" + endpoint + "\"";
        String name = endpoint == null ? "Service" : camel(endpoint);
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Thresholds from ").append(b.evidence().id()).append(" (").append(b.series().source()).append(")")
                .append(latency.objectives().isEmpty() ? "" : " and the objectives").append(".\n")
                .append("# The metric names are Micrometer's (Spring Boot, Quarkus); rename them to what the service exports.\n")
                .append("groups:\n  - name: evident-").append(name.toLowerCase(Locale.ROOT)).append("\n    rules:\n");
        List<Sla> objectives = latency.objectives();
        Tail tail = tail(b);
        if (objectives.isEmpty() && tail.percentile > 0) {
            double limit = tail.ms * (1 + REGRESSION_MARGIN);
            rule(yaml, name + "Latency" + tail.label.toUpperCase(Locale.ROOT) + "Regression", tail.percentile, limit, selector,
                    tail.label + " above " + Fmt.decimal(limit, 0) + " ms: the measured " + tail.label + " was "
                            + Fmt.decimal(tail.ms, 1) + " ms (" + b.evidence().id() + "); " + Fmt.percent(REGRESSION_MARGIN)
                            + " above it is a regression");
        }
        for (Sla sla : objectives) {
            if (Double.isNaN(sla.percentile()) || sla.percentile() >= 100) {
                continue; // mean and max are not histogram quantiles
            }
            double measured = b.value(sla.percentile());
            rule(yaml, name + "LatencyP" + Fmt.decimal(sla.percentile(), 1).replace(".0", "").replace(".", "_")
                    + "Objective", sla.percentile(), sla.limitMs(), selector, "objective " + sla.text() + " (" + sla.origin()
                    + "); " + (Double.isNaN(measured) ? "the load test did not measure this percentile"
                    : "measured " + Fmt.decimal(measured, 1) + " ms in " + b.evidence().id()));
        }
        double errorLimit = Math.max(MIN_ERROR_RATIO, Double.isNaN(b.errorRate()) ? 0 : b.errorRate() * ERROR_RATIO_FACTOR);
        String errorSelector = (selector.isEmpty() ? "" : selector + ",") + "outcome=\"SERVER_ERROR\"";
        yaml.append("      - alert: ").append(name).append("ErrorRatio\n")
                .append("        expr: sum(rate(http_server_requests_seconds_count{").append(errorSelector).append("}[5m]))")
                .append(" / sum(rate(http_server_requests_seconds_count{").append(selector).append("}[5m])) > ")
                .append(Fmt.decimal(errorLimit, 3)).append("\n        for: 10m\n        labels:\n          severity: warning\n")
                .append("        annotations:\n          summary: \"error ratio above ").append(Fmt.percent(errorLimit))
                .append(" (measured ").append(Double.isNaN(b.errorRate()) ? "unknown" : Fmt.percent(b.errorRate()))
                .append(" in ").append(b.evidence().id()).append(")\"\n");
        return yaml.toString();
    }

    /** The tail percentile the tool measured: p95, else p99, else p90 (wrk prints no p95 of its own). */
    private record Tail(String label, double percentile, double ms) {
    }

    private static Tail tail(LatencyBaseline b) {
        if (!Double.isNaN(b.p95())) {
            return new Tail("p95", 95, b.p95());
        }
        if (!Double.isNaN(b.p99())) {
            return new Tail("p99", 99, b.p99());
        }
        if (!Double.isNaN(b.p90())) {
            return new Tail("p90", 90, b.p90());
        }
        return new Tail("mean", -1, b.mean());
    }

    private static void rule(StringBuilder yaml, String alert, double percentile, double limitMs, String selector,
                             String summary) {
        yaml.append("      - alert: ").append(alert).append("\n")
                .append("        expr: histogram_quantile(").append(Fmt.decimal(percentile / 100, 3))
                .append(", sum by (le) (rate(http_server_requests_seconds_bucket{").append(selector).append("}[5m]))) > ")
                .append(Fmt.decimal(limitMs / 1e3, 3)).append("\n        for: 10m\n        labels:\n          severity: page\n")
                .append("        annotations:\n          summary: \"").append(summary.replace("\"", "'")).append("\"\n");
    }

    private static LatencyBaseline firstRequestSeries(LatencySection latency) {
        if (latency == null) {
            return null;
        }
        for (LatencyBaseline b : latency.baselines()) {
            if (dev.evident.core.detect.RequestTime.isRequestSeries(b.series()) && b.evidence() != null
                    && b.evidence().id() != null) {
                return b;
            }
        }
        return null;
    }

    /** The endpoint's path: the incident's, else the series' URL path. */
    private static String endpoint(LatencySection latency, LatencyBaseline b) {
        for (IncidentContext i : latency.incidents()) {
            if (i.endpoint() != null && !i.endpoint().isBlank()) {
                String e = i.endpoint().strip();
                return e.contains(" ") ? e.substring(e.lastIndexOf(' ') + 1) : e;
            }
        }
        return SlaChecks.urlPath(b.series().label());
    }

    private static String camel(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.length() == 0 ? "Service" : out.toString();
    }
}
