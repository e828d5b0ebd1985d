package dev.evident.core.render;

import dev.evident.core.detect.latency.LatencyBaseline;
import dev.evident.core.detect.latency.LatencyBaselines;
import dev.evident.core.detect.latency.LatencySection;
import dev.evident.core.detect.latency.LatencyThresholds;
import dev.evident.core.detect.latency.SlaCheck;
import dev.evident.core.model.IncidentContext;
import dev.evident.core.util.Fmt;

import java.io.IOException;

/** The Markdown of the report's latency section: objectives first, then the baseline table. */
final class LatencyMarkdown {
    private LatencyMarkdown() {
    }

    /** Lines that lead the report: every breached objective, by how much, and the incident's framing. */
    static void lead(LatencySection latency, Appendable out) throws IOException {
        // one line per objective, the series furthest over it first; the full statements are evidence
        java.util.Map<String, java.util.List<SlaCheck>> byObjective = new java.util.LinkedHashMap<>();
        for (SlaCheck c : latency.breaches()) {
            byObjective.computeIfAbsent(c.sla().text() + " (" + c.sla().origin() + ")", k -> new java.util.ArrayList<>()).add(c);
        }
        for (var e : byObjective.entrySet()) {
            java.util.List<SlaCheck> checks = new java.util.ArrayList<>(e.getValue());
            checks.sort(java.util.Comparator.comparingDouble(SlaCheck::excess).reversed()
                    .thenComparing(c -> c.baseline().series().key()));
            out.append("**SLA breached: ").append(e.getKey()).append("**: ");
            java.util.List<String> parts = new java.util.ArrayList<>();
            for (SlaCheck c : checks) {
                var s = c.baseline().series();
                parts.add(s.tool() + " " + s.label() + " " + c.sla().metricName() + " " + LatencyBaselines.ms(c.measured())
                        + (Double.isNaN(c.low()) ? "" : " (95% CI " + ms(c.low()) + "–" + ms(c.high()) + ")")
                        + ", +" + Fmt.percent(c.excess()) + " [" + c.evidence().id() + "]");
            }
            out.append(String.join("; ", parts)).append(".\n\n");
        }
        // the symptom and the endpoint frame the diagnosis; the stack and the traffic are in the appendix
        for (IncidentContext i : latency.incidents()) {
            out.append("Incident (").append(i.source()).append("): ");
            StringBuilder s = new StringBuilder();
            append(s, "symptom", i.symptom());
            append(s, "endpoint", i.endpoint());
            out.append(s).append(".\n\n");
        }
    }

    /** The whole incident description, for the appendix. */
    static void incidents(LatencySection latency, Appendable out) throws IOException {
        for (IncidentContext i : latency.incidents()) {
            StringBuilder s = new StringBuilder();
            append(s, "symptom", i.symptom());
            append(s, "stack", i.stack());
            append(s, "traffic", i.traffic());
            append(s, "endpoint", i.endpoint());
            out.append("- Incident (").append(i.source()).append("): ").append(s).append(".\n");
        }
        if (!latency.incidents().isEmpty()) {
            out.append('\n');
        }
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value != null) {
            s.append(s.isEmpty() ? "" : "; ").append(name).append(' ').append(value);
        }
    }

    static void section(LatencySection latency, Appendable out) throws IOException {
        if (latency.baselines().isEmpty()) {
            return;
        }
        out.append("## Latency baseline\n\n");
        incidents(latency, out);
        for (SlaCheck c : latency.slaChecks()) {
            if (!c.breached()) {
                out.append("- Objective met: ").append(c.evidence().statement()).append(" [").append(c.evidence().id())
                        .append("]\n");
            }
        }
        if (latency.slaChecks().stream().anyMatch(c -> !c.breached())) {
            out.append('\n');
        }
        out.append("| Series | Requests | p50 | p90 | p95 (95% CI) | p99 (95% CI) | p99.9 | max | mean | req/s | errors "
                + "| p99/p50 | Evidence |\n");
        out.append("|--------|---------:|----:|----:|-------------:|-------------:|------:|----:|-----:|------:|-------:"
                + "|--------:|----------|\n");
        for (LatencyBaseline b : latency.baselines()) {
            out.append("| ").append(cell(b.series().tool() + " " + b.series().label())).append(" | ")
                    .append(Fmt.count(b.series().count())).append(" | ")
                    .append(ms(b.p50())).append(" | ").append(ms(b.p90())).append(" | ")
                    .append(withCi(b.p95(), b.p95Low(), b.p95High())).append(" | ")
                    .append(withCi(b.p99(), b.p99Low(), b.p99High())).append(" | ")
                    .append(ms(b.p999())).append(" | ").append(ms(b.max())).append(" | ").append(ms(b.mean())).append(" | ")
                    .append(Double.isNaN(b.throughput()) ? "–" : Fmt.decimal(b.throughput(), 1)).append(" | ")
                    .append(Double.isNaN(b.errorRate()) ? "–" : Fmt.percent(b.errorRate())).append(" | ")
                    .append(Double.isNaN(b.tailRatio()) || Double.isInfinite(b.tailRatio()) ? "–"
                            : Fmt.decimal(b.tailRatio(), 1) + (b.tailRatio() >= LatencyThresholds.TAIL_RATIO_WARNING.value()
                            ? " (heavy tail)" : ""))
                    .append(" | ").append(b.evidence().id()).append(" |\n");
        }
        out.append("\nPercentiles by nearest rank; intervals are 95% percentile-bootstrap intervals where every request "
                + "was measured, \"–\" where the tool did not report the value.\n\n");
    }

    /** A latency as the reports print it, "–" when unknown. */
    static String ms(double v) {
        return Double.isNaN(v) ? "–" : LatencyBaselines.ms(v);
    }

    private static String withCi(double v, double low, double high) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Double.isNaN(low) ? ms(v) : ms(v) + " (" + ms(low).replace(" ms", "") + "–" + ms(high) + ")";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
