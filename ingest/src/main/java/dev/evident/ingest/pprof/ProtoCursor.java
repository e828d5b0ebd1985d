package dev.evident.ingest.pprof;

/**
 * Reads protobuf wire data from a byte range without creating objects: varints, tags, and the
 * bounds of length-delimited fields. Every length is checked against the end of its enclosing
 * message, so a file that declares huge lengths fails at once instead of allocating.
 */
final class ProtoCursor {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LEN = 2;
    static final int FIXED32 = 5;

    byte[] buf;
    int pos;
    int end;
    /** File offset of {@code buf[0]}, for messages. */
    long base;

    void reset(byte[] buf, int pos, int end, long base) {
        this.buf = buf;
        this.pos = pos;
        this.end = end;
        this.base = base;
    }

    boolean more() {
        return pos < end;
    }

    long offset() {
        return base + pos;
    }

    long varint() throws ProtoFormatException {
        byte[] b = buf;
        int p = pos;
        if (p < end && b[p] >= 0) { // one byte: the common case for tags, ids and small values
            pos = p + 1;
            return b[p];
        }
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p >= end) {
                throw new ProtoFormatException("a varint at byte " + (base + pos) + " runs past the end of its message");
            }
            byte x = b[p++];
            result |= (long) (x & 0x7f) << shift;
            if (x >= 0) {
                pos = p;
                return result;
            }
        }
        throw new ProtoFormatException("a varint at byte " + (base + pos) + " is longer than 10 bytes");
    }

    /** Reads a tag; returns {@code field << 3 | wireType}. */
    int tag() throws ProtoFormatException {
        long t = varint();
        if (t <= 0 || t > Integer.MAX_VALUE) {
            throw new ProtoFormatException("invalid field tag " + t + " at byte " + (offset() - 1));
        }
        return (int) t;
    }

    /** Reads a length prefix and returns the end of the field's bytes, checked against the message. */
    int lengthEnd() throws ProtoFormatException {
        long at = offset();
        long len = varint();
        if (len < 0 || len > end - pos) {
            throw new ProtoFormatException("a field at byte " + at + " declares " + len + " bytes but its message has only "
                    + (end - pos) + " left");
        }
        return pos + (int) len;
    }

    void skip(int wireType) throws ProtoFormatException {
        switch (wireType) {
            case VARINT -> varint();
            case FIXED64 -> advance(8);
            case LEN -> pos = lengthEnd();
            case FIXED32 -> advance(4);
            default -> throw new ProtoFormatException("unsupported wire type " + wireType + " at byte " + offset());
        }
    }

    private void advance(int n) throws ProtoFormatException {
        if (end - pos < n) {
            throw new ProtoFormatException("a fixed-size field at byte " + offset() + " runs past the end of its message");
        }
        pos += n;
    }
}
