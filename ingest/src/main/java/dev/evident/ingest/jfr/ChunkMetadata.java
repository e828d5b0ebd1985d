package dev.evident.ingest.jfr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes a chunk declares in its metadata event: event types, constant-pool types and inline
 * structs, each with its fields in the order their values are written. Immutable, so one parsed
 * metadata serves every chunk that carries the same metadata, from any thread.
 */
final class ChunkMetadata {
    private final List<MetadataType> types;
    private final Map<String, MetadataType> byName = new HashMap<>();
    private final Map<Integer, MetadataType> byId = new HashMap<>();
    private final boolean asyncProfiler;

    ChunkMetadata(List<MetadataType> types) {
        this.types = List.copyOf(types);
        boolean profiler = false;
        for (MetadataType t : this.types) {
            byName.put(t.name(), t); // a repeated name or id: the later declaration wins
            byId.put(t.id(), t);
            profiler |= t.name().startsWith("profiler.");
        }
        this.asyncProfiler = profiler;
    }

    /** The class of that name, or {@code null}. */
    MetadataType type(String name) {
        return byName.get(name);
    }

    /** The class of that id, or {@code null}. */
    MetadataType type(long id) {
        return id == (int) id ? byId.get((int) id) : null;
    }

    /** The name of the class of that id, {@code "?"} when there is none. */
    String typeName(long id) {
        MetadataType t = type(id);
        return t == null ? "?" : t.name();
    }

    /** A class by its position in the metadata ({@link MetadataField#typeIndex()}). */
    MetadataType at(int index) {
        return types.get(index);
    }

    /** Whether async-profiler wrote the chunk: only it declares {@code profiler.*} event types. */
    boolean asyncProfiler() {
        return asyncProfiler;
    }
}
