package dev.evident.core.render;

import dev.evident.core.detect.RequestTime;
import dev.evident.core.detect.latency.LatencyBaseline;
import dev.evident.core.detect.latency.LatencySection;
import dev.evident.core.detect.latency.SlaCheck;
import dev.evident.core.model.Artifact;
import dev.evident.core.report.Narrative;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.Finding;
import dev.evident.core.model.SkippedArtifact;
import dev.evident.core.plan.Gain;
import dev.evident.core.plan.Hypothesis;
import dev.evident.core.plan.OptimizationPlan;
import dev.evident.core.plan.PlanItem;
import dev.evident.core.plan.ValidationPlan;
import dev.evident.core.report.EvidenceGap;
import dev.evident.core.report.FlameGraph;
import dev.evident.core.report.Report;
import dev.evident.core.util.Fmt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.evident.core.render.Html.escape;

/**
 * The report as one self-contained HTML page for people: the diagnosis and plan first, code with
 * copy buttons, an interactive flame graph per profile metric (click to zoom, search, reset), then
 * the findings, evidence and artifacts. Styles and script are inlined; the page loads nothing.
 */
public final class HtmlRenderer implements Renderer {
    private static final String CSS = resource("report.css");

    /** The page's inlined styles, shared with the comparison page. */
    static String css() {
        return CSS;
    }
    private static final String JS = resource("report.js");

    @Override
    public String format() {
        return "html";
    }

    @Override
    public void render(Report report, Appendable out) throws IOException {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>evident: ").append(escape(report.headline())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        out.append("<header><h1>evident diagnosis</h1><p class=\"headline\">").append(escape(report.headline()))
                .append("</p></header>\n");
        boolean latency = report.latency() != null && !report.latency().baselines().isEmpty();
        out.append("<nav><a href=\"#diagnosis\">Diagnosis</a>").append(latency ? "<a href=\"#latency\">Latency</a>" : "")
                .append(report.narrative() == null ? "" : "<a href=\"#narrative\">Narrative</a>").append("<a href=\"#plan\">Plan</a><a href=\"#validation\">Validation</a>")
                .append(report.flames().isEmpty() ? "" : "<a href=\"#flames\">Flame graphs</a>")
                .append("<a href=\"#findings\">Findings</a><a href=\"#evidence\">Evidence</a><a href=\"#artifacts\">Artifacts</a></nav>\n");
        out.append("<main>\n");
        diagnosis(report, out);
        latency(report, out);
        narrative(report.narrative(), out);
        plan(report.plan(), out);
        validation(report.plan().validation(), out);
        flames(report.flames(), out);
        findings(report, out);
        evidence(report, out);
        gaps(report, out);
        artifacts(report, out);
        out.append("<p class=\"meta\">").append(escape(report.tool())).append("</p>\n</main>\n");
        if (!report.flames().isEmpty()) {
            StringBuilder json = new StringBuilder();
            FlameJson.write(report.flames(), json);
            // "</" would end the script element early
            out.append("<script type=\"application/json\" id=\"flame-data\">")
                    .append(json.toString().replace("</", "<\\/")).append("</script>\n");
        }
        out.append("<script>\n").append(JS).append("</script>\n</body>\n</html>\n");
    }

    private static void diagnosis(Report report, Appendable out) throws IOException {
        Hypothesis h = report.plan().hypothesis();
        out.append("<section id=\"diagnosis\"><h2>Diagnosis</h2>\n<p>").append(Html.linkIds(h.statement())).append("</p>\n")
                .append("<p>Confidence ").append(badge(h.confidence().level().label())).append(' ')
                .append(escape(h.confidence().reason())).append(".</p>\n<ul>\n");
        for (String reason : h.reasons()) {
            out.append("<li>").append(Html.linkIds(reason)).append("</li>\n");
        }
        out.append("</ul>\n<p class=\"meta\">Bound: ").append(escape(report.bound().statement())).append("</p></section>\n");
    }

    /** The measured latency: objectives, one row per series and a percentile chart of the request series. */
    private static void latency(Report report, Appendable out) throws IOException {
        LatencySection latency = report.latency();
        if (latency == null || latency.baselines().isEmpty()) {
            return;
        }
        out.append("<section id=\"latency\"><h2>Latency</h2>\n");
        for (SlaCheck c : latency.slaChecks()) {
            out.append("<p class=\"").append(c.breached() ? "breach" : "met").append("\">")
                    .append(c.breached() ? "Objective breached: " : "Objective met: ").append(Html.linkIds(c.evidence().statement()))
                    .append(" ").append(Html.links(List.of(c.evidence().id()))).append("</p>\n");
        }
        out.append("<table><thead><tr><th>Series</th><th>Requests</th><th>p50</th><th>p95</th><th>p99</th><th>max</th>")
                .append("<th>mean</th><th>req/s</th><th>Evidence</th></tr></thead><tbody>\n");
        List<LatencyChart.Curve> curves = new ArrayList<>();
        for (LatencyBaseline b : latency.baselines()) {
            out.append("<tr><td>").append(escape(b.series().tool() + " " + b.series().label())).append("</td><td class=\"num\">")
                    .append(Fmt.count(b.series().count())).append("</td>");
            for (double v : new double[] {b.p50(), b.p95(), b.p99(), b.max(), b.mean()}) {
                out.append("<td class=\"num\">").append(LatencyMarkdown.ms(v)).append("</td>");
            }
            out.append("<td class=\"num\">").append(Double.isNaN(b.throughput()) ? "–" : Fmt.decimal(b.throughput(), 1))
                    .append("</td><td>").append(b.evidence() == null ? "" : Html.links(List.of(b.evidence().id())))
                    .append("</td></tr>\n");
            if (RequestTime.isRequestSeries(b.series()) && curves.size() < 4) {
                curves.add(new LatencyChart.Curve(b.series().tool() + " " + b.series().label(), "series" + curves.size(),
                        b.series()));
            }
        }
        out.append("</tbody></table>\n");
        if (!curves.isEmpty()) {
            LatencyChart.svg("Latency by percentile", curves, latency.objectives(), out);
        }
        out.append("</section>\n");
    }

    /** The model-written narrative, labelled as such; unverified claims only under "unsupported", with reasons. */
    private static void narrative(Narrative narrative, Appendable out) throws IOException {
        if (narrative == null) {
            return;
        }
        out.append("<section id=\"narrative\"><h2>Narrative <span class=\"meta\">(model-written, ")
                .append(escape(narrative.status().label())).append(")</span></h2>\n<p class=\"meta\">")
                .append(escape(narrative.note())).append(narrative.author() == null ? "" : " Model: " + escape(narrative.author()) + ".")
                .append("</p>\n");
        for (Narrative.Section section : narrative.sections()) {
            out.append("<h3>").append(escape(section.title())).append("</h3>\n<ul>\n");
            for (Narrative.Claim claim : section.claims()) {
                out.append("<li>").append(escape(claim.text().strip())).append(' ').append(Html.links(claim.citations()))
                        .append("</li>\n");
            }
            out.append("</ul>\n");
        }
        if (!narrative.unsupported().isEmpty()) {
            out.append("<h3>Unsupported claims of the model (not shown as fact)</h3>\n<ul>\n");
            for (Narrative.Claim claim : narrative.unsupported()) {
                out.append("<li><q>").append(escape(claim.text().strip())).append("</q> — ")
                        .append(escape(String.join("; ", claim.problems()))).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("</section>\n");
    }

    private static void plan(OptimizationPlan plan, Appendable out) throws IOException {
        out.append("<section id=\"plan\"><h2>Plan</h2>\n");
        if (plan.items().isEmpty()) {
            out.append("<p>No fix to plan: no finding names a change.</p></section>\n");
            return;
        }
        out.append("<table class=\"plan\"><thead><tr><th>#</th><th>Fix</th><th>Findings</th>")
                .append("<th>Gain: conservative / realistic / optimistic</th><th>Effort</th><th>Gain per hour</th></tr></thead><tbody>\n");
        for (PlanItem item : plan.items()) {
            Gain g = item.gain();
            out.append("<tr id=\"").append(item.id()).append("\"><td>").append(item.id())
                    .append(item.quickWin() ? " <span class=\"quick\" title=\"quick win\">⚡</span>" : "").append("</td><td>")
                    .append(escape(item.title())).append("</td><td>").append(Html.links(item.findingIds())).append("</td><td>")
                    .append(g == null ? "not estimated (no cited fraction)" : escape(Fmt.percent(g.conservative()) + " / "
                            + Fmt.percent(g.realistic()) + " / " + Fmt.percent(g.optimistic()) + " of " + g.of())
                            + " " + Html.links(g.evidenceIds()))
                    .append("</td><td class=\"num\">").append(PlanMarkdown.hours(item.effortHours())).append("</td><td class=\"num\">")
                    .append(g == null ? "–" : Fmt.decimal(item.priority(), 1) + " %/h").append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        if (!plan.quickWins().isEmpty()) {
            out.append("<p><span class=\"quick\">⚡</span> Quick wins (under a day, over 30% of the time saved): ")
                    .append(String.join(", ", plan.quickWins())).append(".</p>\n");
        }
        for (PlanItem item : plan.items().subList(0, Math.min(PlanMarkdown.GUIDED_ITEMS, plan.items().size()))) {
            out.append("<h3>").append(item.id()).append(" · ").append(escape(item.title())).append("</h3>\n");
            if (item.gain() != null) {
                out.append("<p class=\"meta\">").append(escape(item.gain().basis())).append("</p>\n");
            }
            Html.textWithCode(item.guidance(), out);
            if (item.code() != null) {
                Html.textWithCode(item.code(), out);
            }
            out.append("<p><strong>Check:</strong> ").append(escape(item.verify())).append("</p>\n");
        }
        out.append("</section>\n");
    }

    private static void validation(ValidationPlan v, Appendable out) throws IOException {
        out.append("<section id=\"validation\"><h2>How to validate</h2>\n");
        if (!v.baseline().isEmpty()) {
            out.append("<p>Baseline to beat:</p><ul>\n");
            for (String b : v.baseline()) {
                out.append("<li>").append(Html.linkIds(b)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("<ol>\n");
        for (String step : v.steps()) {
            out.append("<li>");
            if (step.startsWith("evident ") || step.startsWith("wrk ") || step.startsWith("k6 ")) {
                Html.code(step, "shell", out);
            } else {
                out.append(escape(step));
            }
            out.append("</li>\n");
        }
        out.append("</ol>\n");
        if (v.loadTest() != null) {
            out.append("<p><strong>At scale:</strong> ").append(escape(v.loadTest())).append("</p>\n");
        }
        if (v.alertRules() != null) {
            out.append("<h3>Regression alerts (Prometheus)</h3>\n");
            Html.code(v.alertRules(), "yaml", out);
        }
        out.append("</section>\n");
    }

    private static void flames(List<FlameGraph> flames, Appendable out) throws IOException {
        if (flames.isEmpty()) {
            return;
        }
        out.append("<section id=\"flames\"><h2>Flame graphs</h2>\n<p class=\"meta\">Click a frame to zoom into it, search to ")
                .append("highlight frames by name, Reset to start over. Frames with the same name under the same caller are ")
                .append("merged; frames below a small share of the total are left out (counted per graph below).</p>\n")
                .append("<div class=\"flame-controls\"><select id=\"flame-select\" aria-label=\"profile and metric\">");
        for (int i = 0; i < flames.size(); i++) {
            FlameGraph f = flames.get(i);
            out.append("<option value=\"").append(Integer.toString(i)).append("\">").append(escape(f.source() + " — " + f.metric()))
                    .append(" (").append(Integer.toString(f.size())).append(" frames")
                    .append(f.hiddenNodes() > 0 ? ", " + f.hiddenNodes() + " below " + Fmt.decimal(f.minShare() * 100, 2) + "% left out" : "")
                    .append(")</option>");
        }
        out.append("</select><input id=\"flame-search\" type=\"search\" placeholder=\"Search frames\" aria-label=\"search frames\">")
                .append("<button id=\"flame-reset\" type=\"button\">Reset</button></div>\n")
                .append("<div id=\"flame-zoom\"></div>\n<div id=\"flame-status\"></div>\n<div id=\"flame-view\"></div></section>\n");
    }

    private static void findings(Report report, Appendable out) throws IOException {
        out.append("<section id=\"findings\"><h2>Findings</h2>\n");
        if (report.findings().isEmpty()) {
            out.append("<p>No finding.</p>");
        }
        for (Finding f : report.findings()) {
            out.append("<details class=\"finding\" id=\"").append(f.id()).append("\"").append(f.score() >= 50 ? " open" : "")
                    .append("><summary>").append(f.id()).append(" · ").append(escape(f.title())).append("</summary>\n")
                    .append("<p class=\"meta\">score ").append(Integer.toString(f.score())).append(" · ")
                    .append(badge(f.confidence().level().label())).append(' ').append(escape(f.confidence().reason()))
                    .append(" · ").append(escape(f.category().label())).append(" · detector ").append(escape(f.detector()))
                    .append(" · evidence ").append(Html.links(f.evidenceIds())).append("</p>\n<p>")
                    .append(escape(f.explanation())).append("</p>\n<p><strong>Fix:</strong> ").append(escape(f.fix())).append("</p>\n");
            if (f.example() != null && !f.example().isBlank()) {
                Html.textWithCode(f.example(), out);
            }
            out.append("</details>\n");
        }
        out.append("</section>\n");
    }

    private static void evidence(Report report, Appendable out) throws IOException {
        out.append("<section id=\"evidence\"><h2>Evidence</h2>\n<table><thead><tr><th>Id</th><th>Kind</th><th>Statement</th>")
                .append("<th>Source</th></tr></thead><tbody>\n");
        for (Evidence e : report.evidence()) {
            out.append("<tr id=\"").append(e.id()).append("\"><td>").append(e.id()).append("</td><td>").append(escape(e.kind()))
                    .append("</td><td>").append(escape(e.statement())).append("</td><td>").append(escape(e.source()))
                    .append("</td></tr>\n");
        }
        out.append("</tbody></table></section>\n");
    }

    private static void gaps(Report report, Appendable out) throws IOException {
        if (report.gaps().isEmpty()) {
            return;
        }
        out.append("<section id=\"gaps\"><h2>What to collect next</h2>\n<ul>\n");
        for (EvidenceGap g : report.gaps()) {
            out.append("<li><strong>").append(escape(g.missing())).append("</strong>: without it, ").append(escape(g.consequence()))
                    .append('.');
            Html.code(g.command(), "shell", out);
            out.append("</li>\n");
        }
        out.append("</ul></section>\n");
    }

    private static void artifacts(Report report, Appendable out) throws IOException {
        out.append("<section id=\"artifacts\"><h2>Artifacts</h2>\n<table><thead><tr><th>Path</th><th>Format</th><th>Size</th>")
                .append("<th>Producer</th><th>Warnings</th></tr></thead><tbody>\n");
        for (Artifact a : report.artifacts()) {
            out.append("<tr><td>").append(escape(a.path())).append("</td><td>").append(escape(a.format()))
                    .append("</td><td class=\"num\">").append(Fmt.bytes(a.sizeBytes())).append("</td><td>")
                    .append(escape(a.producer() == null ? "–" : a.producer())).append("</td><td>")
                    .append(escape(String.join("; ", a.warnings()))).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        if (!report.skipped().isEmpty()) {
            out.append("<p>Skipped inputs:</p><ul>\n");
            for (SkippedArtifact s : report.skipped()) {
                out.append("<li>").append(escape(s.path())).append(": ").append(escape(s.reason())).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        if (!report.warnings().isEmpty()) {
            out.append("<p>Analysis warnings:</p><ul>\n");
            for (String w : report.warnings()) {
                out.append("<li>").append(escape(w)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("</section>\n");
    }

    private static String badge(String level) {
        return "<span class=\"badge " + level + "\">" + level + "</span>";
    }

    private static String resource(String name) {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlRenderer.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
