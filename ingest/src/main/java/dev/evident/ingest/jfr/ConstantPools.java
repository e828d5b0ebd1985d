package dev.evident.ingest.jfr;

import dev.evident.core.util.LongIntHashMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The constant pools of one chunk that evident uses, as primitive tables. Texts are not decoded
 * when the pools are read: a table keeps where each text starts in the chunk, and it is decoded the
 * first time an event needs it (most symbols, for instance, name methods no sample touches).
 * Valid while the chunk's bytes are. A worker reuses one instance for chunk after chunk
 * ({@link #reset}): the tables grow to the largest chunk once instead of for every chunk.
 */
final class ConstantPools implements ChunkBytes.StringPool {
    static final int THREAD_JAVA_NAME = 0;
    static final int THREAD_OS_NAME = 1;
    static final int CLASS_NAME = 0;
    static final int METHOD_CLASS = 0;
    static final int METHOD_NAME = 1;
    /** Pools whose only column is where an entry's text starts. */
    static final int TEXT = 0;
    /** A text column's value when the entry has no such field. */
    static final long NO_TEXT = -1;

    /** Thread id to the positions of its Java and OS names. */
    final PoolTable threads = new PoolTable(2);
    /** Class id to the symbol id of its internal name. */
    final PoolTable classes = new PoolTable(1);
    /** Method id to its class id and the symbol id of its name. */
    final PoolTable methods = new PoolTable(2);
    final PoolTable symbols = new PoolTable(1);
    final PoolTable strings = new PoolTable(1);
    /** Enumeration pools (GC causes, VM operations, ...) by type name: key to the position of its text. */
    final Map<String, PoolTable> enums = new HashMap<>();
    final StackTraceTable stacks = new StackTraceTable();

    /** A cursor of its own: texts are decoded while the event loop's cursor is mid-event. */
    private ChunkBytes text;
    private final LongIntHashMap decodedAt = new LongIntHashMap(64);
    private final List<String> decoded = new ArrayList<>();
    /** How deep string-pool references are being followed: an entry that refers to itself is corrupt. */
    private int references;

    /** Empties every table for the chunk that {@code text} reads. */
    void reset(ChunkBytes text) {
        this.text = text;
        threads.clear();
        classes.clear();
        methods.clear();
        symbols.clear();
        strings.clear();
        enums.values().forEach(PoolTable::clear); // kept: the next chunk almost always has the same enumerations
        stacks.clear();
        decodedAt.clear();
        decoded.clear();
    }

    /** A thread's Java name, or its OS name when it has none; {@code null} for an unknown thread. */
    String threadName(long id) {
        int row = threads.row(id);
        if (row < 0) {
            return null;
        }
        String name = textAt(threads.get(row, THREAD_JAVA_NAME));
        return name != null ? name : textAt(threads.get(row, THREAD_OS_NAME));
    }

    /** An entry of the string pool, {@code null} when there is none. */
    @Override
    public String string(long id) {
        int row = strings.row(id);
        return row < 0 ? null : textAt(strings.get(row, TEXT));
    }

    /** The text of a key of an enumeration pool such as {@code jdk.types.GCCause}, or {@code null}. */
    String enumText(String type, long key) {
        PoolTable pool = enums.get(type);
        int row = pool == null ? -1 : pool.row((int) key); // keys are ints, as async-profiler's reader keeps them
        return row < 0 ? null : textAt(pool.get(row, TEXT));
    }

    /** A symbol's text, {@code ""} when the chunk has no such symbol. */
    String symbol(long id, SymbolCache cache) {
        int row = symbols.row(id);
        if (row < 0) {
            return "";
        }
        text.pos = (int) symbols.get(row, TEXT);
        if (text.next() == 3) { // UTF-8, as the JDK writes symbols: decoded once per file, by content
            int length = text.length();
            int from = text.arrayIndex(text.pos);
            return cache.text(text.array(), from, from + length);
        }
        String s = textAt(symbols.get(row, TEXT));
        return s == null ? "" : s;
    }

    /** The internal name of a class ({@code java/lang/String}, {@code [B}), {@code null} for an unknown class. */
    String className(long classId, SymbolCache cache) {
        int row = classes.row(classId);
        return row < 0 ? null : symbol(classes.get(row, CLASS_NAME), cache);
    }

    private String textAt(long position) {
        if (position == NO_TEXT) {
            return null;
        }
        int i = decodedAt.get(position, -1);
        if (i >= 0) {
            return decoded.get(i);
        }
        if (++references > 8) {
            throw new IllegalStateException("string pool entries refer to each other in a loop at byte " + position);
        }
        try {
            text.pos = (int) position;
            String s = text.string(this);
            decodedAt.put(position, decoded.size());
            decoded.add(s);
            return s;
        } finally {
            references--;
        }
    }
}
