package dev.evident.ingest.jfr;

import one.jfr.JfrReader;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-thread state while one chunk is decoded: the event layouts of that chunk. The reader
 * constructs registered events reflectively with only itself as argument, so the layouts are
 * found through the thread that is decoding.
 */
final class ChunkDecoding {
    private static final ThreadLocal<ChunkDecoding> CURRENT = new ThreadLocal<>();

    private final JfrReader reader;
    private final Map<String, EventLayout> layouts = new HashMap<>();

    private ChunkDecoding(JfrReader reader) {
        this.reader = reader;
    }

    static ChunkDecoding begin(JfrReader reader) {
        ChunkDecoding d = new ChunkDecoding(reader);
        CURRENT.set(d);
        return d;
    }

    static void end() {
        CURRENT.remove();
    }

    static EventLayout layout(JfrReader reader, String eventType) {
        ChunkDecoding d = CURRENT.get();
        if (d == null || d.reader != reader) {
            throw new IllegalStateException("event decoded outside ChunkDecoding.begin/end");
        }
        return d.layouts.computeIfAbsent(eventType, t -> {
            EventLayout layout = EventLayout.of(reader, t);
            if (layout == null) {
                throw new IllegalStateException("no metadata for " + t);
            }
            return layout;
        });
    }
}
