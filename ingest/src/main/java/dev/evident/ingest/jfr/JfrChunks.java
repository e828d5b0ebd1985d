package dev.evident.ingest.jfr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the chunks of a JFR file from their headers alone. A recording is a sequence of
 * self-contained chunks (each with its own metadata and constant pools), which is what lets
 * evident parse them in parallel and keep the complete ones of a truncated file.
 */
final class JfrChunks {
    private JfrChunks() {
    }

    /** One chunk: where it starts, how long it is, and when it was recorded. */
    record Chunk(long offset, long size, long startNanos, long durationNanos) {
    }

    /** The usable chunks, and what was wrong with the rest of the file, if anything. */
    record Layout(List<Chunk> chunks, String problem) {
    }

    static Layout scan(FileChannel ch) throws IOException {
        long fileSize = ch.size();
        List<Chunk> chunks = new ArrayList<>();
        ByteBuffer header = ByteBuffer.allocate(ChunkHeader.SIZE).order(ByteOrder.BIG_ENDIAN);
        long offset = 0;
        while (offset < fileSize) {
            header.clear();
            int read = 0;
            while (header.hasRemaining()) {
                int r = ch.read(header, offset + read);
                if (r < 0) {
                    break;
                }
                read += r;
            }
            if (read < 8 || header.getInt(0) != ChunkHeader.MAGIC) {
                return new Layout(chunks, "expected a chunk header (\"FLR\\0\") at byte " + offset + " but found "
                        + (read < 4 ? "the end of the file" : hex(header, Math.min(read, 8))));
            }
            int major = header.getShort(4);
            int minor = header.getShort(6);
            if (major != 2) {
                return new Layout(chunks, "chunk at byte " + offset + " has JFR format version " + major + "." + minor
                        + "; only version 2.x (JDK 11 and later, async-profiler 2+) is supported");
            }
            if (read < ChunkHeader.SIZE) {
                return new Layout(chunks, "file ends inside the chunk header at byte " + offset
                        + " (" + read + " of " + ChunkHeader.SIZE + " header bytes present)");
            }
            ChunkHeader h = ChunkHeader.of(header, 0);
            long size = h.size();
            long cpOffset = h.constantPoolOffset();
            long metaOffset = h.metadataOffset();
            if (size <= ChunkHeader.SIZE || cpOffset <= 0 || metaOffset <= 0 || cpOffset >= size || metaOffset >= size) {
                return new Layout(chunks, "chunk at byte " + offset + " was never finished by the recorder (size "
                        + size + ", no metadata or constant pool position): the recording was still running or "
                        + "the JVM died; dump it with 'jcmd <pid> JFR.dump' or stop the recording first");
            }
            if (offset + size > fileSize) {
                return new Layout(chunks, "file is truncated: the chunk at byte " + offset + " declares " + size
                        + " bytes but only " + (fileSize - offset) + " remain");
            }
            chunks.add(new Chunk(offset, size, h.startNanos(), h.durationNanos()));
            offset += size;
        }
        return new Layout(chunks, null);
    }

    private static String hex(ByteBuffer b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? " " : "").append(String.format("%02x", b.get(i) & 0xff));
        }
        return sb.toString();
    }
}
