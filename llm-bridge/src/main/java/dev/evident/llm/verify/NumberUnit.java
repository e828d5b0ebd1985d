package dev.evident.llm.verify;

import java.util.Locale;

/**
 * A unit written after a number: its dimension and the factors that convert it to the base unit
 * (seconds, bytes). KB, MB and GB have two factors because people write "MB" for both 10^6 and
 * 2^20 bytes; a number matches if either reading does.
 *
 * @param multiplier a count suffix such as k (thousand) applied to the number itself
 */
record NumberUnit(Dimension dimension, double[] factors, double multiplier) {
    static final NumberUnit NONE = new NumberUnit(Dimension.NONE, new double[] {1}, 1);

    /** The unit for a written symbol or word, or {@link #NONE} for anything else (a count word). */
    static NumberUnit parse(String unit) {
        if (unit == null || unit.isBlank()) {
            return NONE;
        }
        String u = unit.strip();
        switch (u) {
            case "%" -> {
                return of(Dimension.PERCENT, 1);
            }
            case "x", "×" -> {
                return of(Dimension.FACTOR, 1);
            }
            case "k", "K" -> {
                return count(1e3);
            }
            case "M" -> {
                return count(1e6);
            }
            case "B" -> {
                return of(Dimension.BYTES, 1);
            }
            case "KiB" -> {
                return of(Dimension.BYTES, 1024);
            }
            case "MiB" -> {
                return of(Dimension.BYTES, 1024.0 * 1024);
            }
            case "GiB" -> {
                return of(Dimension.BYTES, 1024.0 * 1024 * 1024);
            }
            case "TiB" -> {
                return of(Dimension.BYTES, 1024.0 * 1024 * 1024 * 1024);
            }
            case "KB", "kB" -> {
                return new NumberUnit(Dimension.BYTES, new double[] {1e3, 1024}, 1);
            }
            case "MB" -> {
                return new NumberUnit(Dimension.BYTES, new double[] {1e6, 1024.0 * 1024}, 1);
            }
            case "GB" -> {
                return new NumberUnit(Dimension.BYTES, new double[] {1e9, 1024.0 * 1024 * 1024}, 1);
            }
            case "TB" -> {
                return new NumberUnit(Dimension.BYTES, new double[] {1e12, 1024.0 * 1024 * 1024 * 1024}, 1);
            }
            default -> {
                // words below
            }
        }
        String w = u.toLowerCase(Locale.ROOT);
        if (w.startsWith("percent") || w.equals("per cent")) {
            return of(Dimension.PERCENT, 1);
        }
        return switch (w) {
            case "ns", "nanosecond", "nanoseconds" -> of(Dimension.TIME, 1e-9);
            case "µs", "μs", "us", "microsecond", "microseconds" -> of(Dimension.TIME, 1e-6);
            case "ms", "millisecond", "milliseconds" -> of(Dimension.TIME, 1e-3);
            case "s", "sec", "secs", "second", "seconds" -> of(Dimension.TIME, 1);
            case "min", "mins", "minute", "minutes" -> of(Dimension.TIME, 60);
            case "h", "hr", "hrs", "hour", "hours" -> of(Dimension.TIME, 3600);
            case "byte", "bytes" -> of(Dimension.BYTES, 1);
            case "thousand" -> count(1e3);
            case "million" -> count(1e6);
            case "bn", "billion" -> count(1e9);
            default -> {
                // "MiB/s", "ms/op": the leading unit decides
                int slash = u.indexOf('/');
                yield slash > 0 ? parse(u.substring(0, slash)) : NONE;
            }
        };
    }

    private static NumberUnit of(Dimension d, double factor) {
        return new NumberUnit(d, new double[] {factor}, 1);
    }

    private static NumberUnit count(double multiplier) {
        return new NumberUnit(Dimension.NONE, new double[] {1}, multiplier);
    }
}
