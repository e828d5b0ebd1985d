package dev.evident.core.render;

import dev.evident.core.compare.Comparer;
import dev.evident.core.compare.Comparison;
import dev.evident.core.compare.FindingChange;
import dev.evident.core.compare.MetricChange;
import dev.evident.core.compare.SeriesComparison;
import dev.evident.core.util.Fmt;

import java.io.IOException;
import java.util.List;

import static dev.evident.core.render.Html.escape;

/**
 * {@code evident compare --format html}: one self-contained page with the verdict, a before/after
 * percentile chart per latency series, the tested statistics and the findings that appeared,
 * disappeared or changed. Like the report page it loads nothing.
 */
public final class ComparisonHtml {
    private ComparisonHtml() {
    }

    public static void render(Comparison c, Appendable out) throws IOException {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>evident comparison: ").append(escape(c.headline())).append("</title>\n<style>\n")
                .append(HtmlRenderer.css()).append("</style>\n</head>\n<body>\n")
                .append("<header><h1>evident comparison</h1><p class=\"headline\">").append(escape(c.headline()))
                .append("</p></header>\n<main>\n<p>Verdict: <strong class=\"verdict-").append(verdictClass(c.verdict().label()))
                .append("\">").append(escape(c.verdict().label())).append("</strong>. A statistic counts as improved or regressed ")
                .append("when its test is significant at α = ").append(Fmt.decimal(c.options().alpha(), 2))
                .append(" and its whole 95% interval lies beyond the ±").append(Fmt.percent(c.options().noiseBand()))
                .append(" noise band.</p>\n");
        for (SeriesComparison s : c.latency()) {
            out.append("<section class=\"series\"><h2>").append(escape(s.key())).append(": <span class=\"verdict-")
                    .append(verdictClass(s.verdict().label())).append("\">").append(escape(s.verdict().label()))
                    .append("</span></h2>\n");
            LatencyChart.svg("Latency by percentile, before and after: " + s.key(), List.of(
                    new LatencyChart.Curve("before (" + Fmt.count(s.before().count()) + " requests)", "before", s.before()),
                    new LatencyChart.Curve("after (" + Fmt.count(s.after().count()) + " requests)", "after", s.after())),
                    List.of(), out);
            out.append("<table><thead><tr><th>Statistic</th><th>Before</th><th>After</th><th>Change</th><th>95% interval</th>")
                    .append("<th>p</th><th>Method</th><th>Verdict</th></tr></thead><tbody>\n");
            for (MetricChange m : s.changes()) {
                out.append("<tr><td>").append(escape(m.metric())).append("</td><td class=\"num\">").append(LatencyMarkdown.ms(m.before()))
                        .append("</td><td class=\"num\">").append(LatencyMarkdown.ms(m.after())).append("</td><td class=\"num\">")
                        .append(escape(Comparer.signed(m.relative()))).append("</td><td>")
                        .append(Double.isNaN(m.low()) ? "–" : escape(Comparer.signed(m.low()) + " to " + Comparer.signed(m.high())))
                        .append("</td><td class=\"num\">").append(Double.isNaN(m.p()) ? "–" : m.p() < 1e-4 ? "&lt;0.0001"
                                : Fmt.decimal(m.p(), 4)).append("</td><td>").append(escape(m.method())).append("</td><td class=\"verdict-")
                        .append(verdictClass(m.verdict().label())).append("\">").append(escape(m.verdict().label()))
                        .append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
            if (s.note() != null) {
                out.append("<p class=\"meta\">").append(escape(s.note())).append("</p>\n");
            }
            out.append("</section>\n");
        }
        for (String u : c.unpaired()) {
            out.append("<p class=\"meta\">Not compared, ").append(escape(u)).append("</p>\n");
        }
        if (!c.findings().isEmpty()) {
            out.append("<section><h2>Findings</h2><table><thead><tr><th>Status</th><th>Score before</th><th>Score after</th>")
                    .append("<th>Finding</th></tr></thead><tbody>\n");
            for (FindingChange f : c.findings()) {
                out.append("<tr><td>").append(escape(f.status())).append("</td><td class=\"num\">")
                        .append(f.scoreBefore() < 0 ? "–" : String.valueOf(f.scoreBefore())).append("</td><td class=\"num\">")
                        .append(f.scoreAfter() < 0 ? "–" : String.valueOf(f.scoreAfter())).append("</td><td>")
                        .append(escape(f.title())).append("</td></tr>\n");
            }
            out.append("</tbody></table></section>\n");
        }
        out.append("<p class=\"meta\">").append(escape(c.tool())).append("</p>\n</main>\n</body>\n</html>\n");
    }

    private static String verdictClass(String label) {
        return label.replace(' ', '-');
    }
}
