package dev.evident.ingest.jfr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One chunk made ready for event decoding: its header, its metadata (shared with the file's other
 * chunks that declare the same classes) and its constant pools. It replaces async-profiler's
 * {@code JfrReader}, which parsed the metadata of every chunk from scratch and built an object per
 * constant-pool entry.
 */
final class JfrChunk {
    /** The event type id of the metadata event, in the JDK and in async-profiler alike. */
    private static final long METADATA = 0;

    final ChunkHeader header;
    final ChunkMetadata metadata;
    final ConstantPools pools;
    private final double nanosPerTick;

    private JfrChunk(ChunkHeader header, ChunkMetadata metadata, ConstantPools pools) {
        this.header = header;
        this.metadata = metadata;
        this.pools = pools;
        this.nanosPerTick = 1e9 / header.ticksPerSecond();
    }

    /**
     * Reads the structure of the chunk held in {@code chunk} (position 0, limit = chunk size), its
     * constant pools into {@code pools}, whose earlier content is dropped.
     */
    static JfrChunk read(ByteBuffer chunk, MetadataCache cache, ConstantPools pools) {
        chunk.order(ByteOrder.BIG_ENDIAN);
        if (chunk.limit() < ChunkHeader.SIZE || chunk.getInt(0) != ChunkHeader.MAGIC) {
            throw new IllegalStateException("no chunk header");
        }
        ChunkHeader header = ChunkHeader.of(chunk, 0);
        if (header.major() != 2) {
            throw new IllegalStateException("unsupported JFR format version " + header.major() + "." + header.minor());
        }
        if (header.size() != chunk.limit() || header.ticksPerSecond() <= 0
                || !inside(header.metadataOffset(), chunk) || !inside(header.constantPoolOffset(), chunk)) {
            throw new IllegalStateException("chunk header is inconsistent: size " + header.size() + ", metadata at "
                    + header.metadataOffset() + ", constant pools at " + header.constantPoolOffset() + ", "
                    + header.ticksPerSecond() + " ticks per second");
        }
        ChunkMetadata metadata = metadata(new ChunkBytes(chunk), (int) header.metadataOffset(), cache);
        ConstantPoolParser.parse(new ChunkBytes(chunk), metadata, (int) header.constantPoolOffset(), pools);
        return new JfrChunk(header, metadata, pools);
    }

    /**
     * The metadata event: size, type id 0, start time, duration and metadata id, then the body
     * that declares the classes. Only the body is the cache key: the recorder stamps each chunk's
     * copy with that chunk's time, while the declarations stay the same.
     */
    private static ChunkMetadata metadata(ChunkBytes in, int at, MetadataCache cache) {
        int end = in.eventHeader(at, METADATA, "metadata event");
        in.varlong(); // metadata id
        ChunkMetadata metadata = cache.get(in, in.pos, end);
        if (in.pos > end) {
            throw new IllegalStateException("metadata event at byte " + at + " runs past its " + (end - at) + " bytes");
        }
        return metadata;
    }

    private static boolean inside(long offset, ByteBuffer chunk) {
        return offset >= ChunkHeader.SIZE && offset < chunk.limit();
    }

    /** The chunk's start in epoch nanoseconds. */
    long startNanos() {
        return header.startNanos();
    }

    /** An event's tick count as epoch nanoseconds. */
    long toEpochNanos(long ticks) {
        return header.startNanos() + (long) ((ticks - header.startTicks()) * nanosPerTick);
    }

    /** A duration in ticks as nanoseconds. */
    long toNanos(long ticks) {
        return (long) (ticks * nanosPerTick);
    }
}
