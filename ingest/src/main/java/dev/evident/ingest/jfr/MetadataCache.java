package dev.evident.ingest.jfr;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parsed metadata shared by the chunks of one file. The chunks of a recording nearly always
 * declare the same classes, and parsing the declarations was a quarter of the CPU time of reading
 * a many-chunk file. Metadata is keyed by the exact bytes it was parsed from (compared in full, so
 * a hash collision cannot hand a chunk the wrong types). Chunks are read in parallel: a chunk
 * whose metadata is being parsed by another thread waits for that result instead of parsing it too.
 * One cache lives for one file, and it keeps at most {@link #MAX_ENTRIES} versions, so a file whose
 * every chunk differs costs no more memory than one chunk at a time.
 */
final class MetadataCache {
    static final int MAX_ENTRIES = 16;

    private final ConcurrentHashMap<ByteRange, ChunkMetadata> parsed = new ConcurrentHashMap<>();
    private final AtomicInteger parses = new AtomicInteger();

    /**
     * The metadata whose body (string table and element tree) spans chunk bytes {@code from} to
     * {@code to}; {@code in}'s cursor is at {@code from}.
     */
    ChunkMetadata get(ChunkBytes in, int from, int to) {
        ByteRange key = ByteRange.of(in.array(), in.arrayIndex(from), in.arrayIndex(to));
        ChunkMetadata known = parsed.get(key);
        if (known != null) {
            return known;
        }
        if (parsed.size() >= MAX_ENTRIES) {
            return parse(in);
        }
        // the stored key owns a copy: the chunk buffer is reused for the next chunk
        return parsed.computeIfAbsent(key.copy(), k -> parse(in));
    }

    /** How many times metadata was parsed rather than found, for tests. */
    int parses() {
        return parses.get();
    }

    /** How many parsed versions are kept, for tests. */
    int size() {
        return parsed.size();
    }

    private ChunkMetadata parse(ChunkBytes in) {
        parses.incrementAndGet();
        return MetadataParser.parse(in);
    }
}
