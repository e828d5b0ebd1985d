package dev.evident.core.render;

import dev.evident.core.detect.bound.BoundClassification;
import dev.evident.core.model.Confidence;
import dev.evident.core.plan.Planner;
import dev.evident.core.detect.latency.LatencySection;
import dev.evident.core.report.Narrative;
import dev.evident.core.report.Report;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NarrativeRenderingTest {
    private static final BoundClassification NO_BOUND =
            new BoundClassification(null, new Confidence(Confidence.Level.LOW, "no data"), List.of(), "No bound.");
    private static final Report PLAIN = new Report("evident test", "Nothing dominates.", NO_BOUND,
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), LatencySection.empty(),
            new Planner().plan(List.of(), NO_BOUND, List.of()), List.of());

    private static String md(Report r) throws IOException {
        StringBuilder sb = new StringBuilder();
        new MarkdownRenderer().render(r, sb);
        return sb.toString();
    }

    private static String json(Report r) throws IOException {
        StringBuilder sb = new StringBuilder();
        new JsonRenderer().render(r, sb);
        return sb.toString();
    }

    @Test
    void noNarrativeLeavesTheReportAsItWas() throws IOException {
        assertThat(md(PLAIN)).doesNotContain("Narrative");
        assertThat(json(PLAIN)).doesNotContain("narrative");
    }

    @Test
    void aVerifiedNarrativeIsMarkedModelWrittenAndComesBeforeTheAppendix() throws IOException {
        Narrative n = new Narrative(Narrative.Status.VERIFIED, "openai m at http://h/v1", 1, "Checked.",
                List.of(new Narrative.Section("Bottleneck",
                        List.of(new Narrative.Claim("The loop takes 90.7% of CPU samples.", List.of("F1", "E2"), List.of())))),
                List.of());
        String md = md(PLAIN.withNarrative(n));
        assertThat(md).contains("## Narrative (model-written, verified by evident)\n\nChecked. Model: openai m at http://h/v1.\n\n"
                + "### Bottleneck\n\n- The loop takes 90.7% of CPU samples. [F1, E2]\n\n---\n\n# Appendix");
        assertThat(json(PLAIN.withNarrative(n))).contains("\"narrative\": {\n    \"status\": \"verified\",\n"
                + "    \"modelWritten\": true,\n    \"author\": \"openai m at http://h/v1\",\n    \"answers\": 1,")
                .contains("\"text\": \"The loop takes 90.7% of CPU samples.\",\n            \"evidence\": [\n"
                        + "              \"F1\",\n              \"E2\"\n            ],\n            \"verified\": true,\n"
                        + "            \"problems\": []");
    }

    @Test
    void theHtmlPageLabelsTheNarrativeAndEscapesWhatTheModelWrote() throws IOException {
        Narrative n = new Narrative(Narrative.Status.VERIFIED, "openai m", 1, "Checked.",
                List.of(new Narrative.Section("Bottleneck",
                        List.of(new Narrative.Claim("The <loop> takes 90.7% of CPU samples.", List.of("F1"), List.of())))),
                List.of(new Narrative.Claim("It is 12x faster.", List.of("F1"), List.of("12x is in no cited item"))));
        StringBuilder html = new StringBuilder();
        new HtmlRenderer().render(PLAIN.withNarrative(n), html);
        assertThat(html).contains("<section id=\"narrative\"><h2>Narrative <span class=\"meta\">(model-written, verified")
                .contains("The &lt;loop&gt; takes 90.7% of CPU samples.")
                .contains("Unsupported claims of the model (not shown as fact)")
                .contains("<q>It is 12x faster.</q> — 12x is in no cited item");
        StringBuilder plain = new StringBuilder();
        new HtmlRenderer().render(PLAIN, plain);
        assertThat(plain).doesNotContain("id=\"narrative\"");
    }

    @Test
    void aRejectedNarrativeShowsOnlyTheUnsupportedClaimsWithTheirProblems() throws IOException {
        Narrative n = new Narrative(Narrative.Status.REJECTED, "a", 2, "Failed twice.", List.of(),
                List.of(new Narrative.Claim("impact 1: 40x faster", List.of("F1"),
                        List.of("the number '40x' matches no number in F1 (within rounding)"))));
        assertThat(md(PLAIN.withNarrative(n))).contains("## Narrative (model-written): rejected, not shown\n\nFailed twice.")
                .contains("- \"impact 1: 40x faster\" [F1] — the number '40x' matches no number in F1 (within rounding)")
                .doesNotContain("###");
        assertThat(json(PLAIN.withNarrative(n))).contains("\"status\": \"rejected\"").contains("\"verified\": false");
    }
}
