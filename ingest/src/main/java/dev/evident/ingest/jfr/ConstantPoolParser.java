package dev.evident.ingest.jfr;

import java.util.List;

/**
 * Reads a chunk's constant pools. They are written in checkpoint events, each holding several
 * pools; the header points at the last checkpoint, and each checkpoint at the one before it (a
 * negative distance, 0 ending the chain). Thread, class, method, symbol, string, stack-trace and
 * enumeration pools go into {@link ConstantPools}; every other pool is read past by its layout.
 */
final class ConstantPoolParser {
    /** The event type id of a checkpoint, in the JDK and in async-profiler alike. */
    private static final long CHECKPOINT = 1;

    private final ChunkBytes in;
    private final ChunkMetadata metadata;
    private final ValueReader values;
    private final ConstantPools pools;

    private ConstantPoolParser(ChunkBytes in, ChunkMetadata metadata, ConstantPools pools) {
        this.in = in;
        this.metadata = metadata;
        this.values = new ValueReader(metadata);
        this.pools = pools;
    }

    /**
     * Reads every checkpoint of the chain that ends at chunk position {@code last} into
     * {@code pools}, emptied first; {@code in} is a cursor of the pools' own.
     */
    static void parse(ChunkBytes in, ChunkMetadata metadata, int last, ConstantPools pools) {
        pools.reset(in);
        new ConstantPoolParser(in, metadata, pools).checkpoints(last);
    }

    private void checkpoints(int last) {
        int at = last;
        while (true) {
            int end = in.eventHeader(at, CHECKPOINT, "constant-pool checkpoint");
            long delta = in.varlong();
            in.next(); // checkpoint kind (flush, statics, threads, ...): all are read alike
            int poolCount = in.varint();
            for (int i = 0; i < poolCount; i++) {
                pool();
            }
            if (in.pos > end) {
                throw new IllegalStateException("constant-pool checkpoint at byte " + at + " runs past its " + (end - at) + " bytes");
            }
            if (delta == 0) {
                return;
            }
            // the recorder always links back to an earlier checkpoint; anything else would loop or read garbage
            if (delta > 0 || at + delta < ChunkHeader.SIZE) {
                throw new IllegalStateException("constant-pool checkpoint at byte " + at + " links to byte " + (at + delta));
            }
            at += (int) delta;
        }
    }

    private void pool() {
        int at = in.pos;
        long typeId = in.varlong();
        MetadataType type = metadata.type(typeId);
        if (type == null) {
            throw new IllegalStateException("constant pool at byte " + at + " has type id " + typeId
                    + ", which the chunk's metadata does not declare");
        }
        long count = in.varlong();
        if (count < 0 || count > in.limit() - in.pos) {
            throw new IllegalStateException("constant pool " + type.name() + " at byte " + at + " declares " + count + " entries");
        }
        switch (type.name()) {
            case "java.lang.Thread" -> texts(type, (int) count, pools.threads, "javaName", "osName", false);
            case "java.lang.Class" -> numbers(type, (int) count, pools.classes, "name", null);
            case "jdk.types.Method" -> numbers(type, (int) count, pools.methods, "type", "name");
            case "jdk.types.Symbol" -> texts(type, (int) count, pools.symbols, "string", null, false);
            case "java.lang.String" -> strings((int) count, pools.strings);
            case "jdk.types.StackTrace" -> stackTraces(type, (int) count);
            default -> {
                if (isEnumeration(type)) {
                    texts(type, (int) count, pools.enums.computeIfAbsent(type.name(), n -> new PoolTable(1)),
                            type.fields().get(0).name(), null, true);
                } else {
                    for (int i = 0; i < count; i++) {
                        in.varlong();
                        values.skip(in, type);
                    }
                }
            }
        }
    }

    /**
     * Simple types with one string field (GC causes and names, VM operations, deoptimization
     * reasons, ...): async-profiler's reader keeps these as key-to-text maps, and so does evident.
     */
    private static boolean isEnumeration(MetadataType type) {
        List<MetadataField> fields = type.fields();
        return type.simpleType() && fields.size() == 1 && fields.get(0).kind() == FieldKind.STRING
                && fields.get(0).dimension() == 0;
    }

    /**
     * Entries keeping the positions of up to two string fields ({@link ConstantPools#NO_TEXT} when
     * absent). Enumeration keys are kept as ints ({@code intKeys}), as async-profiler's reader did.
     */
    private void texts(MetadataType type, int count, PoolTable table, String first, String second, boolean intKeys) {
        int a = textField(type, first);
        int b = textField(type, second);
        long[] row = new long[type.fields().size()];
        for (int i = 0; i < count; i++) {
            long id = in.varlong();
            values.read(in, type, row);
            int r = table.put(intKeys ? (int) id : id);
            table.set(r, 0, a < 0 ? ConstantPools.NO_TEXT : row[a]);
            if (second != null) {
                table.set(r, 1, b < 0 ? ConstantPools.NO_TEXT : row[b]);
            }
        }
    }

    /** Entries keeping up to two numeric fields (ids of other pools); -1 when a field is absent. */
    private void numbers(MetadataType type, int count, PoolTable table, String first, String second) {
        int a = type.field(first);
        int b = second == null ? -1 : type.field(second);
        long[] row = new long[type.fields().size()];
        for (int i = 0; i < count; i++) {
            long id = in.varlong();
            values.read(in, type, row);
            int r = table.put(id);
            table.set(r, 0, a < 0 ? -1 : row[a]);
            if (second != null) {
                table.set(r, 1, b < 0 ? -1 : row[b]);
            }
        }
    }

    /** The string pool: each entry is just an id and a string. */
    private void strings(int count, PoolTable table) {
        for (int i = 0; i < count; i++) {
            int r = table.put(in.varlong());
            table.set(r, ConstantPools.TEXT, in.pos);
            in.skipString();
        }
    }

    private void stackTraces(MetadataType type, int count) {
        int framesField = type.field("frames");
        MetadataField frames = framesField < 0 ? null : type.fields().get(framesField);
        if (frames == null || frames.dimension() != 1 || frames.kind() != FieldKind.STRUCT || frames.typeIndex() < 0) {
            throw new IllegalStateException("jdk.types.StackTrace has no array of frames in this chunk's metadata");
        }
        MetadataType frameType = metadata.at(frames.typeIndex());
        int method = frameType.field("method");
        int line = frameType.field("lineNumber");
        int frameKind = frameType.field("type");
        long[] frame = new long[frameType.fields().size()];
        // the JDK's and async-profiler's frames are four varints; read so, they skip the per-field dispatch
        boolean varints = frameType.fields().stream().allMatch(f -> f.dimension() == 0 && f.kind() == FieldKind.VARINT);
        for (int i = 0; i < count; i++) {
            long id = in.varlong();
            for (int f = 0; f < type.fields().size(); f++) {
                if (f != framesField) {
                    values.skipField(in, type.fields().get(f));
                    continue;
                }
                int at = in.pos;
                long depth = in.varlong();
                if (depth < 0 || depth > in.limit() - in.pos) {
                    throw new IllegalStateException("stack trace at byte " + at + " declares " + depth + " frames");
                }
                int first = pools.stacks.add(id, (int) depth);
                for (int k = 0; k < depth; k++) {
                    if (varints) {
                        for (int v = 0; v < frame.length; v++) {
                            frame[v] = in.varlong();
                        }
                    } else {
                        values.read(in, frameType, frame);
                    }
                    pools.stacks.set(first + k, method < 0 ? -1 : frame[method], line < 0 ? 0 : (int) frame[line],
                            frameKind < 0 ? 0 : (byte) frame[frameKind]);
                }
            }
        }
    }

    /** A string field's position in a row, -1 when the type has no such inline string field. */
    private static int textField(MetadataType type, String name) {
        int i = name == null ? -1 : type.field(name);
        if (i < 0) {
            return -1;
        }
        MetadataField f = type.fields().get(i);
        return f.kind() == FieldKind.STRING && f.dimension() == 0 ? i : -1;
    }
}
