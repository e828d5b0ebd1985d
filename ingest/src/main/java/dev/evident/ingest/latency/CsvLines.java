package dev.evident.ingest.latency;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A streaming, byte-level CSV splitter: one line at a time into field start/end offsets over a
 * reused buffer, with RFC 4180 quotes (a quoted field may hold the delimiter, a doubled quote and
 * line breaks). No object per line or field, which is what keeps a gigabyte JTL fast.
 */
final class CsvLines {
    private final InputStream in;
    private final byte delimiter;
    private byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private boolean eof;
    int[] starts = new int[32];
    int[] ends = new int[32];
    boolean[] quoted = new boolean[32];
    int fields;
    long lineNumber;
    /** The bytes of the current line are {@code buffer()[lineStart, lineEnd)}. */
    int lineStart;
    int lineEnd;

    CsvLines(InputStream in, byte delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    byte[] buffer() {
        return buf;
    }

    /** Splits the next line; false at the end of the input. */
    boolean next() throws IOException {
        while (true) {
            int r = scan();
            if (r >= 0) {
                lineNumber++;
                return true;
            }
            if (eof) {
                if (pos < limit) {
                    // last line without a newline
                    lineNumber++;
                    split(pos, limit);
                    pos = limit;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    /**
     * Splits the line that starts at {@code pos} in the same pass that looks for its end; returns the
     * end, or -1 when the buffer holds no complete line (the partial split is redone after a refill).
     */
    private int scan() {
        byte[] b = buf;
        int from = pos;
        int start = from;
        boolean inQuotes = false;
        boolean wasQuoted = false;
        fields = 0;
        for (int i = from; i < limit; i++) {
            byte c = b[i];
            if (c == '"') {
                inQuotes = !inQuotes;
                wasQuoted = true;
            } else if (!inQuotes && (c == delimiter || c == '\n')) {
                int end = c == '\n' && i > start && b[i - 1] == '\r' ? i - 1 : i;
                addField(start, end, wasQuoted);
                wasQuoted = false;
                start = i + 1;
                if (c == '\n') {
                    lineStart = from;
                    lineEnd = end;
                    pos = i + 1;
                    return end;
                }
            }
        }
        return -1;
    }

    private void addField(int start, int end, boolean wasQuoted) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
            quoted = Arrays.copyOf(quoted, fields * 2);
        }
        boolean q = wasQuoted && end - start >= 2 && buf[start] == '"' && buf[end - 1] == '"';
        starts[fields] = q ? start + 1 : start;
        ends[fields] = q ? end - 1 : end;
        quoted[fields] = q;
        fields++;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
        }
        int r = in.read(buf, limit, buf.length - limit);
        if (r < 0) {
            eof = true;
        } else {
            limit += r;
        }
    }

    /** Splits the last line of the input, which has no line break. */
    private void split(int from, int to) {
        lineStart = from;
        lineEnd = to;
        fields = 0;
        int start = from;
        boolean inQuotes = false;
        boolean wasQuoted = false;
        for (int i = from; i < to; i++) {
            if (buf[i] == '"') {
                inQuotes = !inQuotes;
                wasQuoted = true;
            } else if (buf[i] == delimiter && !inQuotes) {
                addField(start, i, wasQuoted);
                wasQuoted = false;
                start = i + 1;
            }
        }
        addField(start, to, wasQuoted);
    }

    /** Field {@code f} as text (quotes removed, doubled quotes undone). */
    String text(int f) {
        String s = new String(buf, starts[f], ends[f] - starts[f], java.nio.charset.StandardCharsets.UTF_8);
        return quoted[f] ? s.replace("\"\"", "\"") : s;
    }

    /** Field {@code f} as a whole number; {@code Long.MIN_VALUE} when it is not one. */
    long longValue(int f) {
        int s = starts[f];
        int e = ends[f];
        if (s >= e) {
            return Long.MIN_VALUE;
        }
        boolean negative = buf[s] == '-';
        if (negative) {
            s++;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return Long.MIN_VALUE;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /** Field {@code f} as a decimal number; NaN when it is not one. */
    double doubleValue(int f) {
        long whole = longValue(f);
        if (whole != Long.MIN_VALUE) {
            return whole;
        }
        try {
            return Double.parseDouble(text(f).strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    boolean equalsIgnoreCase(int f, String ascii) {
        int len = ends[f] - starts[f];
        if (len != ascii.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (Character.toLowerCase((char) buf[starts[f] + i]) != Character.toLowerCase(ascii.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The current line for error messages, cut to 80 characters. */
    String excerpt() {
        String s = new String(buf, lineStart, Math.min(80, lineEnd - lineStart), java.nio.charset.StandardCharsets.UTF_8);
        return lineEnd - lineStart > 80 ? s + "..." : s;
    }
}
