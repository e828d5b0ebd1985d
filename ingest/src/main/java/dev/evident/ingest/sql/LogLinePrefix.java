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
                    pid = line.substring(i + 1, j);
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
        String second = line.substring(0, 19);
        long epoch;
        if (second.equals(lastSecond)) {
            epoch = lastSecondEpoch;
        } else {
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
            String zone = line.substring(z, ze);
            if (zone.startsWith("+") || zone.startsWith("-")) {
                offsetSeconds = offset(zone);
            } else if (!zone.equals("UTC") && !zone.equals("GMT") && !zone.equals("Z")) {
                unknownZone = true; // read as UTC; only intervals between lines matter to the detectors
            }
        }
        return (epoch - offsetSeconds) * 1_000_000_000L + nanos;
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
}
