package dev.evident.ingest.jfr;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A read cursor over one chunk held in a heap buffer. JFR numbers are LEB128 varints (up to nine
 * bytes, the ninth carrying eight bits); they are decoded straight from the backing array.
 */
final class ChunkBytes {
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

    /** {@code length} bytes as text in the given JFR string encoding (3 UTF-8, 5 Latin-1). */
    String text(int length, boolean utf8) {
        String s = new String(data, offset + pos, length, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        pos += length;
        return s;
    }

    void skip(int length) {
        pos += length;
    }
}
