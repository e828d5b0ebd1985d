package dev.evident.core.detect.latency;

import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.IncidentContext;
import dev.evident.core.model.Quantity;
import dev.evident.core.model.Sla;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks every latency objective (from {@code --sla} and from incident files) against every series
 * it applies to: an incident's objectives apply to the series whose label contains its
 * {@code endpoint}, or to all series when it names none.
 */
public final class SlaChecks {
    private SlaChecks() {
    }

    public static List<SlaCheck> of(List<LatencyBaseline> baselines, List<Sla> commandLine, EvidenceSet evidence) {
        List<SlaCheck> out = new ArrayList<>();
        for (Sla sla : commandLine) {
            for (LatencyBaseline b : baselines) {
                check(sla, b).ifPresent(out::add);
            }
        }
        for (IncidentContext incident : evidence.incidents()) {
            List<LatencyBaseline> matched = baselines.stream().filter(b -> applies(incident.endpoint(), b)).toList();
            if (matched.isEmpty()) {
                // a load tool driven by a script names only the host (wrk -s): such series are the endpoint's
                matched = baselines.stream().filter(b -> !namesPath(b.series().label())).toList();
            }
            for (Sla sla : incident.slas()) {
                for (LatencyBaseline b : matched) {
                    check(sla, b).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /** Whether a series label is a URL with a path beyond "/" (or any label that is not a URL). */
    static boolean namesPath(String label) {
        return !label.contains("://") || urlPath(label) != null;
    }

    /** The path of a URL label beyond "/", without its query ("/orders" of "http://h:1/orders?n=4"); else null. */
    public static String urlPath(String label) {
        int scheme = label.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int slash = label.indexOf('/', scheme + 3);
        if (slash < 0 || slash == label.length() - 1) {
            return null;
        }
        int query = label.indexOf('?', slash);
        return query < 0 ? label.substring(slash) : query == slash + 1 ? null : label.substring(slash, query);
    }

    private static boolean applies(String endpoint, LatencyBaseline b) {
        if (endpoint == null || endpoint.isBlank()) {
            return true;
        }
        String e = endpoint.toLowerCase(Locale.ROOT).strip();
        String path = e.contains(" ") ? e.substring(e.lastIndexOf(' ') + 1) : e;
        String label = b.series().label().toLowerCase(Locale.ROOT);
        return label.contains(e) || label.contains(path);
    }

    private static java.util.Optional<SlaCheck> check(Sla sla, LatencyBaseline b) {
        double measured = b.value(sla.percentile());
        if (Double.isNaN(measured)) {
            return java.util.Optional.empty();
        }
        double low = Double.NaN;
        double high = Double.NaN;
        if (sla.percentile() == 95) {
            low = b.p95Low();
            high = b.p95High();
        } else if (sla.percentile() == 99) {
            low = b.p99Low();
            high = b.p99High();
        }
        double over = measured - sla.limitMs();
        double excess = measured / sla.limitMs() - 1;
        String series = b.series().tool() + " " + b.series().label();
        String statement;
        if (over > 0) {
            statement = sla.metricName() + " of " + series + " is " + LatencyBaselines.ms(measured)
                    + (Double.isNaN(low) ? "" : " (95% CI " + LatencyBaselines.ms(low) + "–" + LatencyBaselines.ms(high) + ")")
                    + ", over the objective " + sla.text() + " (" + sla.origin() + ") by " + LatencyBaselines.ms(over)
                    + " (+" + Fmt.percent(excess) + ")";
        } else {
            statement = sla.metricName() + " of " + series + " is " + LatencyBaselines.ms(measured) + ", within the "
                    + "objective " + sla.text() + " (" + sla.origin() + ") with " + LatencyBaselines.ms(-over) + " to spare";
        }
        List<Quantity> values = new ArrayList<>();
        values.add(Quantity.of("measured", measured, "ms"));
        values.add(Quantity.of("limit", sla.limitMs(), "ms"));
        values.add(Quantity.of("over", over, "ms"));
        values.add(Quantity.of("excess", excess * 100, "%"));
        if (!Double.isNaN(low)) {
            values.add(Quantity.of("ci_low", low, "ms"));
            values.add(Quantity.of("ci_high", high, "ms"));
        }
        Evidence e = new Evidence(null, "sla|" + sla.text() + "|" + sla.origin() + "|" + b.series().source() + "|"
                + b.series().key(), "sla-check", statement, values, b.series().source(), b.series().label());
        return java.util.Optional.of(new SlaCheck(sla, b, measured, low, high, e));
    }
}
