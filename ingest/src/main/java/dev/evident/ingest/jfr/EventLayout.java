package dev.evident.ingest.jfr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The field layout of one event type in one chunk, read from the chunk's metadata. Events are
 * decoded by field name, never by assumed position, so a JDK that adds or reorders fields does
 * not break the decoder; and decoding writes into a caller's scratch array, so an event costs no
 * allocation.
 */
final class EventLayout {
    final String typeName;
    final int typeId;
    final FieldKind[] kinds;
    /** Type name of each field, e.g. jdk.types.VMOperationType for a constant-pool enumeration. */
    final String[] fieldTypes;
    /** {@link #kinds} as bytes, for the decoding loop's fast varint check; arrays get their own code. */
    private final byte[] codes;
    private static final byte VARINT_CODE = 0;
    private static final byte OTHER_CODE = 1;
    private static final byte ARRAY_CODE = 2;
    private final List<MetadataField> fields;
    private final ValueReader values;
    final EventLayout[] structs;
    /** The values of each inline struct field of the last decoded event (e.g. the heap's committed size). */
    final long[][] structValues;
    private final Map<String, Integer> index = new HashMap<>();

    private EventLayout(MetadataType type, ChunkMetadata metadata, ValueReader values, int depth) {
        this.typeName = type.name();
        this.typeId = depth == 0 ? type.id() : -1;
        this.fields = type.fields();
        this.values = values;
        int n = fields.size();
        kinds = new FieldKind[n];
        fieldTypes = new String[n];
        codes = new byte[n];
        structs = new EventLayout[n];
        structValues = new long[n][];
        for (int i = 0; i < n; i++) {
            MetadataField f = fields.get(i);
            index.put(f.name(), i);
            fieldTypes[i] = f.typeName();
            kinds[i] = f.kind();
            if (f.dimension() > 0) {
                // no event evident reads has an array; one is read past, and its value stays 0
                codes[i] = ARRAY_CODE;
                continue;
            }
            codes[i] = kinds[i] == FieldKind.VARINT ? VARINT_CODE : OTHER_CODE;
            if (kinds[i] == FieldKind.STRUCT) {
                if (f.typeIndex() < 0 || depth > 8) {
                    throw new IllegalStateException("cannot decode field " + f.name() + " of " + typeName);
                }
                structs[i] = new EventLayout(metadata.at(f.typeIndex()), metadata, values, depth + 1);
                structValues[i] = new long[structs[i].size()];
            }
        }
    }

    /** The layout of an event type in a chunk, or {@code null} if the chunk lacks it. */
    static EventLayout of(ChunkMetadata metadata, ValueReader values, String eventType) {
        MetadataType type = metadata.type(eventType);
        return type == null ? null : new EventLayout(type, metadata, values, 0);
    }

    int size() {
        return kinds.length;
    }

    /** Index of a field, or -1 when this JVM's event has no such field. */
    int field(String name) {
        return index.getOrDefault(name, -1);
    }

    /** A field of an inline struct field of the last decoded event, or {@code missing}. */
    long structField(int field, String name, long missing) {
        if (field < 0 || structs[field] == null) {
            return missing;
        }
        int i = structs[field].field(name);
        return i < 0 ? missing : structValues[field][i];
    }

    /** Decodes every field at the cursor; see {@link #read(ChunkBytes, long[], String[], ConstantPools, int)}. */
    void read(ChunkBytes in, long[] values, String[] strings, ConstantPools pools) {
        read(in, values, strings, pools, kinds.length);
    }

    /**
     * Decodes fields {@code 0 .. fieldCount-1} at the cursor: numbers (and constant-pool keys) into
     * {@code values}, floating-point fields as raw bits, inline strings into {@code strings} when it
     * is given (constant-pool strings resolved through the pools). The caller skips to the next
     * event by its size, so fields after the last one it needs are never touched.
     */
    void read(ChunkBytes in, long[] values, String[] strings, ConstantPools pools, int fieldCount) {
        for (int i = 0; i < fieldCount; i++) {
            if (codes[i] == VARINT_CODE) {
                values[i] = in.varlong();
                continue;
            }
            if (codes[i] == ARRAY_CODE) {
                this.values.skipField(in, fields.get(i));
                values[i] = 0;
                continue;
            }
            switch (kinds[i]) {
                case BYTE -> values[i] = in.next();
                case FLOAT -> values[i] = Double.doubleToRawLongBits(in.f32());
                case DOUBLE -> values[i] = Double.doubleToRawLongBits(in.f64());
                case STRING -> {
                    if (strings != null) {
                        strings[i] = in.string(pools);
                    } else {
                        in.skipString();
                    }
                }
                case STRUCT -> structs[i].read(in, structValues[i], null, pools);
                default -> throw new IllegalStateException("unreachable");
            }
        }
    }
}
