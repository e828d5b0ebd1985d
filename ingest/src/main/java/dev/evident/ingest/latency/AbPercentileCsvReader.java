package dev.evident.ingest.latency;

import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.LatencySeries.ReportedPercentile;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ApacheBench's {@code -e} file: the header {@code Percentage served,Time in ms} and 101 rows, the
 * time within which 0% ... 100% of requests were served (0 is the fastest request, 100 the slowest).
 * It names neither the URL nor the request count, so the series is labelled with the file name.
 */
public final class AbPercentileCsvReader implements ArtifactReader {
    static final String HEADER = "Percentage served,Time in ms";

    @Override
    public String format() {
        return "ab-percentiles";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        return Heads.firstLine(Heads.text(head)).strip().equals(HEADER) ? Probe.CERTAIN : Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        List<ReportedPercentile> rows = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(input.openStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (lineNo == 1 || line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(",");
                if (parts.length != 2) {
                    throw new ArtifactException("ab -e: line " + lineNo + ": expected 'percentage,milliseconds', found '"
                            + line + "'");
                }
                try {
                    rows.add(new ReportedPercentile(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())));
                } catch (NumberFormatException e) {
                    throw new ArtifactException("ab -e: line " + lineNo + ": expected two numbers, found '" + line + "'");
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("ab -e: cannot read the file: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new ArtifactException("ab -e: the header is there but no percentile rows follow");
        }
        if (rows.size() != 101) {
            sink.warning("expected 101 rows (0% to 100%), found " + rows.size());
        }
        sink.producer("ApacheBench (-e)");
        String label = Path.of(input.displayPath()).getFileName().toString();
        // the 0% row is the fastest request: the minimum, which is not a percentile the report uses
        sink.latency(new LatencySeries(input.displayPath(), label, "ab", null, rows, Double.NaN, 0, 0, null, Double.NaN,
                Map.of()));
    }
}
