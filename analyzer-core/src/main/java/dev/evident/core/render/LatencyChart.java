package dev.evident.core.render;

import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.Sla;
import dev.evident.core.util.Fmt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.evident.core.render.Html.escape;

/**
 * A latency percentile chart as inline SVG: one line per series (before and after, or several
 * endpoints), latency against percentile on a tail-stretching axis (the distance from 90% to 99%
 * equals that from 0% to 90%, as HdrHistogram plots do), and the objectives as dashed limits. It
 * draws what the series hold: every measurement's percentiles, or only those the tool printed.
 */
final class LatencyChart {
    /** Percentiles drawn: the body and the tail up to the maximum. */
    static final double[] PERCENTILES = {0, 10, 25, 50, 75, 90, 95, 99, 99.9, 100};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;
    /** Where 100% sits on the tail axis: just beyond 99.9%. */
    private static final double MAX_X = 3.3;

    /** One line of the chart. */
    record Curve(String label, String cssClass, LatencySeries series) {
    }

    private LatencyChart() {
    }

    static void svg(String title, List<Curve> curves, List<Sla> objectives, Appendable out) throws IOException {
        List<List<double[]>> lines = new ArrayList<>();
        double maxMs = 0;
        for (Curve c : curves) {
            List<double[]> points = new ArrayList<>();
            for (double p : PERCENTILES) {
                double ms = c.series().percentileMs(p);
                if (!Double.isNaN(ms)) {
                    points.add(new double[] {p, ms});
                    maxMs = Math.max(maxMs, ms);
                }
            }
            lines.add(points);
        }
        for (Sla sla : objectives) {
            maxMs = Math.max(maxMs, sla.limitMs());
        }
        if (maxMs <= 0) {
            return;
        }
        double top = niceCeiling(maxMs * 1.05);
        out.append("<figure class=\"latency-chart\"><svg viewBox=\"0 0 ").append(Integer.toString(WIDTH)).append(' ')
                .append(Integer.toString(HEIGHT)).append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">")
                .append("<title>").append(escape(title)).append("</title>\n");
        for (int i = 0; i <= 4; i++) {
            double ms = top * i / 4;
            double y = y(ms, top);
            out.append("<line class=\"grid\" x1=\"").append(num(LEFT)).append("\" x2=\"").append(num(WIDTH - RIGHT))
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(num(LEFT - 6)).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\">").append(escape(LatencyMarkdown.ms(ms))).append("</text>\n");
        }
        for (double p : new double[] {0, 50, 90, 99, 99.9, 100}) {
            double x = x(p);
            out.append("<text class=\"tick\" x=\"").append(num(x)).append("\" y=\"").append(num(HEIGHT - BOTTOM + 16))
                    .append("\" text-anchor=\"middle\">").append(p == 100 ? "max" : "p" + Fmt.decimal(p, p % 1 == 0 ? 0 : 1))
                    .append("</text>\n");
        }
        out.append("<text class=\"axis\" x=\"").append(num((LEFT + WIDTH - RIGHT) / 2.0)).append("\" y=\"")
                .append(num(HEIGHT - 6)).append("\" text-anchor=\"middle\">percentile (tail stretched)</text>\n");
        for (Sla sla : objectives) {
            double y = y(sla.limitMs(), top);
            out.append("<line class=\"objective\" x1=\"").append(num(LEFT)).append("\" x2=\"").append(num(WIDTH - RIGHT))
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>")
                    .append("<text class=\"objective-label\" x=\"").append(num(WIDTH - RIGHT - 4)).append("\" y=\"")
                    .append(num(y - 4)).append("\" text-anchor=\"end\">").append(escape(sla.text())).append("</text>\n");
        }
        for (int i = 0; i < curves.size(); i++) {
            List<double[]> points = lines.get(i);
            if (points.isEmpty()) {
                continue;
            }
            StringBuilder d = new StringBuilder();
            for (double[] p : points) {
                d.append(d.length() == 0 ? "" : " ").append(num(x(p[0]))).append(',').append(num(y(p[1], top)));
            }
            out.append("<polyline class=\"curve ").append(curves.get(i).cssClass()).append("\" data-series=\"")
                    .append(escape(curves.get(i).label())).append("\" points=\"").append(d).append("\"/>\n");
            for (double[] p : points) {
                out.append("<circle class=\"point ").append(curves.get(i).cssClass()).append("\" cx=\"").append(num(x(p[0])))
                        .append("\" cy=\"").append(num(y(p[1], top))).append("\" r=\"3\"><title>")
                        .append(escape(curves.get(i).label() + ": " + (p[0] == 100 ? "max" : "p" + Fmt.decimal(p[0], 1))
                                + " " + LatencyMarkdown.ms(p[1]))).append("</title></circle>\n");
            }
        }
        out.append("</svg><figcaption>");
        for (Curve c : curves) {
            out.append("<span class=\"legend ").append(c.cssClass()).append("\">").append(escape(c.label())).append("</span> ");
        }
        out.append("</figcaption></figure>\n");
    }

    private static double x(double percentile) {
        double tail = percentile >= 100 ? MAX_X : Math.min(MAX_X, -Math.log10(1 - percentile / 100));
        return LEFT + (WIDTH - LEFT - RIGHT) * tail / MAX_X;
    }

    private static double y(double ms, double top) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - ms / top);
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code v}: round axis labels. */
    static double niceCeiling(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= v) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
