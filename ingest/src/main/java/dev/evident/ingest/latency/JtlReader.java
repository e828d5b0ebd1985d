package dev.evident.ingest.latency;

import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * JMeter's CSV result file ({@code .jtl} with {@code jmeter.save.saveservice.output_format=csv}):
 * a header naming the saved fields, then one row per sample. The reader needs {@code elapsed}
 * (milliseconds) and {@code label}; {@code success}, {@code timeStamp} (epoch milliseconds) and
 * {@code responseCode} are used when present. One series per label. Streams with one byte buffer;
 * a file with millions of rows keeps HdrHistogram buckets instead of every value.
 */
public final class JtlReader implements ArtifactReader {

    @Override
    public String format() {
        return "jmeter-jtl";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        List<String> header = Arrays.asList(Heads.firstLine(Heads.text(head)).split(","));
        if (header.contains("elapsed") && header.contains("label")) {
            return header.contains("timeStamp") && header.contains("success") ? Probe.CERTAIN : Probe.LIKELY;
        }
        return Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        LatencyTable table = new LatencyTable();
        ByteLabels labels = new ByteLabels();
        long badRows = 0;
        String firstBad = null;
        boolean timestampsUsable = true;
        try (InputStream in = input.openStream()) {
            CsvLines csv = new CsvLines(in, (byte) ',');
            if (!csv.next()) {
                throw new ArtifactException("JMeter JTL: empty file");
            }
            List<String> header = Arrays.asList(new String(csv.buffer(), csv.lineStart, csv.lineEnd - csv.lineStart,
                    java.nio.charset.StandardCharsets.UTF_8).split(","));
            int elapsed = header.indexOf("elapsed");
            int label = header.indexOf("label");
            int success = header.indexOf("success");
            int timeStamp = header.indexOf("timeStamp");
            if (elapsed < 0 || label < 0) {
                throw new ArtifactException("JMeter JTL: line 1: the header must name 'elapsed' and 'label', found " + header);
            }
            int needed = Math.max(Math.max(elapsed, label), Math.max(success, timeStamp)) + 1;
            while (csv.next()) {
                if (csv.lineEnd == csv.lineStart) {
                    continue;
                }
                long ms = csv.fields >= needed ? csv.longValue(elapsed) : Long.MIN_VALUE;
                if (ms == Long.MIN_VALUE || ms < 0) {
                    badRows++;
                    if (firstBad == null) {
                        firstBad = "line " + csv.lineNumber + ": expected " + header.size() + " fields with a whole "
                                + "number of milliseconds in 'elapsed', found: " + csv.excerpt();
                    }
                    continue;
                }
                LatencyAccumulator a = table.label(labels.get(csv.buffer(), csv.starts[label], csv.ends[label]));
                boolean failed = success >= 0 && !csv.equalsIgnoreCase(success, "true");
                a.record(ms, failed);
                if (timeStamp >= 0 && timestampsUsable) {
                    long start = csv.longValue(timeStamp);
                    if (start == Long.MIN_VALUE) {
                        timestampsUsable = false;
                        sink.warning("line " + csv.lineNumber + ": timeStamp is not epoch milliseconds ('"
                                + csv.text(timeStamp) + "'); throughput is unknown. Set "
                                + "jmeter.save.saveservice.timestamp_format=ms");
                    } else {
                        a.time(start * 1_000_000L);
                        a.time((start + ms) * 1_000_000L);
                    }
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("JMeter JTL: cannot read the file: " + e.getMessage(), e);
        }
        if (table.isEmpty()) {
            throw new ArtifactException("JMeter JTL: no sample rows after the header"
                    + (firstBad == null ? "" : "; first problem: " + firstBad));
        }
        if (badRows > 0) {
            sink.warning(badRows + " rows skipped; first: " + firstBad);
        }
        sink.producer("Apache JMeter");
        table.emit(input.displayPath(), "JMeter", sink, LatencyTable.noParameters());
    }
}
