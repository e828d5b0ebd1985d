package dev.evident.ingest.jfr;

/**
 * Decodes values by the layout the chunk's metadata declares, so that constant pools and fields
 * evident does not use are read past correctly whatever their types, including arrays and inline
 * structs.
 */
final class ValueReader {
    /** Inline structs nest a few levels at most; deeper means a corrupt or self-containing type. */
    private static final int MAX_DEPTH = 16;

    private final ChunkMetadata metadata;

    ValueReader(ChunkMetadata metadata) {
        this.metadata = metadata;
    }

    /** Reads past one value of a type: the fields of a struct, or a single number or string. */
    void skip(ChunkBytes in, MetadataType type) {
        skipType(in, type, 0);
    }

    /** Reads past one field's value, every element of it when it is an array. */
    void skipField(ChunkBytes in, MetadataField field) {
        skipField(in, field, 0);
    }

    /**
     * Reads one struct's fields: numbers and constant-pool ids into {@code values} as they are,
     * floating-point values as raw bits, strings, arrays and inline structs as the chunk position
     * where they start (they are read past, for the caller to decode later if it wants them).
     */
    void read(ChunkBytes in, MetadataType type, long[] values) {
        var fields = type.fields();
        for (int i = 0; i < fields.size(); i++) {
            MetadataField f = fields.get(i);
            FieldKind kind = f.kind();
            if (f.dimension() != 0 || kind == FieldKind.STRING || kind == FieldKind.STRUCT) {
                values[i] = in.pos;
                skipField(in, f, 0);
            } else if (kind == FieldKind.VARINT) {
                values[i] = in.varlong();
            } else if (kind == FieldKind.BYTE) {
                values[i] = in.next();
            } else {
                values[i] = Double.doubleToRawLongBits(kind == FieldKind.FLOAT ? in.f32() : in.f64());
            }
        }
    }

    private void skipType(ChunkBytes in, MetadataType type, int depth) {
        FieldKind kind = FieldKind.of(type.name());
        if (kind != FieldKind.STRUCT) {
            skipOne(in, kind, -1, depth);
            return;
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("type " + type.name() + " nests deeper than " + MAX_DEPTH + " levels");
        }
        for (MetadataField f : type.fields()) {
            skipField(in, f, depth);
        }
    }

    private void skipField(ChunkBytes in, MetadataField f, int depth) {
        if (f.dimension() == 0) {
            skipOne(in, f.kind(), f.typeIndex(), depth);
            return;
        }
        if (f.dimension() > 1) {
            throw new IllegalStateException("field " + f.name() + " has " + f.dimension()
                    + " array dimensions; JFR writes at most one");
        }
        int at = in.pos;
        long count = in.varlong();
        if (count < 0 || count > in.limit() - in.pos) {
            throw new IllegalStateException("array of " + count + " elements at byte " + at + " runs past the chunk");
        }
        for (long i = 0; i < count; i++) {
            skipOne(in, f.kind(), f.typeIndex(), depth);
        }
    }

    private void skipOne(ChunkBytes in, FieldKind kind, int typeIndex, int depth) {
        switch (kind) {
            case VARINT -> in.varlong();
            case BYTE -> in.skip(1);
            case FLOAT -> in.skip(4);
            case DOUBLE -> in.skip(8);
            case STRING -> in.skipString();
            case STRUCT -> {
                if (typeIndex < 0) {
                    throw new IllegalStateException("a field's type is not declared in the chunk's metadata");
                }
                skipType(in, metadata.at(typeIndex), depth + 1);
            }
        }
    }
}
