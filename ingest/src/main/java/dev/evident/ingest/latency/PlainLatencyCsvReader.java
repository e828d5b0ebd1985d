package dev.evident.ingest.latency;

import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A plain CSV (or TSV) of request latencies, as exported from an APM, a log query or a custom
 * client: a header row with a latency column, and optionally a timestamp, a label and a status
 * column. The latency column's unit comes from its name ({@code _ms}, {@code _us}, {@code _ns},
 * {@code _s}); a name without a unit is read as milliseconds and the report says so.
 */
public final class PlainLatencyCsvReader implements ArtifactReader {
    static final List<String> LATENCY = List.of("latency_ms", "latency_us", "latency_ns", "latency_s", "latency",
            "duration_ms", "duration_us", "duration_ns", "duration_s", "duration", "response_time_ms", "response_time",
            "elapsed_ms", "elapsed", "rt_ms", "rt", "time_ms", "took_ms");
    static final List<String> TIME = List.of("timestamp", "timestamp_ms", "time", "ts", "start", "start_time", "epoch");
    static final List<String> LABEL = List.of("label", "endpoint", "name", "route", "path", "url", "operation");
    static final List<String> STATUS = List.of("success", "ok", "status", "status_code", "code", "error", "failed");

    @Override
    public String format() {
        return "latency-csv";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String first = Heads.firstLine(Heads.text(head));
        if (first.isEmpty()) {
            return Probe.NO;
        }
        List<String> header = header(first, delimiter(first));
        return column(header, LATENCY) >= 0 ? Probe.WEAK : Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        LatencyTable table = new LatencyTable();
        ByteLabels labels = new ByteLabels();
        long bad = 0;
        String firstBad = null;
        try (InputStream in = input.openStream()) {
            CsvLines csv = null;
            byte[] firstBytes = in.readNBytes(4096);
            String firstLine = Heads.firstLine(new String(firstBytes, java.nio.charset.StandardCharsets.UTF_8));
            byte delimiter = delimiter(firstLine);
            csv = new CsvLines(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(firstBytes), in), delimiter);
            csv.next();
            List<String> header = header(firstLine, delimiter);
            int latency = column(header, LATENCY);
            if (latency < 0) {
                throw new ArtifactException("latency CSV: line 1: no latency column; expected one of " + LATENCY);
            }
            String latencyName = header.get(latency);
            double toMs = latencyName.endsWith("_us") ? 1e-3 : latencyName.endsWith("_ns") ? 1e-6
                    : latencyName.endsWith("_s") ? 1e3 : 1;
            if (!latencyName.contains("_")) {
                sink.warning("column '" + latencyName + "' does not name its unit; read as milliseconds "
                        + "(name it latency_ms, latency_us, ... to say so)");
            }
            int time = column(header, TIME);
            int label = column(header, LABEL);
            int status = column(header, STATUS);
            String statusName = status < 0 ? "" : header.get(status);
            while (csv.next()) {
                if (csv.lineEnd == csv.lineStart) {
                    continue;
                }
                double value = csv.fields > latency ? csv.doubleValue(latency) : Double.NaN;
                if (Double.isNaN(value) || value < 0) {
                    bad++;
                    if (firstBad == null) {
                        firstBad = "line " + csv.lineNumber + ": expected a non-negative number in column '" + latencyName
                                + "', found: " + csv.excerpt();
                    }
                    continue;
                }
                String name = label >= 0 && csv.fields > label ? labels.get(csv.buffer(), csv.starts[label], csv.ends[label])
                        : "all requests";
                LatencyAccumulator a = table.label(name);
                a.record(value * toMs, status >= 0 && csv.fields > status && failed(csv, status, statusName));
                if (time >= 0 && csv.fields > time) {
                    long nanos = epochNanos(csv.text(time).strip());
                    if (nanos != Long.MIN_VALUE) {
                        a.time(nanos);
                    }
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("latency CSV: cannot read the file: " + e.getMessage(), e);
        }
        if (table.isEmpty()) {
            throw new ArtifactException("latency CSV: no rows with a latency after the header"
                    + (firstBad == null ? "" : "; first problem: " + firstBad));
        }
        if (bad > 0) {
            sink.warning(bad + " rows skipped; first: " + firstBad);
        }
        sink.producer("CSV of latencies");
        table.emit(input.displayPath(), "csv", sink, LatencyTable.noParameters());
    }

    private static boolean failed(CsvLines csv, int f, String column) {
        String v = csv.text(f).strip().toLowerCase(Locale.ROOT);
        return switch (column) {
            case "success", "ok" -> !(v.equals("true") || v.equals("1") || v.equals("yes"));
            case "error", "failed" -> !(v.isEmpty() || v.equals("false") || v.equals("0") || v.equals("no"));
            default -> {
                long code = csv.longValue(f);
                yield code == Long.MIN_VALUE ? !(v.equals("ok") || v.equals("success")) : code == 0 || code >= 400;
            }
        };
    }

    /** Epoch seconds, milliseconds or microseconds (told apart by magnitude) or ISO-8601. */
    static long epochNanos(String text) {
        if (text.isEmpty()) {
            return Long.MIN_VALUE;
        }
        try {
            if (text.indexOf('T') > 0 || text.indexOf('-') > 0) {
                return toNanos(text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant());
            }
            double v = Double.parseDouble(text);
            if (v > 1e17) {
                return (long) v;
            }
            if (v > 1e14) {
                return (long) (v * 1e3);
            }
            if (v > 1e11) {
                return (long) (v * 1e6);
            }
            return (long) (v * 1e9);
        } catch (RuntimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static long toNanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static byte delimiter(String headerLine) {
        return headerLine.indexOf('\t') >= 0 ? (byte) '\t' : headerLine.indexOf(';') >= 0
                && headerLine.indexOf(',') < 0 ? (byte) ';' : (byte) ',';
    }

    private static List<String> header(String line, byte delimiter) {
        return Arrays.stream(line.split(java.util.regex.Pattern.quote(String.valueOf((char) delimiter)), -1))
                .map(s -> s.strip().replace("\"", "").toLowerCase(Locale.ROOT)).toList();
    }

    private static int column(List<String> header, List<String> names) {
        for (String n : names) {
            int i = header.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }
}
