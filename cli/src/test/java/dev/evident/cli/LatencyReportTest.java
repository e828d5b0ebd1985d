package dev.evident.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The latency part of {@code evident analyze}: baseline, objectives from incident.yaml and --sla, determinism. */
class LatencyReportTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void theReportLeadsWithTheBreachOfTheIncidentObjective() {
        assertThat(run("analyze", Samples.of("http-latency/before").toString())).isZero();
        String md = out.toString();
        String lead = md.substring(0, md.indexOf("## Latency baseline"));
        assertThat(lead).startsWith("# evident diagnosis\n\n**SLA breached: p95 < 25ms (")
                .containsPattern("\\*\\*SLA breached: p95 < 25ms \\([^)]*samples/http-latency/before/incident\\.yaml\\)\\*\\*: .*"
                        + "HdrHistogram /orders/distinct p95 [\\d.]+ ms \\(95% CI [\\d.]+ ms–[\\d.]+ ms\\), \\+\\d+\\.\\d% \\[E\\d+\\]")
                .contains("**SLA breached: p99 < 60ms (")
                .contains("Incident (" + Samples.of("http-latency/before/incident.yaml") + "): symptom GET /orders/distinct");
        assertThat(md).contains("| ab ab-requests.tsv.gz | 1,500 |").containsPattern("\\| wrk http://127\\.0\\.0\\.1:18091/orders/distinct\\?n=4000 \\| [\\d,]+ \\|");
    }

    @Test
    void slaFromTheCommandLineThatIsMetIsListedWithItsMargin() {
        assertThat(run("analyze", Samples.of("dedupe-cli/after/hyperfine-01.json").toString(), "--sla", "p95<5s")).isZero();
        assertThat(out.toString()).doesNotContain("SLA breached").containsPattern(
                "Objective met: p95 of hyperfine dedupe n=30000 is [\\d.]+ ms, within the objective p95<5s \\(--sla\\) with [\\d,.]+ ms to spare");
    }

    @Test
    void badSlaIsAUsageError() {
        assertThat(run("analyze", Samples.of("dedupe-cli/after/hyperfine-01.json").toString(), "--sla", "fast please")).isEqualTo(2);
        assertThat(err.toString()).contains("--sla: cannot read the objective 'fast please'");
    }

    @Test
    void latencyReportsAndComparisonsAreByteIdentical() {
        String dir = Samples.of("http-latency/before").toString();
        run("analyze", dir, "--format", "json");
        String first = out.toString();
        out.getBuffer().setLength(0);
        run("analyze", dir, "--format", "json");
        assertThat(out.toString()).isEqualTo(first).contains("\"p95CiLowMs\"");
        out.getBuffer().setLength(0);
        String before = Samples.of("http-latency/before").toString();
        String after = Samples.of("http-latency/after").toString();
        run("compare", before, after, "--format", "json");
        String compared = out.toString();
        out.getBuffer().setLength(0);
        run("compare", before, after, "--format", "json");
        assertThat(out.toString()).isEqualTo(compared);
    }
}
