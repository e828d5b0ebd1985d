package dev.evident.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the committed sample artifacts. */
final class Samples {
    private Samples() {
    }

    static Path of(String relative) {
        String configured = System.getProperty("evident.repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("samples").resolve(relative);
            if (Files.isDirectory(p.resolve("samples/workloads")) && Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample " + relative + " not found above " + start);
    }
}
