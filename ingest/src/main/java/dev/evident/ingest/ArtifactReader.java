package dev.evident.ingest;

import java.nio.ByteBuffer;

/**
 * Reads one artifact format into the evidence model. Implementations are registered in
 * {@code META-INF/services/dev.evident.ingest.ArtifactReader}; a new format is one new class plus
 * its registration line, its tests and its sample.
 */
public interface ArtifactReader {

    /** Format id, e.g. {@code jfr}, {@code collapsed}. */
    String format();

    /**
     * Looks at the first bytes only (already un-gzipped) and says whether this is the reader's
     * format. Must be cheap and must not throw.
     */
    Probe probe(ArtifactInput input, ByteBuffer head);

    /**
     * Streams the artifact into the sink with bounded memory. Problems that lose part of the data
     * are reported with {@link EvidenceSink#warning}; a file that yields nothing throws.
     */
    void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException;
}
