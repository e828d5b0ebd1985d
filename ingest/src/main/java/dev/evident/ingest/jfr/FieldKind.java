package dev.evident.ingest.jfr;

/** How a value is encoded in a chunk, which follows from its declared type. */
enum FieldKind {
    /** LEB128 integers: long, int, short, char, and every constant-pool reference. */
    VARINT,
    /** One raw byte: byte and boolean. */
    BYTE,
    /** Four raw big-endian bytes. */
    FLOAT,
    /** Eight raw big-endian bytes. */
    DOUBLE,
    /** An encoding byte, then the text or a reference to the string pool. */
    STRING,
    /** The fields of another metadata class, inline. */
    STRUCT;

    /** The encoding of a value of the named type when it is written inline. */
    static FieldKind of(String typeName) {
        return switch (typeName) {
            case "long", "int", "short", "char" -> VARINT;
            case "byte", "boolean" -> BYTE;
            case "float" -> FLOAT;
            case "double" -> DOUBLE;
            case "java.lang.String" -> STRING;
            default -> STRUCT;
        };
    }
}
