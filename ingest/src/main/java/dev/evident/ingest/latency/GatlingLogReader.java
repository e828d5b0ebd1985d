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

/**
 * Gatling's text {@code simulation.log} (Gatling 3.0 to 3.12): tab-separated records, a {@code RUN}
 * header with the simulation and the Gatling version, then {@code USER}, {@code REQUEST} and
 * {@code ERROR} records. A request record is {@code REQUEST, groups, name, start ms, end ms,
 * OK|KO, message}; one series per request name, KO counts as an error.
 *
 * <p>Gatling 3.13 and later write a binary log that only the same Gatling version can read; such a
 * file is recognised and skipped with that explanation.
 */
public final class GatlingLogReader implements ArtifactReader {

    @Override
    public String format() {
        return "gatling-log";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        if (isBinaryLog(head)) {
            return Probe.LIKELY;
        }
        String first = Heads.firstLine(Heads.text(head));
        return first.startsWith("RUN\t") && first.split("\t").length >= 5 ? Probe.CERTAIN : Probe.NO;
    }

    /** Gatling 3.13+: a 0 header byte, an int32 length and a version string such as "3.13.1". */
    static boolean isBinaryLog(ByteBuffer head) {
        ByteBuffer b = head.duplicate();
        if (b.remaining() < 8 || b.get(b.position()) != 0) {
            return false;
        }
        int length = b.getInt(b.position() + 1);
        if (length < 3 || length > 20 || b.remaining() < 5 + length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            byte c = b.get(b.position() + 5 + i);
            if (!(c == '.' || (c >= '0' && c <= '9') || c == '-' || (c >= 'A' && c <= 'z'))) {
                return false;
            }
        }
        return b.get(b.position() + 5) >= '1' && b.get(b.position() + 5) <= '9';
    }

    private static ByteBuffer firstBytes(ArtifactInput input) throws IOException {
        try (java.io.InputStream in = input.openStream()) {
            return ByteBuffer.wrap(in.readNBytes(64));
        }
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        try {
            if (isBinaryLog(firstBytes(input))) {
                throw new ArtifactException("Gatling: this is the binary simulation.log of Gatling 3.13 or later, which "
                        + "only the Gatling version that wrote it can read; give evident the text log of Gatling 3.12 or "
                        + "earlier, or export the results as JTL/CSV");
            }
        } catch (IOException e) {
            throw new ArtifactException("Gatling: cannot read the file: " + e.getMessage(), e);
        }
        LatencyTable table = new LatencyTable();
        String version = null;
        long lineNo = 0;
        long bad = 0;
        String firstBad = null;
        long assertionErrors = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(input.openStream(), StandardCharsets.UTF_8),
                1 << 16)) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.startsWith("RUN\t")) {
                    String[] f = line.split("\t", -1);
                    version = f[f.length - 1].strip();
                } else if (line.startsWith("REQUEST\t")) {
                    String[] f = line.split("\t", -1);
                    try {
                        if (f.length < 6) {
                            throw new NumberFormatException("at least 6 tab-separated fields, found " + f.length);
                        }
                        long start = Long.parseLong(f[3]);
                        long end = Long.parseLong(f[4]);
                        LatencyAccumulator a = table.label(f[1].isEmpty() ? f[2] : f[1] + " / " + f[2]);
                        a.record(end - start, !"OK".equals(f[5]));
                        a.time(start * 1_000_000L);
                        a.time(end * 1_000_000L);
                    } catch (NumberFormatException e) {
                        bad++;
                        if (firstBad == null) {
                            firstBad = "line " + lineNo + ": expected REQUEST, groups, name, start ms, end ms, OK|KO ("
                                    + e.getMessage() + ")";
                        }
                    }
                } else if (line.startsWith("ERROR\t")) {
                    assertionErrors++;
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("Gatling: cannot read the file: " + e.getMessage(), e);
        }
        if (table.isEmpty()) {
            throw new ArtifactException("Gatling: no REQUEST records in " + lineNo + " lines"
                    + (firstBad == null ? "" : "; first problem: " + firstBad));
        }
        if (bad > 0) {
            sink.warning(bad + " REQUEST records skipped; first: " + firstBad);
        }
        if (assertionErrors > 0) {
            sink.warning(assertionErrors + " ERROR records (crashed checks or feeders) are not requests and were not counted");
        }
        sink.producer(version == null ? "Gatling" : "Gatling " + version);
        table.emit(input.displayPath(), "Gatling", sink, LatencyTable.noParameters());
    }
}
