package dev.evident.core.model;

import java.util.List;

/**
 * One input file that was read.
 *
 * @param path      the path as shown to users: relative to the analyzed directory where possible
 * @param format    the detected format id, e.g. {@code jfr} or {@code collapsed}
 * @param sizeBytes size on disk
 * @param sha256    hex digest of the bytes on disk, or {@code null} when not computed (by default
 *                  files above 64 MiB are not hashed; see {@code --digest})
 * @param producer  the tool that wrote it, when the content says (e.g. "async-profiler 4.6")
 * @param window    the time the artifact covers, when known
 * @param warnings  problems the reader worked around (bad lines, truncation), each naming the place
 */
public record Artifact(
        String path,
        String format,
        long sizeBytes,
        String sha256,
        String producer,
        TimeWindow window,
        List<String> warnings) {

    public Artifact {
        warnings = List.copyOf(warnings);
    }
}
