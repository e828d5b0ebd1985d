package dev.evident.ingest.latency;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns label bytes into strings without allocating on a repeat: a load test has a handful of
 * labels repeated millions of times, so the common case is a hash and a byte comparison.
 */
final class ByteLabels {
    private byte[][] keys = new byte[64][];
    private String[] names = new String[64];
    private int size;

    String get(byte[] buf, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + buf[i];
        }
        int mask = keys.length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            byte[] k = keys[slot];
            if (k == null) {
                byte[] copy = Arrays.copyOfRange(buf, from, to);
                keys[slot] = copy;
                names[slot] = new String(copy, StandardCharsets.UTF_8);
                if (++size * 2 > keys.length) {
                    grow();
                    return get(buf, from, to);
                }
                return names[slot];
            }
            if (Arrays.equals(k, 0, k.length, buf, from, to)) {
                return names[slot];
            }
        }
    }

    private void grow() {
        byte[][] oldKeys = keys;
        String[] oldNames = names;
        keys = new byte[oldKeys.length * 2][];
        names = new String[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == null) {
                continue;
            }
            int h = 1;
            for (byte b : oldKeys[i]) {
                h = 31 * h + b;
            }
            int slot = h & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = oldKeys[i];
            names[slot] = oldNames[i];
        }
    }
}
