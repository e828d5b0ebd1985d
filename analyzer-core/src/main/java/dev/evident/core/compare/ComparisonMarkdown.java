package dev.evident.core.compare;

import dev.evident.core.detect.latency.LatencyBaselines;
import dev.evident.core.model.SkippedArtifact;
import dev.evident.core.util.Fmt;

import java.io.IOException;

/** {@code evident compare} as Markdown, for a pull request or a ticket. */
public final class ComparisonMarkdown {
    static final int TOP_METHODS = 15;

    private ComparisonMarkdown() {
    }

    public static void render(Comparison c, Appendable out) throws IOException {
        out.append("# evident comparison\n\n");
        out.append("**").append(c.headline()).append("**\n\n");
        out.append("Verdict: **").append(c.verdict().label()).append("**. A statistic counts as improved or regressed when ")
                .append("its test is significant at α = ").append(Fmt.decimal(c.options().alpha(), 2))
                .append(" and its whole 95% interval lies beyond the ±").append(Fmt.percent(c.options().noiseBand()))
                .append(" noise band.\n\n");
        if (!c.latency().isEmpty()) {
            out.append("## Latency\n\n");
            out.append("| Series | Statistic | Before | After | Change | 95% interval | p | Method | Verdict |\n");
            out.append("|--------|-----------|-------:|------:|-------:|--------------|--:|--------|---------|\n");
            for (SeriesComparison s : c.latency()) {
                for (MetricChange m : s.changes()) {
                    out.append("| ").append(cell(s.key())).append(" | ").append(m.metric()).append(" | ")
                            .append(LatencyBaselines.ms(m.before())).append(" | ").append(LatencyBaselines.ms(m.after()))
                            .append(" | ").append(Comparer.signed(m.relative())).append(" | ")
                            .append(Double.isNaN(m.low()) ? "–" : Comparer.signed(m.low()) + " to " + Comparer.signed(m.high()))
                            .append(" | ").append(p(m.p())).append(" | ").append(m.method()).append(" | ")
                            .append(m.verdict().label()).append(" |\n");
                }
            }
            out.append('\n');
            for (SeriesComparison s : c.latency()) {
                out.append("- ").append(s.key()).append(": **").append(s.verdict().label()).append("** (")
                        .append(Fmt.count(s.before().count())).append(" → ").append(Fmt.count(s.after().count()))
                        .append(" measurements");
                if (s.mannWhitney() != null) {
                    String p = p(s.mannWhitney().p());
                    out.append("; Mann-Whitney U p ").append(p.startsWith("<") ? "< " + p.substring(1) : "= " + p)
                            .append(", P(after slower than before) = ").append(Fmt.decimal(s.mannWhitney().superiority(), 3));
                }
                if (s.note() != null) {
                    out.append("; ").append(s.note());
                }
                out.append(")\n");
            }
            out.append('\n');
        }
        for (String u : c.unpaired()) {
            out.append("- Not compared, ").append(u).append('\n');
        }
        if (!c.unpaired().isEmpty()) {
            out.append('\n');
        }
        for (ProfileComparison p : c.profiles()) {
            out.append("## Profile: ").append(p.metric()).append("\n\n");
            out.append("Shares of each side's total (").append(Fmt.count(p.totalBefore())).append(" → ")
                    .append(Fmt.count(p.totalAfter())).append(' ').append(p.unit())
                    .append("), like `pprof -diff_base -normalize`; the methods whose self share moved most explain the "
                            + "change. p from a two-proportion z-test").append(p.unit().equals("samples") ? "" :
                            " on weights (indicative only)").append(".\n\n");
            out.append("| Method | Self before | Self after | Δ self | p | Total before | Total after | Δ total |\n");
            out.append("|--------|------------:|-----------:|-------:|--:|-------------:|------------:|--------:|\n");
            int shown = 0;
            for (MethodDelta d : p.methods()) {
                if (shown++ == TOP_METHODS) {
                    break;
                }
                out.append("| ").append(cell(d.method())).append(" | ").append(Fmt.percent(d.selfBefore())).append(" | ")
                        .append(Fmt.percent(d.selfAfter())).append(" | ").append(points(d.selfDelta())).append(" | ")
                        .append(p(d.selfP())).append(" | ").append(Fmt.percent(d.totalBefore())).append(" | ")
                        .append(Fmt.percent(d.totalAfter())).append(" | ").append(points(d.totalDelta())).append(" |\n");
            }
            if (p.methods().isEmpty()) {
                out.append("| (no method moved by a point or more) | | | | | | | |\n");
            }
            out.append("\nThe differential flame graph data set is in the JSON output (`profiles[].flameGraph`).\n\n");
        }
        if (!c.findings().isEmpty()) {
            out.append("## Findings\n\n| Status | Score before | Score after | Finding |\n|--------|------:|------:|---------|\n");
            for (FindingChange f : c.findings()) {
                out.append("| ").append(f.status()).append(" | ").append(f.scoreBefore() < 0 ? "–" : String.valueOf(f.scoreBefore()))
                        .append(" | ").append(f.scoreAfter() < 0 ? "–" : String.valueOf(f.scoreAfter())).append(" | ")
                        .append(cell(f.title())).append(" |\n");
            }
            out.append('\n');
        }
        out.append("## Inputs\n\n");
        out.append("Before: ").append(String.join(", ", c.before().stream().map(a -> a.path() + " (" + a.format() + ")").toList()))
                .append("\n\nAfter: ").append(String.join(", ", c.after().stream().map(a -> a.path() + " (" + a.format() + ")").toList()))
                .append("\n\n");
        for (SkippedArtifact s : c.skipped()) {
            out.append("- Skipped ").append(s.path()).append(": ").append(s.reason()).append('\n');
        }
        out.append("_").append(c.tool()).append("_\n");
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return "–";
        }
        return p < 1e-4 ? "<0.0001" : Fmt.decimal(p, 4);
    }

    private static String points(double delta) {
        return (delta >= 0 ? "+" : "") + Fmt.decimal(delta * 100, 1) + " pt";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
