package dev.evident.ingest.pprof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of a saved {@code go tool pprof -top} (or {@code -top -cum}) output, parsed back into
 * numbers: flat and cum in the profile's base unit (nanoseconds, bytes, counts), with the rounding
 * the text shows, and the "Dropped N nodes (cum <= X)" threshold.
 */
record GoToolTop(List<Row> rows, double droppedCum) {

    record Row(String name, double flat, double flatPrecision, double cum, double cumPrecision) {
    }

    private static final Pattern ROW = Pattern.compile(
            "^\\s*(\\S+)\\s+[\\d.]+%\\s+[\\d.]+%\\s+(\\S+)\\s+[\\d.]+%\\s+(.+?)(?: \\(inline\\))?$");
    private static final Pattern DROPPED = Pattern.compile("Dropped \\d+ nodes? \\(cum <= (\\S+)\\)");
    private static final Pattern VALUE = Pattern.compile("^(-?[\\d.]+)([a-zA-Z]*)$");

    static GoToolTop parse(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        double dropped = -1;
        for (String line : Files.readAllLines(file)) {
            Matcher d = DROPPED.matcher(line);
            if (d.find()) {
                dropped = value(d.group(1))[0];
            }
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                double[] flat = value(m.group(1));
                double[] cum = value(m.group(2));
                rows.add(new Row(m.group(3), flat[0], flat[1], cum[0], cum[1]));
            }
        }
        return new GoToolTop(rows, dropped);
    }

    /** {value in base units, half of the last printed digit in base units}. */
    static double[] value(String text) {
        Matcher m = VALUE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a pprof value: " + text);
        }
        String digits = m.group(1);
        double scale = switch (m.group(2)) {
            case "", "B" -> 1;
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "mins" -> 60e9;
            case "hrs" -> 3600e9;
            case "kB" -> 1024;
            case "MB" -> 1024.0 * 1024;
            case "GB" -> 1024.0 * 1024 * 1024;
            case "TB" -> 1024.0 * 1024 * 1024 * 1024;
            default -> throw new IllegalArgumentException("unknown unit in " + text);
        };
        int dot = digits.indexOf('.');
        double lastDigit = dot < 0 ? 1 : Math.pow(10, -(digits.length() - dot - 1));
        return new double[] {Double.parseDouble(digits) * scale, lastDigit * scale / 2};
    }
}
