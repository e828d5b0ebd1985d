package dev.evident.ingest.jfr;

import one.jfr.JfrClass;
import one.jfr.JfrField;
import one.jfr.JfrReader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The field layout of one event type in one chunk, read from the chunk's metadata, so events are
 * decoded by field name instead of by assumed position: a JDK that adds or reorders fields does
 * not break the decoder.
 */
final class EventLayout {
    enum Kind { VARINT, BYTE, FLOAT, DOUBLE, STRING, STRUCT }

    final String typeName;
    final String[] names;
    final Kind[] kinds;
    final EventLayout[] structs;
    final boolean[] constantPool;
    private final Map<String, Integer> index = new HashMap<>();
    final int time;
    final int thread;
    final int stackTrace;

    private EventLayout(String typeName, List<JfrField> fields, JfrReader reader, int depth) {
        this.typeName = typeName;
        int n = fields.size();
        names = new String[n];
        kinds = new Kind[n];
        structs = new EventLayout[n];
        constantPool = new boolean[n];
        for (int i = 0; i < n; i++) {
            JfrField f = fields.get(i);
            names[i] = JfrReaderAccess.fieldName(f);
            index.put(names[i], i);
            constantPool[i] = JfrReaderAccess.fieldInConstantPool(f);
            JfrClass type = reader.types.get(JfrReaderAccess.fieldType(f));
            String typeNameOfField = type == null ? "?" : JfrReaderAccess.className(type);
            if (constantPool[i]) {
                kinds[i] = Kind.VARINT;
            } else {
                kinds[i] = switch (typeNameOfField) {
                    case "long", "int", "short", "char" -> Kind.VARINT;
                    case "byte", "boolean" -> Kind.BYTE;
                    case "float" -> Kind.FLOAT;
                    case "double" -> Kind.DOUBLE;
                    case "java.lang.String" -> Kind.STRING;
                    default -> Kind.STRUCT;
                };
                if (kinds[i] == Kind.STRUCT) {
                    if (type == null || depth > 8) {
                        throw new IllegalStateException("cannot decode field " + names[i] + " of " + typeName);
                    }
                    structs[i] = new EventLayout(typeNameOfField, JfrReaderAccess.fields(type), reader, depth + 1);
                }
            }
        }
        time = indexOf("startTime");
        thread = indexOf("eventThread") >= 0 ? indexOf("eventThread") : indexOf("sampledThread");
        stackTrace = indexOf("stackTrace");
    }

    static EventLayout of(JfrReader reader, String eventType) {
        JfrClass type = reader.typesByName.get(eventType);
        if (type == null) {
            return null;
        }
        return new EventLayout(eventType, JfrReaderAccess.fields(type), reader, 0);
    }

    int indexOf(String name) {
        return index.getOrDefault(name, -1);
    }

    /** Reads one event's fields at the reader's position: numbers into {@code longs}, text into {@code strings}. */
    void read(JfrReader reader, long[] longs, String[] strings) {
        for (int i = 0; i < kinds.length; i++) {
            switch (kinds[i]) {
                case VARINT -> longs[i] = reader.getVarlong();
                case BYTE -> longs[i] = reader.getByte();
                case FLOAT -> longs[i] = Double.doubleToRawLongBits(reader.getFloat());
                case DOUBLE -> longs[i] = Double.doubleToRawLongBits(reader.getDouble());
                case STRING -> strings[i] = reader.getString();
                case STRUCT -> structs[i].skip(reader);
            }
        }
    }

    private void skip(JfrReader reader) {
        for (int i = 0; i < kinds.length; i++) {
            switch (kinds[i]) {
                case VARINT -> reader.getVarlong();
                case BYTE -> reader.getByte();
                case FLOAT -> reader.getFloat();
                case DOUBLE -> reader.getDouble();
                case STRING -> reader.getString();
                case STRUCT -> structs[i].skip(reader);
            }
        }
    }

    boolean hasStrings() {
        for (Kind k : kinds) {
            if (k == Kind.STRING) {
                return true;
            }
        }
        return false;
    }
}
