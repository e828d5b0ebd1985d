package dev.evident.ingest.latency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Helpers for probing text formats from the first bytes of a file. */
final class Heads {
    private Heads() {
    }

    /** The head as text (UTF-8, malformed bytes replaced); empty when it holds a NUL byte (binary). */
    static String text(ByteBuffer head) {
        ByteBuffer b = head.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        for (byte x : bytes) {
            if (x == 0) {
                return "";
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The first line without its line break, skipping a UTF-8 byte-order mark. */
    static String firstLine(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int end = t.indexOf('\n');
        String line = end < 0 ? t : t.substring(0, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
