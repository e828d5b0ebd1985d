package dev.evident.ingest.jfr;

import one.jfr.JfrClass;
import one.jfr.JfrField;
import one.jfr.JfrReader;

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
    enum Kind { VARINT, BYTE, FLOAT, DOUBLE, STRING, STRUCT }

    final String typeName;
    final int typeId;
    final Kind[] kinds;
    /** Type name of each field, e.g. jdk.types.VMOperationType for a constant-pool enumeration. */
    final String[] fieldTypes;
    /** {@link #kinds} as bytes, for the decoding loop's fast varint check. */
    private final byte[] codes;
    private static final byte VARINT_CODE = 0;
    final EventLayout[] structs;
    /** The values of each inline struct field of the last decoded event (e.g. the heap's committed size). */
    final long[][] structValues;
    private final Map<String, Integer> index = new HashMap<>();

    private EventLayout(String typeName, int typeId, List<JfrField> fields, JfrReader reader, int depth) {
        this.typeName = typeName;
        this.typeId = typeId;
        int n = fields.size();
        kinds = new Kind[n];
        fieldTypes = new String[n];
        codes = new byte[n];
        structs = new EventLayout[n];
        structValues = new long[n][];
        for (int i = 0; i < n; i++) {
            JfrField f = fields.get(i);
            index.put(JfrReaderAccess.fieldName(f), i);
            JfrClass type = reader.types.get(JfrReaderAccess.fieldType(f));
            String fieldType = type == null ? "?" : JfrReaderAccess.className(type);
            fieldTypes[i] = fieldType;
            if (JfrReaderAccess.fieldInConstantPool(f)) {
                kinds[i] = Kind.VARINT;
                codes[i] = VARINT_CODE;
                continue;
            }
            kinds[i] = switch (fieldType) {
                case "long", "int", "short", "char" -> Kind.VARINT;
                case "byte", "boolean" -> Kind.BYTE;
                case "float" -> Kind.FLOAT;
                case "double" -> Kind.DOUBLE;
                case "java.lang.String" -> Kind.STRING;
                default -> Kind.STRUCT;
            };
            codes[i] = (byte) (kinds[i] == Kind.VARINT ? VARINT_CODE : 1);
            if (kinds[i] == Kind.STRUCT) {
                if (type == null || depth > 8) {
                    throw new IllegalStateException("cannot decode field " + JfrReaderAccess.fieldName(f) + " of " + typeName);
                }
                structs[i] = new EventLayout(fieldType, -1, JfrReaderAccess.fields(type), reader, depth + 1);
                structValues[i] = new long[structs[i].size()];
            }
        }
    }

    /** The layout of an event type in the reader's current chunk, or {@code null} if the chunk lacks it. */
    static EventLayout of(JfrReader reader, String eventType) {
        JfrClass type = reader.typesByName.get(eventType);
        if (type == null) {
            return null;
        }
        return new EventLayout(eventType, JfrReaderAccess.classId(type), JfrReaderAccess.fields(type), reader, 0);
    }

    int size() {
        return kinds.length;
    }

    /** Index of a field, or -1 when this JVM's event has no such field. */
    int field(String name) {
        return index.getOrDefault(name, -1);
    }

    /**
     * Decodes the fields at {@code pos}: numbers (and constant-pool keys) into {@code values};
     * floating-point fields as raw bits; inline strings into {@code strings} when it is given,
     * with constant-pool strings resolved through the reader. Returns the position after the event.
     */
    /** A field of an inline struct field of the last decoded event, or {@code missing}. */
    long structField(int field, String name, long missing) {
        if (field < 0 || structs[field] == null) {
            return missing;
        }
        int i = structs[field].field(name);
        return i < 0 ? missing : structValues[field][i];
    }

    /** Decodes every field at the cursor; see {@link #read(ChunkBytes, long[], String[], JfrReader, int)}. */
    void read(ChunkBytes in, long[] values, String[] strings, JfrReader reader) {
        read(in, values, strings, reader, kinds.length);
    }

    /**
     * Decodes fields {@code 0 .. fieldCount-1} at the cursor: numbers (and constant-pool keys) into
     * {@code values}, floating-point fields as raw bits, inline strings into {@code strings} when it
     * is given (constant-pool strings resolved through the reader). The caller skips to the next
     * event by its size, so fields after the last one it needs are never touched.
     */
    void read(ChunkBytes in, long[] values, String[] strings, JfrReader reader, int fieldCount) {
        for (int i = 0; i < fieldCount; i++) {
            if (codes[i] == VARINT_CODE) {
                values[i] = in.varlong();
                continue;
            }
            switch (kinds[i]) {
                case BYTE -> values[i] = in.next();
                case FLOAT -> values[i] = Double.doubleToRawLongBits(in.f32());
                case DOUBLE -> values[i] = Double.doubleToRawLongBits(in.f64());
                case STRING -> {
                    String value = string(in, strings != null, reader);
                    if (strings != null) {
                        strings[i] = value;
                    }
                }
                case STRUCT -> structs[i].read(in, structValues[i], null, reader);
                default -> throw new IllegalStateException("unreachable");
            }
        }
    }

    private static String string(ChunkBytes in, boolean wanted, JfrReader reader) {
        byte encoding = in.next();
        switch (encoding) {
            case 0:
                return null;
            case 1:
                return "";
            case 2: {
                long id = in.varlong();
                return wanted ? reader.strings.get(id) : null;
            }
            case 3:
            case 5: {
                int length = in.varint();
                if (!wanted) {
                    in.skip(length);
                    return null;
                }
                return in.text(length, encoding == 3);
            }
            case 4: {
                int length = in.varint();
                StringBuilder sb = wanted ? new StringBuilder(length) : null;
                for (int c = 0; c < length; c++) {
                    char ch = (char) in.varint();
                    if (sb != null) {
                        sb.append(ch);
                    }
                }
                return sb == null ? null : sb.toString();
            }
            default:
                throw new IllegalStateException("invalid string encoding " + encoding + " at byte " + (in.pos - 1));
        }
    }
}
