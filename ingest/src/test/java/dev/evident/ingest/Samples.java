package dev.evident.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the committed sample artifacts from any module's tests. */
public final class Samples {
    private Samples() {
    }

    public static Path root() {
        String configured = System.getProperty("evident.repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples/workloads"))) {
                return p;
            }
        }
        throw new IllegalStateException("samples/ not found above " + start);
    }

    public static Path of(String relative) {
        Path p = root().resolve("samples").resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("missing sample " + p);
        }
        return p;
    }
}
