package dev.evident.ingest.sql;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What PostgreSQL's {@code log_line_prefix} put in front of a message, whatever its layout: the
 * timestamp ({@code %m} or {@code %t}) at the start, the process id ({@code [%p]},
 * {@code [%p-%l]}, {@code pid=%p}, {@code :[%p]:}), the session id ({@code %c}, "hex.hex") and the
 * virtual transaction id ({@code %v}, "n/n") when present. Found by shape, not by a configured
 * format, so Debian's default, pgBadger's recommendation and cloud providers' layouts all work.
 */
final class LogLinePrefix {
    long epochNanos = -1;
    String pid;
    String session;
    String vxid;
    boolean unknownZone;

    // parsing a timestamp costs more than the rest of the line; consecutive lines share the second
    private String lastSecond;
    private long lastSecondEpoch;
    // a log interleaves a few sessions: their pids are kept as String objects, not cut out again per line
    private final String[] recentPids = new String[8];
    private int nextRecent;

    void parse(String line, int end) {
        epochNanos = timestamp(line, end);
        pid = null;
        session = null;
        vxid = null;
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            if (pid == null && (c == '[' || (c == '=' && i >= 3 && line.startsWith("pid", i - 3)))) {
                int j = i + 1;
                while (j < end && Character.isDigit(line.charAt(j))) {
                    j++;
                }
                if (j > i + 1 && j < end && (line.charAt(j) == ']' || line.charAt(j) == '-' || line.charAt(j) == ' '
                        || line.charAt(j) == ',')) {
                    pid = recent(line, i + 1, j);
                    i = j;
                }
            } else if (c == '/' && i > 0 && i + 1 < end && Character.isDigit(line.charAt(i - 1)) && Character.isDigit(line.charAt(i + 1))) {
                int s = i - 1;
                while (s > 0 && Character.isDigit(line.charAt(s - 1))) {
                    s--;
                }
                int e = i + 1;
                while (e < end && Character.isDigit(line.charAt(e))) {
                    e++;
                }
                boolean bounded = (s == 0 || !Character.isLetterOrDigit(line.charAt(s - 1)))
                        && (e == end || !Character.isLetterOrDigit(line.charAt(e)));
                if (bounded && vxid == null) {
                    vxid = line.substring(s, e);
                }
                i = e - 1;
            } else if (c == '.' && session == null && i >= 6 && isHex(line, i - 6, i)) {
                int s = i;
                while (s > 0 && isHexChar(line.charAt(s - 1))) {
                    s--;
                }
                int e = i + 1;
                while (e < end && isHexChar(line.charAt(e))) {
                    e++;
                }
                if (e > i + 1 && (s == 0 || !Character.isLetterOrDigit(line.charAt(s - 1)))
                        && (e == end || !Character.isLetterOrDigit(line.charAt(e))) && hasLetter(line, s, e)) {
                    session = line.substring(s, e);
                }
            }
        }
        if (vxid != null && vxid.endsWith("/0")) {
            vxid = null; // no transaction assigned
        }
    }

    /** The text of line[from, to), as the same String object when one of the last few pids was this one. */
    private String recent(String line, int from, int to) {
        int length = to - from;
        for (String r : recentPids) {
            if (r != null && r.length() == length && line.startsWith(r, from)) {
                return r;
            }
        }
        String s = line.substring(from, to);
        recentPids[nextRecent] = s;
        nextRecent = (nextRecent + 1) % recentPids.length;
        return s;
    }

    private static boolean hasLetter(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'f') {
                return true;
            }
        }
        return false;
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isHexChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** "2026-11-23 23:53:17.988 UTC" or "2026-11-23 23:53:17 UTC" at the start, else -1. */
    private long timestamp(String line, int end) {
        if (end < 19 || line.charAt(4) != '-' || line.charAt(7) != '-' || line.charAt(13) != ':' || line.charAt(16) != ':') {
            return -1;
        }
        long epoch;
        if (lastSecond != null && line.startsWith(lastSecond)) {
            epoch = lastSecondEpoch;
        } else {
            String second = line.substring(0, 19);
            try {
                epoch = LocalDateTime.parse(second.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
            } catch (java.time.DateTimeException e) {
                return -1;
            }
            lastSecond = second;
            lastSecondEpoch = epoch;
        }
        int i = 19;
        long nanos = 0;
        if (i < end && line.charAt(i) == '.') {
            int digits = 0;
            i++;
            while (i < end && Character.isDigit(line.charAt(i))) {
                if (digits < 9) {
                    nanos = nanos * 10 + (line.charAt(i) - '0');
                    digits++;
                }
                i++;
            }
            for (; digits < 9; digits++) {
                nanos *= 10;
            }
        }
        long offsetSeconds = 0;
        if (i + 1 < end && line.charAt(i) == ' ') {
            int z = i + 1;
            int ze = z;
            while (ze < end && line.charAt(ze) != ' ') {
                ze++;
            }
            char sign = line.charAt(z);
            if (sign == '+' || sign == '-') {
                offsetSeconds = offset(line.substring(z, ze));
            } else if (!isWord(line, z, ze, "UTC") && !isWord(line, z, ze, "GMT") && !isWord(line, z, ze, "Z")) {
                unknownZone = true; // read as UTC; only intervals between lines matter to the detectors
            }
        }
        return (epoch - offsetSeconds) * 1_000_000_000L + nanos;
    }

    private static boolean isWord(String line, int from, int to, String word) {
        return to - from == word.length() && line.startsWith(word, from);
    }

    private static long offset(String zone) {
        try {
            String digits = zone.substring(1).replace(":", "");
            int h = Integer.parseInt(digits.substring(0, Math.min(2, digits.length())));
            int m = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
            long s = h * 3600L + m * 60L;
            return zone.startsWith("-") ? -s : s;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    // ---- the same for a line of ASCII bytes b[from, ...), the prefix ending at {@code end} (exclusive) ----
    // Character for character what parse(String, int) does with the line as text: for ASCII,
    // Character.isDigit is 0-9 and Character.isLetterOrDigit is A-Z, a-z, 0-9.

    private byte[] lastSecondBytes; // the cache of the text version's lastSecond, kept apart from it
    private long lastSecondBytesEpoch;

    void parse(byte[] b, int from, int end) {
        epochNanos = timestamp(b, from, end);
        pid = null;
        session = null;
        vxid = null;
        // a "yyyy-mm-dd hh:mm:ss" start holds none of the characters the loop acts on ([ = / .): it can start after it
        int i0 = startsWithDateTime(b, from, end) ? from + 19 : from;
        for (int i = i0; i < end; i++) {
            int c = b[i];
            if (pid == null && (c == '[' || (c == '=' && i - from >= 3 && b[i - 3] == 'p' && b[i - 2] == 'i' && b[i - 1] == 'd'))) {
                int j = i + 1;
                while (j < end && isDigit(b[j])) {
                    j++;
                }
                if (j > i + 1 && j < end && (b[j] == ']' || b[j] == '-' || b[j] == ' ' || b[j] == ',')) {
                    pid = recent(b, i + 1, j);
                    i = j;
                }
            } else if (c == '/' && i > from && i + 1 < end && isDigit(b[i - 1]) && isDigit(b[i + 1])) {
                int s = i - 1;
                while (s > from && isDigit(b[s - 1])) {
                    s--;
                }
                int e = i + 1;
                while (e < end && isDigit(b[e])) {
                    e++;
                }
                boolean bounded = (s == from || !isLetterOrDigit(b[s - 1])) && (e == end || !isLetterOrDigit(b[e]));
                if (bounded && vxid == null) {
                    vxid = ascii(b, s, e);
                }
                i = e - 1;
            } else if (c == '.' && session == null && i - from >= 6 && isHex(b, i - 6, i)) {
                int s = i;
                while (s > from && isHexChar(b[s - 1])) {
                    s--;
                }
                int e = i + 1;
                while (e < end && isHexChar(b[e])) {
                    e++;
                }
                if (e > i + 1 && (s == from || !isLetterOrDigit(b[s - 1])) && (e == end || !isLetterOrDigit(b[e]))
                        && hasLetter(b, s, e)) {
                    session = ascii(b, s, e);
                }
            }
        }
        if (vxid != null && vxid.endsWith("/0")) {
            vxid = null; // no transaction assigned
        }
    }

    private static boolean startsWithDateTime(byte[] b, int from, int end) {
        if (end - from < 19) {
            return false;
        }
        for (int k = 0; k < 19; k++) {
            byte c = b[from + k];
            boolean ok = switch (k) {
                case 4, 7 -> c == '-';
                case 10 -> c == ' ';
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private String recent(byte[] b, int from, int to) {
        int length = to - from;
        for (String r : recentPids) {
            if (r != null && r.length() == length && sameAscii(r, b, from)) {
                return r;
            }
        }
        String s = ascii(b, from, to);
        recentPids[nextRecent] = s;
        nextRecent = (nextRecent + 1) % recentPids.length;
        return s;
    }

    private static boolean sameAscii(String s, byte[] b, int from) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) != b[from + k]) {
                return false;
            }
        }
        return true;
    }

    static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetterOrDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isHexChar(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private static boolean isHex(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isHexChar(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] >= 'a' && b[i] <= 'f') {
                return true;
            }
        }
        return false;
    }

    private long timestamp(byte[] b, int from, int end) {
        if (end - from < 19 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 13] != ':' || b[from + 16] != ':') {
            return -1;
        }
        long epoch;
        if (lastSecondBytes != null && java.util.Arrays.equals(b, from, from + 19, lastSecondBytes, 0, 19)) {
            epoch = lastSecondBytesEpoch;
        } else {
            String second = ascii(b, from, from + 19);
            try {
                epoch = LocalDateTime.parse(second.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
            } catch (java.time.DateTimeException e) {
                return -1;
            }
            lastSecondBytes = java.util.Arrays.copyOfRange(b, from, from + 19);
            lastSecondBytesEpoch = epoch;
        }
        int i = from + 19;
        long nanos = 0;
        if (i < end && b[i] == '.') {
            int digits = 0;
            i++;
            while (i < end && isDigit(b[i])) {
                if (digits < 9) {
                    nanos = nanos * 10 + (b[i] - '0');
                    digits++;
                }
                i++;
            }
            for (; digits < 9; digits++) {
                nanos *= 10;
            }
        }
        long offsetSeconds = 0;
        if (i + 1 < end && b[i] == ' ') {
            int z = i + 1;
            int ze = z;
            while (ze < end && b[ze] != ' ') {
                ze++;
            }
            byte sign = b[z];
            if (sign == '+' || sign == '-') {
                offsetSeconds = offset(ascii(b, z, ze));
            } else if (!isWord(b, z, ze, "UTC") && !isWord(b, z, ze, "GMT") && !isWord(b, z, ze, "Z")) {
                unknownZone = true; // read as UTC; only intervals between lines matter to the detectors
            }
        }
        return (epoch - offsetSeconds) * 1_000_000_000L + nanos;
    }

    private static boolean isWord(byte[] b, int from, int to, String word) {
        return to - from == word.length() && sameAscii(word, b, from);
    }
}
