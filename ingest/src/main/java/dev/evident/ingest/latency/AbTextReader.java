package dev.evident.ingest.latency;

import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.LatencySeries.ReportedPercentile;
import dev.evident.core.model.TimeWindow;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ApacheBench's report on standard output: host, port and path, the test duration, complete,
 * failed and non-2xx requests, Requests per second, the mean time per request and the table
 * "Percentage of the requests served within a certain time (ms)" (50% ... 100%).
 */
public final class AbTextReader implements ArtifactReader {
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9 -]*?):\\s+(.*)$");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(\\d+)%\\s+(\\d+(?:\\.\\d+)?)");

    @Override
    public String format() {
        return "ab";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String text = Heads.text(head);
        return text.startsWith("This is ApacheBench") || text.contains("\nThis is ApacheBench") ? Probe.CERTAIN : Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        String host = null;
        String port = null;
        String path = null;
        double seconds = Double.NaN;
        long complete = -1;
        long failed = 0;
        long non2xx = 0;
        double rps = Double.NaN;
        double meanMs = Double.NaN;
        String version = null;
        List<ReportedPercentile> percentiles = new ArrayList<>();
        boolean inTable = false;
        int lineNo = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(input.openStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.startsWith("This is ApacheBench, Version ")) {
                    version = line.substring("This is ApacheBench, Version ".length()).split("[ <]")[0];
                    continue;
                }
                if (line.startsWith("Percentage of the requests served")) {
                    inTable = true;
                    continue;
                }
                Matcher m;
                if (inTable && (m = PERCENTILE.matcher(line)).find()) {
                    percentiles.add(new ReportedPercentile(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))));
                    continue;
                }
                if (!(m = FIELD.matcher(line)).find()) {
                    continue;
                }
                String value = m.group(2).strip();
                switch (m.group(1)) {
                    case "Server Hostname" -> host = value;
                    case "Server Port" -> port = value;
                    case "Document Path" -> path = value;
                    case "Time taken for tests" -> seconds = number(value, lineNo);
                    case "Complete requests" -> complete = (long) number(value, lineNo);
                    case "Failed requests" -> failed = (long) number(value, lineNo);
                    case "Non-2xx responses" -> non2xx = (long) number(value, lineNo);
                    case "Requests per second" -> rps = number(value, lineNo);
                    case "Time per request" -> {
                        if (Double.isNaN(meanMs) && value.endsWith("(mean)")) {
                            meanMs = number(value, lineNo);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("ab: cannot read the file: " + e.getMessage(), e);
        }
        if (complete < 0) {
            throw new ArtifactException("ab: no 'Complete requests:' line in " + lineNo
                    + " lines; the run did not finish or the output was cut");
        }
        if (percentiles.isEmpty()) {
            sink.warning("no 'Percentage of the requests served' table; only the mean is known");
        }
        sink.producer(version == null ? "ApacheBench" : "ApacheBench " + version);
        String label = (host == null ? "" : "http://" + host + (port == null ? "" : ":" + port)) + (path == null ? "" : path);
        TimeWindow window = Double.isNaN(seconds) ? null : new TimeWindow(0, Math.round(seconds * 1e9));
        // ab counts a request with a non-2xx status as complete, not failed; both are errors to a user
        sink.latency(new LatencySeries(input.displayPath(), label.isEmpty() ? "(unknown URL)" : label, "ab", null,
                percentiles, meanMs, complete, failed + non2xx, window, rps, Map.of()));
    }

    /** The leading number of a value such as "1.234 seconds" or "812.33 [#/sec] (mean)". */
    private static double number(String value, int lineNo) throws ArtifactException {
        String first = value.split("\\s+")[0];
        try {
            return Double.parseDouble(first);
        } catch (NumberFormatException e) {
            throw new ArtifactException("ab: line " + lineNo + ": expected a number, found '" + first + "'");
        }
    }
}
