package dev.evident.ingest.jfr;

import java.util.Arrays;

/**
 * A run of bytes as a hash-map key compared by content. A lookup key can point into a chunk
 * buffer without copying it; only a key that is kept ({@link #copy()}) owns its bytes, because
 * chunk buffers are reused for the next chunk.
 */
final class ByteRange {
    private final byte[] data;
    private final int from;
    private final int to;
    private final int hash;

    private ByteRange(byte[] data, int from, int to, int hash) {
        this.data = data;
        this.from = from;
        this.to = to;
        this.hash = hash;
    }

    /** Bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code data}, not copied. */
    static ByteRange of(byte[] data, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + data[i];
        }
        return new ByteRange(data, from, to, h);
    }

    /** A key that owns a copy of the bytes, safe to keep after the buffer changes. */
    ByteRange copy() {
        return new ByteRange(Arrays.copyOfRange(data, from, to), 0, to - from, hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteRange r && hash == r.hash && Arrays.equals(data, from, to, r.data, r.from, r.to);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
