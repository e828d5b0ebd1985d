package dev.evident.ingest.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The first stage of reading a PostgreSQL log: a run of whole lines, each looked at on its own. A
 * line is a continuation (of a multi-line statement or plan) or starts a message; of a message
 * the prefix ({@link LogLinePrefix}), the severity and what the log reader needs of the message
 * are taken here, so that the stage that follows the sessions only has to put lines together.
 * Runs of lines are independent of each other, so several are analysed at once.
 *
 * <p>Lines break at {@code \n}, {@code \r} or {@code \r\n} and are decoded as UTF-8 (malformed
 * bytes become U+FFFD), the way {@link java.io.BufferedReader#readLine} over an UTF-8 reader
 * splits and decodes them; a line of ASCII bytes only, the usual case, is copied without decoding.
 */
final class PgLogLines {
    static final String[] SEVERITIES = {"LOG", "DETAIL", "STATEMENT", "ERROR", "WARNING", "HINT", "CONTEXT", "FATAL",
            "PANIC", "NOTICE", "INFO", "DEBUG1", "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5", "QUERY", "LOCATION"};

    /** What a message line asks of the session it belongs to. */
    static final byte DETAIL = 1;     // attaches parameters (text, when not null) to the open entry or the pending statement
    static final byte CLOSES = 2;     // only closes the session's open entry
    static final byte TIMED = 3;      // closes it, and its time counts for the log's window (a duration without a statement)
    static final byte OPENS = 4;      // closes it, counts for the window, and opens a new entry

    /** A line that starts a message. */
    static final class Message {
        final long epochNanos;
        final String pid;
        final String session;
        final String vxid;
        final byte action;
        final String kind;        // of an opened entry: statement, parse, bind, execute or plan
        final double durationMs;
        final String text;        // DETAIL: the parameters or null; OPENS: the entry's first line of text

        Message(LogLinePrefix prefix, byte action, String kind, double durationMs, String text) {
            this.epochNanos = prefix.epochNanos;
            this.pid = prefix.pid;
            this.session = prefix.session;
            this.vxid = prefix.vxid;
            this.action = action;
            this.kind = kind;
            this.durationMs = durationMs;
            this.text = text;
        }
    }

    /** The lines of one run: a {@link String} for a continuation line, a {@link Message} otherwise. */
    static final class Run {
        Object[] lines = new Object[1024];
        int count;
        /** Indexes of lines holding U+FFFD (bytes that were not UTF-8), in order. */
        int[] replaced = new int[0];
        int replacedCount;
        boolean unknownZone;

        void add(Object line) {
            if (count == lines.length) {
                lines = Arrays.copyOf(lines, count * 2);
            }
            lines[count++] = line;
        }

        void replaced(int index) {
            if (replacedCount == replaced.length) {
                replaced = Arrays.copyOf(replaced, Math.max(8, replacedCount * 2));
            }
            replaced[replacedCount++] = index;
        }
    }

    private PgLogLines() {
    }

    /** Analyses the lines of {@code bytes[0, length)}, which ends at the end of a line (or of the file). */
    static Run analyse(byte[] bytes, int length) {
        Run run = new Run();
        LogLinePrefix prefix = new LogLinePrefix();
        int i = 0;
        while (i < length) {
            int start = i;
            int negative = 0;
            byte b = 0;
            while (i < length) {
                b = bytes[i];
                if (b == '\n' || b == '\r') {
                    break;
                }
                negative |= b;
                i++;
            }
            if (negative < 0) {
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                if (line.indexOf('\uFFFD') >= 0) {
                    run.replaced(run.count);
                }
                run.add(analyse(line, prefix));
            } else {
                run.add(analyse(bytes, start, i, prefix));
            }
            if (i < length) {
                i++;
                if (b == '\r' && i < length && bytes[i] == '\n') {
                    i++;
                }
            }
        }
        run.unknownZone = prefix.unknownZone;
        return run;
    }

    /** A continuation line as itself, a message line as a {@link Message}. */
    static Object analyse(String line, LogLinePrefix prefix) {
        int sep = severityEnd(line);
        if (sep < 0) {
            return line;
        }
        int severityStart = line.lastIndexOf(' ', sep - 3) + 1;
        int severityLength = sep - 1 - severityStart;
        prefix.parse(line, severityStart);
        int message = sep + 2;
        if (severityLength == 6 && line.startsWith("DETAIL", severityStart)) {
            String parameters = line.startsWith("parameters: ", message) ? line.substring(message + "parameters: ".length()) : null;
            return new Message(prefix, DETAIL, null, 0, parameters);
        }
        if (severityLength != 3 || !line.startsWith("LOG", severityStart) || !line.startsWith("duration: ", message)) {
            return new Message(prefix, CLOSES, null, 0, null);
        }
        int ms = line.indexOf(" ms", message + 10);
        if (ms < 0) {
            return new Message(prefix, CLOSES, null, 0, null);
        }
        double duration;
        try {
            duration = Numbers.parseDouble(line, message + 10, ms);
        } catch (NumberFormatException e) {
            return new Message(prefix, CLOSES, null, 0, null);
        }
        int rest = line.length() > ms + 5 ? ms + 5 : line.length();
        if (line.startsWith("plan:", rest)) {
            return new Message(prefix, OPENS, "plan", duration, line.substring(rest + 5));
        }
        int colon = line.indexOf(": ", rest);
        if (colon < 0) {
            return new Message(prefix, TIMED, null, duration, null); // "duration: 1.0 ms" of log_duration without the statement
        }
        String kind = line.startsWith("execute", rest) ? "execute" : line.startsWith("parse", rest) ? "parse"
                : line.startsWith("bind", rest) ? "bind" : colon - rest == 9 && line.startsWith("statement", rest) ? "statement"
                : null;
        if (kind == null) {
            return new Message(prefix, TIMED, null, duration, null);
        }
        return new Message(prefix, OPENS, kind, duration, line.substring(colon + 2));
    }

    /**
     * The same for a line of ASCII bytes b[start, end), where a byte is a character: no String for
     * the line, only for what is kept of it.
     */
    static Object analyse(byte[] b, int start, int end, LogLinePrefix prefix) {
        int sep = severityEnd(b, start, end);
        if (sep < 0) {
            return LogLinePrefix.ascii(b, start, end);
        }
        int severityStart = lastSpace(b, start, sep - 3) + 1;
        int severityLength = sep - 1 - severityStart;
        prefix.parse(b, start, severityStart);
        int message = sep + 2;
        if (severityLength == 6 && startsWith(b, severityStart, end, "DETAIL")) {
            String parameters = startsWith(b, message, end, "parameters: ")
                    ? LogLinePrefix.ascii(b, message + "parameters: ".length(), end) : null;
            return new Message(prefix, DETAIL, null, 0, parameters);
        }
        if (severityLength != 3 || !startsWith(b, severityStart, end, "LOG") || !startsWith(b, message, end, "duration: ")) {
            return new Message(prefix, CLOSES, null, 0, null);
        }
        int ms = indexOf(b, " ms", message + 10, end);
        if (ms < 0) {
            return new Message(prefix, CLOSES, null, 0, null);
        }
        double duration;
        try {
            duration = Numbers.parseDouble(b, message + 10, ms);
        } catch (NumberFormatException e) {
            return new Message(prefix, CLOSES, null, 0, null);
        }
        int rest = end > ms + 5 ? ms + 5 : end;
        if (startsWith(b, rest, end, "plan:")) {
            return new Message(prefix, OPENS, "plan", duration, LogLinePrefix.ascii(b, rest + 5, end));
        }
        int colon = indexOf(b, ": ", rest, end);
        if (colon < 0) {
            return new Message(prefix, TIMED, null, duration, null);
        }
        String kind = startsWith(b, rest, end, "execute") ? "execute" : startsWith(b, rest, end, "parse") ? "parse"
                : startsWith(b, rest, end, "bind") ? "bind" : colon - rest == 9 && startsWith(b, rest, end, "statement") ? "statement"
                : null;
        if (kind == null) {
            return new Message(prefix, TIMED, null, duration, null);
        }
        return new Message(prefix, OPENS, kind, duration, LogLinePrefix.ascii(b, colon + 2, end));
    }

    /** {@link #severityEnd(String)} on b[start, end): an absolute index, or -1. */
    static int severityEnd(byte[] b, int start, int end) {
        int last = Math.min(end - 3, start + 400); // where ":  " may start: within the line, at most 400 in
        for (int i = start; i <= last; i++) {
            if (b[i] != ':' || b[i + 1] != ' ' || b[i + 2] != ' ') {
                continue;
            }
            int wordStart = lastSpace(b, start, i - 1) + 1;
            int length = i - wordStart;
            if (length >= 3 && length <= 9) {
                for (String s : SEVERITIES) {
                    if (s.length() == length && startsWith(b, wordStart, end, s)) {
                        return i + 1;
                    }
                }
            }
            i += 2;
        }
        return -1;
    }

    /** The last space in b[start, at] (String.lastIndexOf(' ', at) of the line), or start - 1. */
    private static int lastSpace(byte[] b, int start, int at) {
        for (int i = at; i >= start; i--) {
            if (b[i] == ' ') {
                return i;
            }
        }
        return start - 1;
    }

    /** The first index of {@code s} (ASCII) in b[from, end), or -1. */
    private static int indexOf(byte[] b, String s, int from, int end) {
        int first = s.charAt(0);
        for (int i = from; i <= end - s.length(); i++) {
            if (b[i] == first && startsWith(b, i, end, s)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] b, int at, int end, String s) {
        if (at < 0 || end - at < s.length()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Index just past "SEVERITY:" when followed by two spaces, or -1. */
    static int severityEnd(String line) {
        int from = 0;
        while (true) {
            int i = line.indexOf(":  ", from);
            if (i < 0 || i > 400) {
                return -1;
            }
            int start = line.lastIndexOf(' ', i - 1) + 1;
            int length = i - start;
            if (length >= 3 && length <= 9) { // LOG to STATEMENT
                for (String s : SEVERITIES) {
                    if (s.length() == length && line.startsWith(s, start)) {
                        return i + 1;
                    }
                }
            }
            from = i + 3;
        }
    }

    /**
     * Cuts a stream into runs of whole lines of about {@code size} bytes: each run ends just after
     * a line break, so a {@code \r\n} pair is never split; a line longer than the size makes its
     * run longer.
     */
    static final class Splitter {
        private final InputStream in;
        private final int size;
        /** Buffers whose lines have been analysed, for the next runs: less to allocate and to zero. */
        private final java.util.Queue<byte[]> free = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private byte[] carry = new byte[0];
        private int carried;
        private boolean eof;

        Splitter(InputStream in, int size) {
            this.in = in;
            this.size = Math.max(size, 16);
        }

        /** The next run (its bytes and length in {@code length[0]}), or null at the end of the stream. */
        byte[] next(int[] length) throws IOException {
            if (eof && carried == 0) {
                return null;
            }
            int want = Math.max(size, carried + size / 2);
            byte[] buf = free.poll();
            if (buf == null || buf.length < want) {
                buf = new byte[want];
            }
            System.arraycopy(carry, 0, buf, 0, carried);
            int filled = carried;
            int searchedUpTo = 0;
            while (true) {
                while (!eof && filled < buf.length) {
                    int r = in.read(buf, filled, buf.length - filled);
                    if (r < 0) {
                        eof = true;
                    } else {
                        filled += r;
                    }
                }
                if (eof) {
                    carried = 0;
                    length[0] = filled;
                    return filled == 0 ? null : buf;
                }
                int cut = cut(buf, searchedUpTo, filled);
                if (cut > 0) {
                    carried = filled - cut;
                    if (carry.length < carried) {
                        carry = new byte[Math.max(carried, size / 2)];
                    }
                    System.arraycopy(buf, cut, carry, 0, carried);
                    length[0] = cut;
                    return buf;
                }
                searchedUpTo = Math.max(0, filled - 1);
                buf = Arrays.copyOf(buf, buf.length * 2); // one very long line
            }
        }

        /** Gives back a buffer returned by {@link #next} once nothing reads it any more; called from any thread. */
        void recycle(byte[] buffer) {
            if (buffer.length == size && free.size() < 16) {
                free.offer(buffer);
            }
        }

        /** Just past the last line break that is surely complete ('\r' as the last byte may have its '\n' next), or 0. */
        private static int cut(byte[] buf, int from, int to) {
            for (int i = to - 1; i >= from; i--) {
                byte b = buf[i];
                if (b == '\n' || (b == '\r' && i < to - 1)) {
                    return i + 1;
                }
            }
            return 0;
        }
    }
}
