package dev.evident.ingest.latency;

import java.util.Locale;

/** Durations as load tools print them ("635.91us", "1.02ms", "2.50s", "1.5m"), in milliseconds. */
final class Durations {
    private Durations() {
    }

    /** Parses a number with a unit suffix; NaN when it is not one. */
    static double toMs(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.' || t.charAt(i) == '-')) {
            i++;
        }
        if (i == 0) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(t.substring(0, i));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
        return switch (t.substring(i).strip()) {
            case "ns" -> v / 1e6;
            case "us", "µs" -> v / 1e3;
            case "ms", "" -> v;
            case "s" -> v * 1e3;
            case "m" -> v * 60e3;
            case "h" -> v * 3600e3;
            default -> Double.NaN;
        };
    }
}
