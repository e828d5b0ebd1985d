package dev.evident.ingest.jfr;

import java.util.List;

/**
 * One class of a chunk's metadata: an event type, a constant-pool type or an inline struct.
 *
 * @param superType  e.g. {@code jdk.jfr.Event} for event types, {@code null} for the rest
 * @param simpleType whether the recorder marked it as a plain wrapper of its fields (enumeration
 *                   pools such as GC causes are simple types with one string field)
 */
record MetadataType(int id, String name, String superType, boolean simpleType, List<MetadataField> fields) {

    /** The position of a field, or -1 when this type has no such field. */
    int field(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }
}
