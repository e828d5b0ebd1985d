package dev.evident.bench;

import dev.evident.core.model.QueryPlan;
import dev.evident.core.model.SqlEvent;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.sql.PgLogReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One pass of evident's PostgreSQL log reader over a file, in a JVM of its own, with a sink that
 * only counts (so the figure is the reader's: line splitting, prefix parsing, fingerprints,
 * auto_explain plans). Prints the reader's own time and throughput; {@link PgLogIngestBench} also
 * measures the whole process under GNU time.
 */
public final class PgLogReadPass {
    private PgLogReadPass() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Counting sink = new Counting();
        long start = System.nanoTime();
        new PgLogReader().read(ArtifactInput.of(file), sink);
        double seconds = (System.nanoTime() - start) / 1e9;
        double mb = Files.size(file) / 1e6;
        System.out.printf(Locale.ROOT, "reader=%.3f s %.1f MB/s events=%d plans=%d%n", seconds, mb / seconds, sink.events, sink.plans);
    }

    /** Counts what the reader delivers and drops the rest (BenchSink ignores everything else). */
    private static final class Counting extends BenchSink {
        long events;
        long plans;

        @Override
        public void plan(QueryPlan plan) {
            plans++;
        }

        @Override
        public void sqlEvent(SqlEvent event) {
            events++;
        }
    }
}
