package dev.evident.ingest.jfr;

import one.jfr.JfrClass;
import one.jfr.JfrField;
import one.jfr.JfrReader;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
        codes = new byte[n];
        structs = new EventLayout[n];
        structValues = new long[n][];
        for (int i = 0; i < n; i++) {
            JfrField f = fields.get(i);
            index.put(JfrReaderAccess.fieldName(f), i);
            JfrClass type = reader.types.get(JfrReaderAccess.fieldType(f));
            String fieldType = type == null ? "?" : JfrReaderAccess.className(type);
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

    int read(ByteBuffer buf, int pos, long[] values, String[] strings, JfrReader reader) {
        return read(buf, pos, values, strings, reader, kinds.length);
    }

    /**
     * Decodes fields {@code 0 .. fieldCount-1} only: the caller skips to the next event by its
     * size, so the fields after the last one it needs are never touched. Varints, by far the most
     * common field, are read straight from the backing array.
     */
    int read(ByteBuffer buf, int pos, long[] values, String[] strings, JfrReader reader, int fieldCount) {
        byte[] data = buf.array();
        int offset = buf.arrayOffset();
        for (int i = 0; i < fieldCount; i++) {
            byte kind = codes[i];
            if (kind == VARINT_CODE) {
                int p = offset + pos;
                long v = 0;
                for (int shift = 0; ; shift += 7) {
                    byte b = data[p++];
                    if (shift == 56) {
                        v |= (b & 0xffL) << 56;
                        break;
                    }
                    v |= (b & 0x7fL) << shift;
                    if (b >= 0) {
                        break;
                    }
                }
                values[i] = v;
                pos = p - offset;
                continue;
            }
            switch (kinds[i]) {
                case BYTE -> values[i] = buf.get(pos++);
                case FLOAT -> {
                    values[i] = Double.doubleToRawLongBits(buf.getFloat(pos));
                    pos += 4;
                }
                case DOUBLE -> {
                    values[i] = Double.doubleToRawLongBits(buf.getDouble(pos));
                    pos += 8;
                }
                case STRING -> pos = string(buf, pos, strings, i, reader);
                case STRUCT -> pos = structs[i].read(buf, pos, structValues[i], null, reader);
                default -> throw new IllegalStateException("unreachable");
            }
        }
        return pos;
    }

    private static int string(ByteBuffer buf, int pos, String[] strings, int i, JfrReader reader) {
        byte encoding = buf.get(pos++);
        String value = null;
        switch (encoding) {
            case 0 -> value = null;
            case 1 -> value = "";
            case 2 -> {
                long id = 0;
                for (int shift = 0; ; shift += 7) {
                    byte b = buf.get(pos++);
                    id |= (b & 0x7fL) << shift;
                    if (b >= 0 || shift == 56) {
                        break;
                    }
                }
                value = strings == null ? null : reader.strings.get(id);
            }
            case 3, 5 -> {
                int length = 0;
                for (int shift = 0; ; shift += 7) {
                    byte b = buf.get(pos++);
                    length |= (b & 0x7f) << shift;
                    if (b >= 0) {
                        break;
                    }
                }
                if (strings != null) {
                    byte[] bytes = new byte[length];
                    buf.get(pos, bytes);
                    value = new String(bytes, encoding == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
                }
                pos += length;
            }
            case 4 -> {
                int length = 0;
                for (int shift = 0; ; shift += 7) {
                    byte b = buf.get(pos++);
                    length |= (b & 0x7f) << shift;
                    if (b >= 0) {
                        break;
                    }
                }
                StringBuilder sb = strings == null ? null : new StringBuilder(length);
                for (int c = 0; c < length; c++) {
                    int ch = 0;
                    for (int shift = 0; ; shift += 7) {
                        byte b = buf.get(pos++);
                        ch |= (b & 0x7f) << shift;
                        if (b >= 0) {
                            break;
                        }
                    }
                    if (sb != null) {
                        sb.append((char) ch);
                    }
                }
                value = sb == null ? null : sb.toString();
            }
            default -> throw new IllegalStateException("invalid string encoding " + encoding + " at byte " + (pos - 1));
        }
        if (strings != null) {
            strings[i] = value;
        }
        return pos;
    }
}
