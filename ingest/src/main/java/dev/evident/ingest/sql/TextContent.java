package dev.evident.ingest.sql;

import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.EvidenceSink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Small text artifacts (EXPLAIN output, statistics exports) read whole. Bytes that are not UTF-8
 * (a plan saved in Latin-1, binary garbage) do not stop the read: they become U+FFFD and a warning
 * says where the first one was.
 */
final class TextContent {
    /** EXPLAIN files are kilobytes; even a 10,000-node plan is a few MB. */
    static final int MAX_BYTES = 64 << 20;

    private TextContent() {
    }

    static List<String> lines(ArtifactInput input, EvidenceSink sink, String what) throws ArtifactException {
        byte[] bytes;
        try (InputStream in = input.openStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ArtifactException(what + ": cannot read the file: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ArtifactException(what + ": file is larger than " + (MAX_BYTES >> 20)
                    + " MiB, which no EXPLAIN output or statistics export is; is it a server log?");
        }
        return List.of(decode(bytes, sink).split("\n", -1));
    }

    static String decode(byte[] bytes, EvidenceSink sink) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return strict.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int offset = firstBadByte(bytes);
            sink.warning("bytes that are not UTF-8 from byte " + offset + " (first: 0x"
                    + String.format("%02x", bytes[offset] & 0xff) + ", line " + lineOf(bytes, offset)
                    + "); they were replaced by U+FFFD; if the file is Latin-1, convert it with iconv -f latin1 -t utf-8");
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static int firstBadByte(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = d.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }

    static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The first bytes of a probe's head as text, never failing. */
    static String head(ByteBuffer head, int max) {
        ByteBuffer b = head.duplicate();
        int n = Math.min(max, b.remaining());
        byte[] bytes = new byte[n];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
