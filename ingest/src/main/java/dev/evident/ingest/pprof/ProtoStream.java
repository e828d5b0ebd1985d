package dev.evident.ingest.pprof;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * The top level of a protobuf message read from a stream: yields one field at a time and makes
 * sure a length-delimited field's bytes are in the buffer before it is decoded. The buffer grows
 * only as bytes actually arrive, up to {@link #MAX_FIELD}; a field declaring more fails, so a tiny
 * file claiming gigabytes costs nothing.
 */
final class ProtoStream {
    /** Largest single top-level field accepted (a sample, a location, one string). */
    static final int MAX_FIELD = 64 << 20;

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long base;          // stream offset of buf[0]
    private boolean eof;

    int field;
    int wireType;
    /** For LEN fields after {@link #next()}: the field's bytes are {@code buffer()[start, end)}. */
    int start;
    int end;
    /** For VARINT fields: the value. */
    long value;
    /** Stream offset where the current field's tag starts. */
    long fieldOffset;

    ProtoStream(InputStream in) {
        this.in = in;
    }

    byte[] buffer() {
        return buf;
    }

    long base() {
        return base;
    }

    /** Bytes consumed so far (decompressed). */
    long position() {
        return base + pos;
    }

    /** Advances to the next top-level field; false at the end of the stream. */
    boolean next() throws IOException, ProtoFormatException {
        if (!ensure(1)) {
            return false;
        }
        fieldOffset = base + pos;
        long tag = readVarint();
        if (tag <= 0 || (tag >>> 3) > Integer.MAX_VALUE) {
            throw new ProtoFormatException("invalid field tag " + tag + " at byte " + fieldOffset);
        }
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        switch (wireType) {
            case ProtoCursor.VARINT -> value = readVarint();
            case ProtoCursor.LEN -> {
                long len = readVarint();
                if (len < 0 || len > MAX_FIELD) {
                    throw new ProtoFormatException("field " + field + " at byte " + fieldOffset + " declares " + len
                            + " bytes; no field of a pprof profile is that large (limit " + MAX_FIELD + ")");
                }
                if (!ensure((int) len)) {
                    throw new ProtoFormatException("the data ends inside field " + field + " at byte " + fieldOffset
                            + ": it declares " + len + " bytes but only " + (limit - pos) + " follow; the file is truncated");
                }
                start = pos;
                end = pos + (int) len;
                pos = end;
            }
            case ProtoCursor.FIXED64 -> skipFixed(8);
            case ProtoCursor.FIXED32 -> skipFixed(4);
            default -> throw new ProtoFormatException("unsupported wire type " + wireType + " for field " + field
                    + " at byte " + fieldOffset);
        }
        return true;
    }

    private void skipFixed(int n) throws IOException, ProtoFormatException {
        if (!ensure(n)) {
            throw new ProtoFormatException("the data ends inside field " + field + " at byte " + fieldOffset);
        }
        pos += n;
    }

    private long readVarint() throws IOException, ProtoFormatException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!ensure(1)) {
                throw new ProtoFormatException("the data ends inside a varint at byte " + (base + pos) + "; the file is truncated");
            }
            byte b = buf[pos++];
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new ProtoFormatException("a varint at byte " + (base + pos) + " is longer than 10 bytes");
    }

    /** Makes {@code n} bytes available at {@code pos}; false if the stream ends first. */
    private boolean ensure(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (pos > 0) { // keep the unread tail only
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit < n) {
            if (eof) {
                return false;
            }
            if (limit == buf.length) {
                // grow by doubling as data arrives, never to the declared size up front
                buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, Math.max(n, MAX_FIELD)));
            }
            int r;
            try {
                // bounded reads: a gzip stream that breaks loses at most one read, so the byte
                // count in the error stays close to where the data ends
                r = in.read(buf, limit, Math.min(buf.length - limit, 1 << 15));
            } catch (EOFException | ZipException e) {
                throw new TruncatedInputException(base + limit, e);
            }
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return true;
    }

    /** The compressed stream broke (truncated or corrupt gzip) after {@code decompressed} bytes. */
    static final class TruncatedInputException extends IOException {
        final long decompressed;

        TruncatedInputException(long decompressed, IOException cause) {
            super(cause.getMessage(), cause);
            this.decompressed = decompressed;
        }
    }
}
