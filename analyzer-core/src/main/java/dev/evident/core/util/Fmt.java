package dev.evident.core.util;

import java.util.Locale;

/**
 * Number formatting for statements and reports. Always {@link Locale#ROOT}, so output is the same
 * on every machine, and every number shown can be matched against the evidence it came from.
 */
public final class Fmt {
    private Fmt() {
    }

    /** 0.9234 -> "92.3%". */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** Interval of fractions -> "90.1–94.0%". */
    public static String interval(double low, double high) {
        return String.format(Locale.ROOT, "%.1f–%.1f%%", low * 100, high * 100);
    }

    /** 1234567 -> "1,234,567". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    /** Nanoseconds in the largest unit that keeps the number readable: "1.25 s", "340 ms". */
    public static String duration(long nanos) {
        double abs = Math.abs(nanos);
        if (abs >= 1e9) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        if (abs >= 1e6) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        if (abs >= 1e3) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        return nanos + " ns";
    }

    /** Bytes in binary units: "1.5 MiB". */
    public static String bytes(long bytes) {
        double abs = Math.abs(bytes);
        if (abs >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
        }
        if (abs >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        if (abs >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
