package dev.evident.core.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A latency objective such as {@code p95<500ms}: a percentile (or {@code mean}/{@code max}) that
 * must stay below a limit.
 *
 * @param percentile the percentile 0..100; 100 for max; NaN for the mean
 * @param limitMs    the limit in milliseconds
 * @param text       the objective as the user wrote it
 * @param origin     where it came from: {@code --sla} or the incident file's path
 */
public record Sla(double percentile, double limitMs, String text, String origin) {

    private static final Pattern FORM = Pattern.compile(
            "\\s*(p\\d+(?:\\.\\d+)?|median|mean|avg|max)\\s*(<=|<)\\s*(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s)?\\s*",
            Pattern.CASE_INSENSITIVE);

    /**
     * Parses {@code p95<500ms}, {@code p99.9 < 1.2s}, {@code median<80ms}, {@code mean<200 ms},
     * {@code max<2s}; a number without unit is milliseconds.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static Sla parse(String text, String origin) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read the objective '" + text + "': expected a percentile, '<' and "
                    + "a limit with a unit, e.g. p95<500ms, p99.9<1.2s, median<80ms, mean<200ms or max<2s");
        }
        String metric = m.group(1).toLowerCase(Locale.ROOT);
        double percentile = switch (metric) {
            case "median" -> 50;
            case "max" -> 100;
            case "mean", "avg" -> Double.NaN;
            default -> Double.parseDouble(metric.substring(1));
        };
        if (percentile > 100) {
            throw new IllegalArgumentException("cannot read the objective '" + text + "': a percentile is at most 100");
        }
        double value = Double.parseDouble(m.group(3));
        String unit = m.group(4) == null ? "ms" : m.group(4).toLowerCase(Locale.ROOT);
        double ms = switch (unit) {
            case "us", "µs" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
        return new Sla(percentile, ms, text.strip(), origin);
    }

    /** "p95", "p99.9", "mean", "max". */
    public String metricName() {
        if (Double.isNaN(percentile)) {
            return "mean";
        }
        if (percentile == 100) {
            return "max";
        }
        return percentile == Math.rint(percentile) ? "p" + (long) percentile : "p" + percentile;
    }
}
