package dev.evident.ingest.jfr;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A read cursor over one chunk held in a heap buffer. JFR numbers are LEB128 varints (up to nine
 * bytes, the ninth carrying eight bits); they are decoded straight from the backing array.
 */
final class ChunkBytes {
    /** Where a string that refers to the chunk's string pool (encoding 2) is looked up. */
    interface StringPool {
        String string(long id);
    }

    /** For text read before any pool exists, such as the metadata's string table. */
    static final StringPool NO_POOL = id -> null;

    private final ByteBuffer buf;
    private final byte[] data;
    private final int offset;
    int pos;

    ChunkBytes(ByteBuffer buf) {
        this.buf = buf;
        this.data = buf.array();
        this.offset = buf.arrayOffset();
    }

    int limit() {
        return buf.limit();
    }

    long varlong() {
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
        pos = p - offset;
        return v;
    }

    int varint() {
        return (int) varlong();
    }

    byte next() {
        return data[offset + pos++];
    }

    float f32() {
        float f = buf.getFloat(pos);
        pos += 4;
        return f;
    }

    double f64() {
        double d = buf.getDouble(pos);
        pos += 8;
        return d;
    }

    void skip(int length) {
        pos += length;
    }

    /**
     * Moves past the header of the event at {@code at} (size, type id, start time, duration) and
     * returns where the event ends. For the metadata and checkpoint events, which are found by
     * offsets rather than by walking the events, so their size and type are checked, not trusted.
     */
    int eventHeader(int at, long expectedType, String what) {
        pos = at;
        long size = varlong();
        if (size <= 0 || size > limit() - at) {
            throw new IllegalStateException(what + " at byte " + at + " has an impossible size " + size);
        }
        long type = varlong();
        if (type != expectedType) {
            throw new IllegalStateException("expected the " + what + " at byte " + at + " but found event type " + type);
        }
        varlong(); // start time
        varlong(); // duration
        return (int) (at + size);
    }

    /** The backing array and the array index of chunk position {@code p}, for content keys. */
    byte[] array() {
        return data;
    }

    int arrayIndex(int p) {
        return offset + p;
    }

    /**
     * A string at the cursor. The first byte says how it is stored: 0 null, 1 empty, 2 an id into
     * the string pool, 3 UTF-8 bytes, 4 UTF-16 code units as varints, 5 Latin-1 bytes.
     */
    String string(StringPool pool) {
        byte encoding = next();
        return switch (encoding) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> pool.string(varlong());
            case 3, 5 -> {
                int length = length();
                String s = new String(data, offset + pos, length,
                        encoding == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
                pos += length;
                yield s;
            }
            case 4 -> {
                int length = length();
                StringBuilder sb = new StringBuilder(length);
                for (int c = 0; c < length; c++) {
                    sb.append((char) varint());
                }
                yield sb.toString();
            }
            default -> throw invalidEncoding(encoding);
        };
    }

    /** Moves past a string without building it. */
    void skipString() {
        byte encoding = next();
        switch (encoding) {
            case 0, 1 -> {
            }
            case 2 -> varlong();
            case 3, 5 -> {
                int length = length(); // read before pos is: 'pos += length()' would drop the length's own bytes
                pos += length;
            }
            case 4 -> {
                for (int c = length(); c > 0; c--) {
                    varlong();
                }
            }
            default -> throw invalidEncoding(encoding);
        }
    }

    /** A text's length, which must fit in what is left of the chunk: a corrupt one must not allocate gigabytes. */
    int length() {
        int at = pos;
        long length = varlong();
        if (length < 0 || length > limit() - pos) {
            throw new IllegalStateException("string length " + length + " at byte " + at + " runs past the chunk");
        }
        return (int) length;
    }

    private IllegalStateException invalidEncoding(byte encoding) {
        return new IllegalStateException("invalid string encoding " + encoding + " at byte " + (pos - 1));
    }
}
