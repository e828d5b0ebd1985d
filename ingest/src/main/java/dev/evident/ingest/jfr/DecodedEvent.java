package dev.evident.ingest.jfr;

import one.jfr.JfrReader;
import one.jfr.event.Event;

/**
 * An event decoded by field name through {@link EventLayout}. Subclasses exist only so that
 * {@link JfrReader#registerEvent} can construct them by type; they add no state.
 */
public abstract class DecodedEvent extends Event {
    private final EventLayout layout;
    private final long[] longs;
    private final String[] strings;

    protected DecodedEvent(JfrReader reader, String eventType) {
        this(ChunkDecoding.layout(reader, eventType), reader);
    }

    private DecodedEvent(EventLayout layout, JfrReader reader) {
        this(layout, decode(layout, reader));
    }

    private DecodedEvent(EventLayout layout, Object[] decoded) {
        super(timeOf(layout, (long[]) decoded[0]), (int) valueAt(layout.thread, (long[]) decoded[0]),
                (int) valueAt(layout.stackTrace, (long[]) decoded[0]));
        this.layout = layout;
        this.longs = (long[]) decoded[0];
        this.strings = (String[]) decoded[1];
    }

    private static Object[] decode(EventLayout layout, JfrReader reader) {
        long[] longs = new long[layout.names.length];
        String[] strings = layout.hasStrings() ? new String[layout.names.length] : null;
        layout.read(reader, longs, strings);
        return new Object[] {longs, strings};
    }

    private static long timeOf(EventLayout layout, long[] longs) {
        return valueAt(layout.time, longs);
    }

    private static long valueAt(int index, long[] longs) {
        return index < 0 ? 0 : longs[index];
    }

    /** A numeric (or constant-pool key) field, or {@code missing} if this JVM's event lacks it. */
    public long getLong(String field, long missing) {
        int i = layout.indexOf(field);
        return i < 0 ? missing : longs[i];
    }

    public double getDouble(String field, double missing) {
        int i = layout.indexOf(field);
        if (i < 0) {
            return missing;
        }
        return layout.kinds[i] == EventLayout.Kind.VARINT ? longs[i] : Double.longBitsToDouble(longs[i]);
    }

    /** An inline string field ({@code null} when absent). Constant-pool strings: use {@link #getLong}. */
    public String getString(String field) {
        int i = layout.indexOf(field);
        if (i < 0 || strings == null) {
            return null;
        }
        return strings[i];
    }

    public boolean isConstantPool(String field) {
        int i = layout.indexOf(field);
        return i >= 0 && layout.constantPool[i];
    }
}
