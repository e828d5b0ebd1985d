package dev.evident.core.scale;

import dev.evident.core.util.Fmt;

import java.io.IOException;
import java.util.Locale;

/** {@code evident scale} as Markdown. */
public final class ScaleMarkdown {
    static final int TOP_METHODS = 10;

    private ScaleMarkdown() {
    }

    public static void render(ScaleAnalysis a, Appendable out) throws IOException {
        out.append("# evident scale\n\n**").append(a.headline()).append("**\n\n");
        out.append("Each cost is fitted as cost = a · n^k by least squares on log–log axes; k's interval is the 95% "
                + "Student-t interval of the slope (m − 2 degrees of freedom). The complexity class is the candidate "
                + "c · g(n) with the smallest RMS error on log axes (Google Benchmark's BigO rule, fitted on log axes).\n\n");
        if (!a.series().isEmpty()) {
            out.append("## Series\n\n");
            table(a.series(), out, false);
        }
        if (!a.methods().isEmpty()) {
            out.append("## Methods (from profiles)\n\n");
            if (a.fastest() != null) {
                out.append("Fastest-growing application method: **").append(a.fastest().subject()).append("**, k = ")
                        .append(Fmt.decimal(a.fastest().fit().k(), 2)).append(", ")
                        .append(Fmt.percent(a.fastest().shareAtLargest())).append(" of the largest run.\n\n");
            }
            double minShare = dev.evident.core.detect.latency.LatencyThresholds.SCALE_METHOD_MIN_SHARE.value();
            java.util.List<ScaleFit> shown = a.methods().stream().filter(f -> f.shareAtLargest() >= minShare)
                    .limit(TOP_METHODS).toList();
            table(shown, out, true);
            int hidden = a.methods().size() - shown.size();
            if (hidden > 0) {
                out.append(String.valueOf(hidden)).append(" more methods fitted; each carries less than ").append(Fmt.percent(minShare))
                        .append(" of the largest run or ranks below the first ").append(String.valueOf(TOP_METHODS))
                        .append(" (all are in the JSON output). Small methods can show any slope: runtime frames that run once "
                                + "per process look like n² once divided by repetitions that shrink as 1/n².\n\n");
            }
        }
        for (String note : a.notes()) {
            out.append("- ").append(note).append('\n');
        }
        out.append("\n_").append(a.tool()).append("_\n");
    }

    private static void table(java.util.List<ScaleFit> fits, Appendable out, boolean methods) throws IOException {
        boolean at = fits.stream().anyMatch(f -> !Double.isNaN(f.at()));
        out.append("| ").append(methods ? "Method" : "Series").append(" | Sizes | Cost at smallest → largest | k | 95% CI of k "
                + "| R² | Class |").append(methods ? " Share of largest run |" : "")
                .append(at ? " Extrapolated (95% prediction interval) |" : "").append('\n');
        out.append("|---|---|---|--:|---|--:|---|").append(methods ? "--:|" : "").append(at ? "---|" : "").append('\n');
        for (ScaleFit f : fits) {
            int last = f.n().length - 1;
            out.append("| ").append(f.subject().replace("|", "\\|")).append(" | ").append(size(f.n()[0])).append(" … ")
                    .append(size(f.n()[last])).append(" (").append(String.valueOf(f.n().length)).append(") | ")
                    .append(num(f.cost()[0])).append(" → ").append(num(f.cost()[last])).append(' ').append(f.unit())
                    .append(" | ").append(Fmt.decimal(f.fit().k(), 2)).append(" | ")
                    .append(Double.isNaN(f.fit().kLow()) ? "–" : Fmt.decimal(f.fit().kLow(), 2) + "–" + Fmt.decimal(f.fit().kHigh(), 2))
                    .append(" | ").append(Fmt.decimal(f.fit().rSquared(), 3)).append(" | ").append(f.best().label()).append(" |");
            if (methods) {
                out.append(' ').append(Fmt.percent(f.shareAtLargest())).append(" |");
            }
            if (at) {
                out.append(" n = ").append(size(f.at())).append(": ").append(num(f.predicted())).append(" (")
                        .append(num(f.low())).append("–").append(num(f.high())).append(") |");
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private static String size(double n) {
        return n == Math.rint(n) ? Fmt.count((long) n) : Fmt.decimal(n, 2);
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        return a >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : a >= 1 ? Fmt.decimal(v, 2) : Fmt.decimal(v, 4);
    }
}
