package dev.evident.llm.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers in a text, with their units and written precision. Digits that are part of a
 * name are not numbers: ids ({@code E12}), placeholders ({@code {HOST_1}}), identifiers
 * ({@code G1New}, {@code p95}, {@code 5xx}), versions ({@code 1.19.0}) and source positions
 * ({@code main:42}). Everything else is: the verifier holds every number a model writes to account.
 */
final class NumberExtractor {
    private static final String UNITS = "%|percent|per cent"
            + "|ns|nanoseconds?|µs|μs|us|microseconds?|ms|milliseconds?|s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?"
            + "|B|bytes?|KiB|MiB|GiB|TiB|[kK]B|MB|GB|TB"
            + "|x|×|k|K|M|bn|thousand|million|billion";
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{Nd}_.,^#$@/\\\\{:])"
                    + "(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?"
                    + "(?:\\s?(" + UNITS + "))?"
                    + "(?![\\p{L}\\p{Nd}_]|[.,:]\\d)");
    /** Between the two ends of a range ("86.8–91.0%"), whose unit is written once, at the end. */
    private static final Pattern RANGE_GAP = Pattern.compile("\\s*(?:–|—|-|to|and)\\s*");

    private NumberExtractor() {
    }

    static List<Mention> extract(String text) {
        List<Mention> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        List<int[]> spans = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String digits = m.group(1).replace(",", "");
            String fraction = m.group(2);
            NumberUnit unit = NumberUnit.parse(m.group(3));
            out.add(mention(m.group(), digits, fraction, unit));
            spans.add(new int[] {m.start(), m.end(), m.group(3) == null ? 0 : 1});
        }
        for (int i = out.size() - 2; i >= 0; i--) {
            boolean unitless = spans.get(i)[2] == 0;
            String gap = text.substring(spans.get(i)[1], spans.get(i + 1)[0]);
            if (unitless && spans.get(i + 1)[2] == 1 && RANGE_GAP.matcher(gap).matches()) {
                Mention low = out.get(i);
                NumberUnit shared = out.get(i + 1).unit();
                double raw = low.value();
                out.set(i, new Mention(low.text(), raw * shared.multiplier(), low.tolerance() * shared.multiplier(), shared));
                spans.get(i)[2] = 1;
            }
        }
        return out;
    }

    private static Mention mention(String text, String digits, String fraction, NumberUnit unit) {
        double number = new BigDecimal(digits + (fraction == null ? "" : fraction)).doubleValue();
        double tolerance;
        if (fraction != null) {
            tolerance = 0.5 * Math.pow(10, -(fraction.length() - 1));
        } else {
            // "1,200" is 1,2xx rounded to hundreds; "100" or "90" could be exact, so they get no slack
            String significant = digits.replaceFirst("^0+(?=\\d)", "");
            int trailingZeros = significant.length() - significant.replaceFirst("0+$", "").length();
            int sigDigits = significant.length() - trailingZeros;
            tolerance = sigDigits >= 2 && trailingZeros > 0 ? 0.5 * Math.pow(10, trailingZeros) : 0.5;
        }
        return new Mention(text, number * unit.multiplier(), tolerance * unit.multiplier(), unit);
    }
}
