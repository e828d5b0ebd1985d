package dev.evident.ingest.latency;

import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * ApacheBench's {@code -g} file: one row per request with {@code starttime} (text),
 * {@code seconds} (start, epoch seconds), {@code ctime} (connect), {@code dtime} (processing),
 * {@code ttime} (total) and {@code wait}, all in whole milliseconds. The total is the latency.
 */
public final class AbRequestTsvReader implements ArtifactReader {
    static final String HEADER = "starttime\tseconds\tctime\tdtime\tttime\twait";

    @Override
    public String format() {
        return "ab-requests";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        return Heads.firstLine(Heads.text(head)).strip().equals(HEADER) ? Probe.CERTAIN : Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        LatencyTable table = new LatencyTable();
        String label = Path.of(input.displayPath()).getFileName().toString();
        LatencyAccumulator requests = table.label(label);
        int lineNo = 0;
        long bad = 0;
        String firstBad = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(input.openStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (lineNo == 1 || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                try {
                    if (f.length != 6) {
                        throw new NumberFormatException("6 tab-separated columns, found " + f.length);
                    }
                    long start = Long.parseLong(f[1].strip());
                    double total = Double.parseDouble(f[4].strip());
                    requests.record(total, false);
                    requests.time(start * 1_000_000_000L);
                    requests.time(start * 1_000_000_000L + Math.round(total * 1e6));
                } catch (NumberFormatException e) {
                    bad++;
                    if (firstBad == null) {
                        firstBad = "line " + lineNo + ": expected " + e.getMessage() + ": '" + line + "'";
                    }
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("ab -g: cannot read the file: " + e.getMessage(), e);
        }
        if (requests.count() == 0) {
            throw new ArtifactException("ab -g: no request rows after the header"
                    + (firstBad == null ? "" : "; first problem: " + firstBad));
        }
        if (bad > 0) {
            sink.warning(bad + " rows skipped; first: " + firstBad);
        }
        sink.producer("ApacheBench (-g)");
        table.emit(input.displayPath(), "ab", sink, LatencyTable.noParameters());
    }
}
