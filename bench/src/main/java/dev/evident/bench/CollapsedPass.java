package dev.evident.bench;

import dev.evident.core.model.Profile;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.collapsed.CollapsedReader;

import java.nio.file.Files;
import java.nio.file.Path;

/** One read of a collapsed file by evident's reader, timed inside the JVM (start-up excluded). */
public final class CollapsedPass {
    private CollapsedPass() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long start = System.nanoTime();
        Profile p = BenchSink.readOne(new CollapsedReader(), ArtifactInput.of(file));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "collapsed reader: %.2f s, %.0f MB/s, %d samples, %d nodes%n", seconds,
                Files.size(file) / 1e6 / seconds, p.totalWeight(0), p.tree().size());
    }
}
