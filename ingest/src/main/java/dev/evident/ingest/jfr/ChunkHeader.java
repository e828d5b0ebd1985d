package dev.evident.ingest.jfr;

import java.nio.ByteBuffer;

/**
 * The fixed 68-byte header that starts every chunk. Offsets are from the chunk's first byte; times
 * are the chunk's start in epoch nanoseconds and in the recorder's ticks, which events use.
 */
record ChunkHeader(int major, int minor, long size, long constantPoolOffset, long metadataOffset, long startNanos,
                   long durationNanos, long startTicks, long ticksPerSecond, int features) {
    static final int SIZE = 68;
    static final int MAGIC = 0x464c5200; // "FLR\0"

    /** The header at index {@code at} of a big-endian buffer holding at least {@link #SIZE} bytes from there. */
    static ChunkHeader of(ByteBuffer b, int at) {
        return new ChunkHeader(b.getShort(at + 4), b.getShort(at + 6), b.getLong(at + 8), b.getLong(at + 16),
                b.getLong(at + 24), b.getLong(at + 32), b.getLong(at + 40), b.getLong(at + 48), b.getLong(at + 56),
                b.getInt(at + 64));
    }
}
