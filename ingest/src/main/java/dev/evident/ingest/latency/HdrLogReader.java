package dev.evident.ingest.latency;

import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;
import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;

/**
 * HdrHistogram interval logs as {@code HistogramLogWriter} writes them (jHiccup, wrk2, Cassandra
 * stress, custom recorders): comment lines {@code #[...]}, a legend, then one line per interval,
 * {@code [Tag=NAME,]start,length,max,BASE64}. Every interval histogram is decoded with the
 * HdrHistogram library and added to its tag's series (untagged lines form one series).
 *
 * <p>The log does not say its value unit. The {@code Interval_Max} column is the interval's maximum
 * divided by the writer's {@code maxValueUnitRatio}, which by convention turns it into
 * milliseconds; so the ratio of the decoded maximum to that column gives the unit of each line
 * (10⁶ for nanoseconds, 10³ for microseconds). Without a usable maximum, nanoseconds are assumed
 * (the library's default ratio) and the report says so.
 */
public final class HdrLogReader implements ArtifactReader {

    @Override
    public String format() {
        return "hdrhistogram-log";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String text = Heads.text(head);
        if (text.startsWith("#[Histogram log format version") || text.contains("\"Interval_Compressed_Histogram\"")) {
            return Probe.CERTAIN;
        }
        return text.contains(",HISTF") || text.contains(",HISTi") ? Probe.LIKELY : Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        LatencyTable table = new LatencyTable(0);
        double baseSeconds = Double.NaN;
        double startSeconds = Double.NaN;
        long lineNo = 0;
        long assumedNanos = 0;
        String version = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(input.openStream(), StandardCharsets.US_ASCII),
                1 << 16)) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    if (line.startsWith("#[StartTime: ")) {
                        startSeconds = leadingNumber(line.substring("#[StartTime: ".length()));
                    } else if (line.startsWith("#[BaseTime: ")) {
                        baseSeconds = leadingNumber(line.substring("#[BaseTime: ".length()));
                    } else if (line.startsWith("#[Histogram log format version ")) {
                        version = line.substring("#[Histogram log format version ".length()).replace("]", "").strip();
                    }
                    continue;
                }
                if (line.startsWith("\"StartTimestamp\"") || line.startsWith("StartTimestamp")) {
                    continue;
                }
                String tag = null;
                String rest = line;
                if (rest.startsWith("Tag=")) {
                    int comma = rest.indexOf(',');
                    if (comma < 0) {
                        throw new ArtifactException("HdrHistogram log: line " + lineNo + ": expected 'Tag=NAME,' before the interval");
                    }
                    tag = rest.substring(4, comma);
                    rest = rest.substring(comma + 1);
                }
                String[] f = rest.split(",");
                if (f.length != 4) {
                    throw new ArtifactException("HdrHistogram log: line " + lineNo
                            + ": expected 'start,length,max,base64 histogram', found " + f.length + " fields");
                }
                Histogram h;
                double start;
                double length;
                double maxColumn;
                try {
                    start = Double.parseDouble(f[0]);
                    length = Double.parseDouble(f[1]);
                    maxColumn = Double.parseDouble(f[2]);
                    byte[] bytes = Base64.getDecoder().decode(f[3].strip());
                    // integer histograms only; a DoubleHistogram's cookie is refused with IllegalArgumentException
                    h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
                } catch (NumberFormatException e) {
                    throw new ArtifactException("HdrHistogram log: line " + lineNo + ": expected numbers for start, length "
                            + "and max: " + e.getMessage(), e);
                } catch (DataFormatException | RuntimeException e) {
                    // a cut or corrupt histogram fails inside the library with index and buffer errors
                    throw new ArtifactException("HdrHistogram log: line " + lineNo + ": the histogram does not decode ("
                            + e.getMessage() + "); is the line cut?", e);
                }
                if (h.getTotalCount() == 0) {
                    continue;
                }
                double toNanos = nanosPerUnit(h.getMaxValue(), maxColumn);
                if (Double.isNaN(toNanos)) {
                    toNanos = 1;
                    assumedNanos++;
                }
                LatencyAccumulator a = table.label(tag == null ? "(untagged)" : tag);
                a.add(scaled(h, toNanos), h.getTotalCount());
                double base = !Double.isNaN(baseSeconds) ? baseSeconds : !Double.isNaN(startSeconds) ? startSeconds : 0;
                if (base > 0 || start > 1e9) {
                    double absolute = start > 1e9 ? start : base + start;
                    a.time(Math.round(absolute * 1e9));
                    a.time(Math.round((absolute + length) * 1e9));
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("HdrHistogram log: cannot read the file: " + e.getMessage(), e);
        }
        if (table.isEmpty()) {
            throw new ArtifactException("HdrHistogram log: no interval with recorded values in " + lineNo + " lines");
        }
        if (assumedNanos > 0) {
            sink.warning(assumedNanos + " intervals have no usable Interval_Max column; their values are read as "
                    + "nanoseconds (HdrHistogram's default unit ratio)");
        }
        sink.producer("HdrHistogram log" + (version == null ? "" : " " + version));
        table.emit(input.displayPath(), "HdrHistogram", sink, LatencyTable.noParameters());
    }

    /**
     * Nanoseconds per recorded unit, from the decoded maximum and the printed maximum in ms:
     * rounded to the nearest power of 1000 (ns, µs, ms, s); NaN when the column cannot tell.
     */
    static double nanosPerUnit(long decodedMax, double maxColumnMs) {
        if (decodedMax <= 0 || !(maxColumnMs > 0)) {
            return Double.NaN;
        }
        double unitsPerMs = decodedMax / maxColumnMs;
        double exponent = Math.round(Math.log10(unitsPerMs) / 3) * 3;
        return 1e6 / Math.pow(10, exponent);
    }

    private static Histogram scaled(Histogram h, double toNanos) {
        if (toNanos == 1) {
            return h;
        }
        Histogram out = new Histogram(3);
        for (org.HdrHistogram.HistogramIterationValue v : h.recordedValues()) {
            out.recordValueWithCount(Math.round(h.medianEquivalentValue(v.getValueIteratedTo()) * toNanos),
                    v.getCountAddedInThisIterationStep());
        }
        return out;
    }

    private static double leadingNumber(String s) {
        try {
            return Double.parseDouble(s.strip().split("\\s")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
