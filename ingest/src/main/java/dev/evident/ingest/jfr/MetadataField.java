package dev.evident.ingest.jfr;

/**
 * One field of a metadata class.
 *
 * @param typeId       the metadata class id of the field's type
 * @param typeName     that class's name, {@code "?"} when the metadata does not declare it
 * @param constantPool whether the value is an id into the type's constant pool rather than inline
 * @param dimension    0 for a single value, 1 for an array (a count, then the elements)
 * @param kind         how one element is encoded
 * @param typeIndex    the position of the field's type in {@link ChunkMetadata#at(int)}, -1 when undeclared
 */
record MetadataField(String name, int typeId, String typeName, boolean constantPool, int dimension, FieldKind kind,
                     int typeIndex) {
}
