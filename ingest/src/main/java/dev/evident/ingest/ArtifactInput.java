package dev.evident.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;

/**
 * One input file as readers see it: gzip is unwrapped transparently, so a reader never needs to
 * know whether its format arrived compressed.
 */
public final class ArtifactInput {
    /** How many leading bytes (after gunzip) readers get to probe. */
    public static final int HEAD_BYTES = 64 * 1024;

    private final Path path;
    private final String displayPath;
    private final long size;
    private final boolean gzip;
    private final TempFiles tempFiles;
    private Path materialized;

    ArtifactInput(Path path, String displayPath, long size, boolean gzip, TempFiles tempFiles) {
        this.path = path;
        this.displayPath = displayPath;
        this.size = size;
        this.gzip = gzip;
        this.tempFiles = tempFiles;
    }

    /** A stand-alone input for tests and tools; gzip is detected from the first bytes. */
    public static ArtifactInput of(Path path) throws IOException {
        return new ArtifactInput(path, path.toString(), Files.size(path), isGzip(path), new TempFiles());
    }

    public Path path() {
        return path;
    }

    /** The path as shown to users. */
    public String displayPath() {
        return displayPath;
    }

    /** Size on disk (compressed size for gzip). */
    public long size() {
        return size;
    }

    public boolean isGzip() {
        return gzip;
    }

    /** A stream of the content, decompressed if needed. */
    public InputStream openStream() throws IOException {
        InputStream raw = Files.newInputStream(path);
        return gzip ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16);
    }

    /**
     * A file with the decompressed content, for readers that need random access. For plain files
     * this is the file itself; gzip content is expanded once into evident's temporary directory,
     * never next to the input.
     */
    public synchronized Path randomAccessFile() throws IOException {
        if (!gzip) {
            return path;
        }
        if (materialized == null) {
            Path target = tempFiles.create(path.getFileName() + ".unzipped");
            try (InputStream in = openStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            materialized = target;
        }
        return materialized;
    }

    /** Up to {@code HEAD_BYTES} of decompressed content, for format probing. */
    ByteBuffer head() throws IOException {
        byte[] bytes = new byte[HEAD_BYTES];
        int filled = 0;
        try (InputStream in = openStream()) {
            for (int r; filled < bytes.length && (r = in.read(bytes, filled, bytes.length - filled)) > 0; ) {
                filled += r;
            }
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            // a truncated or corrupt gzip still gets probed on what could be read, so that its reader
            // can say where it breaks
        }
        return ByteBuffer.wrap(java.util.Arrays.copyOf(bytes, filled)).asReadOnlyBuffer();
    }

    static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** Temporary files of one ingest run, deleted when the run ends. */
    public static final class TempFiles implements AutoCloseable {
        private Path dir;

        synchronized Path create(String name) throws IOException {
            if (dir == null) {
                dir = Files.createTempDirectory("evident-");
            }
            return Files.createTempFile(dir, "", "-" + name);
        }

        @Override
        public synchronized void close() {
            if (dir == null) {
                return;
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                // best effort: the OS cleans its temporary directory eventually
            }
        }
    }
}
