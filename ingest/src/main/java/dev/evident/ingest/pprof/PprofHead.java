package dev.evident.ingest.pprof;

import dev.evident.ingest.Probe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Recognises a pprof profile from its first bytes (after gunzip) without decoding it. */
final class PprofHead {
    /** Wire type each top-level field of profile.proto uses (index = field number; -1 = none). */
    private static final int[] WIRE = {-1, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0};

    private PprofHead() {
    }

    /**
     * Walks the top-level fields in the head. CERTAIN when every field fits the schema, there are
     * several, and a sample type, sample, location, function or string came up; NO at the first
     * field that does not fit. A head cut inside a field still counts.
     */
    static Probe probe(ByteBuffer head) {
        int p = head.position();
        int end = head.limit();
        int fields = 0;
        boolean structural = false;
        while (p < end) {
            long[] v = varint(head, p, end);
            if (v == null) {
                break; // cut by the head limit
            }
            long tag = v[0];
            p = (int) v[1];
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (tag <= 0 || field >= WIRE.length || field == 0) {
                return Probe.NO;
            }
            if (wire != WIRE[field] && !(field == 13 && wire == 2)) {
                return Probe.NO;
            }
            fields++;
            if (wire == 0) {
                long[] value = varint(head, p, end);
                if (value == null) {
                    break;
                }
                p = (int) value[1];
            } else {
                long[] len = varint(head, p, end);
                if (len == null) {
                    break;
                }
                if (len[0] < 0 || len[0] > ProtoStream.MAX_FIELD) {
                    return Probe.NO;
                }
                p = (int) Math.min(end, len[1] + len[0]);
                structural |= field <= 6;
            }
        }
        return fields >= 2 && structural ? Probe.CERTAIN : Probe.NO;
    }

    /** {value, next position}, or null when the varint runs past {@code end}. */
    private static long[] varint(ByteBuffer b, int p, int end) {
        long result = 0;
        for (int shift = 0; shift < 64 && p < end; shift += 7) {
            byte x = b.get(p++);
            result |= (long) (x & 0x7f) << shift;
            if (x >= 0) {
                return new long[] {result, p};
            }
        }
        return null;
    }

    static boolean looksLikeHtml(ByteBuffer head) {
        String start = text(head, 256).stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
                || start.startsWith("<!--") && start.contains("<html");
    }

    static boolean mentionsPprof(ByteBuffer head) {
        return text(head, head.remaining()).toLowerCase(Locale.ROOT).contains("pprof");
    }

    private static String text(ByteBuffer head, int n) {
        byte[] b = new byte[Math.min(n, head.remaining())];
        head.duplicate().get(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** "3c 68 74 6d" for the first {@code n} bytes. */
    static String hex(ByteBuffer head, int n) {
        ByteBuffer b = head.duplicate();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n && b.hasRemaining(); i++) {
            s.append(i > 0 ? " " : "").append(String.format("%02x", b.get() & 0xff));
        }
        return s.toString();
    }
}
