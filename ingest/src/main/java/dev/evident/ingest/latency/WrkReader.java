package dev.evident.ingest.latency;

import dev.evident.core.model.LatencyDistribution;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk's text report ({@code wrk --latency}): the URL, the thread-stats latency line (mean, max),
 * the latency distribution (p50, p75, p90, p99, only with {@code --latency}), the request count
 * and duration, socket errors, non-2xx/3xx responses and Requests/sec. wrk prints no per-request
 * data, so the series has the printed percentiles only, unless the run's Lua script printed wrk's
 * recorded latencies after the summary from its {@code done} hook: a line
 * {@value #SAMPLES_HEADER} followed by one {@code microseconds,count} line per distinct value
 * (wrk's {@code latency(i)} returns exactly these). Then the series has every request.
 */
public final class WrkReader implements ArtifactReader {
    private static final Pattern RUNNING = Pattern.compile("^Running (\\S+) test @ (\\S+)");
    private static final Pattern THREADS = Pattern.compile("^\\s*(\\d+) threads and (\\d+) connections");
    private static final Pattern LATENCY_STATS = Pattern.compile("^\\s*Latency\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)%\\s+(\\S+)\\s*$");
    private static final Pattern TOTAL = Pattern.compile("^\\s*(\\d+) requests in (\\S+), (\\S+) read");
    private static final Pattern SOCKET = Pattern.compile(
            "^\\s*Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("^\\s*Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern RPS = Pattern.compile("^Requests/sec:\\s+(\\S+)");
    /** The line a done() hook prints before the latencies wrk recorded (see samples/scripts/dashboard-incident.lua). */
    static final String SAMPLES_HEADER = "Latency samples (us,count):";

    @Override
    public String format() {
        return "wrk";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String text = Heads.text(head);
        if (RUNNING.matcher(Heads.firstLine(text)).find() && text.contains("Thread Stats")) {
            return Probe.CERTAIN;
        }
        return text.contains("Thread Stats") && text.contains("Requests/sec:") ? Probe.LIKELY : Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        String url = null;
        double meanMs = Double.NaN;
        double maxMs = Double.NaN;
        List<ReportedPercentile> percentiles = new ArrayList<>();
        long requests = -1;
        double seconds = Double.NaN;
        long errors = 0;
        double rps = Double.NaN;
        boolean inDistribution = false;
        boolean inSamples = false;
        Map<String, String> parameters = new java.util.TreeMap<>();
        java.util.TreeMap<Long, Long> samples = new java.util.TreeMap<>();
        int lineNo = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(input.openStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                Matcher m;
                if (inSamples) {
                    int comma = line.indexOf(',');
                    if (comma > 0) {
                        samples.merge(Long.parseLong(line.substring(0, comma).strip()),
                                Long.parseLong(line.substring(comma + 1).strip()), Long::sum);
                        continue;
                    }
                    inSamples = false;
                }
                if (line.strip().equals(SAMPLES_HEADER)) {
                    inSamples = true;
                } else if ((m = RUNNING.matcher(line)).find()) {
                    url = m.group(2);
                } else if ((m = THREADS.matcher(line)).find()) {
                    parameters.put("threads", m.group(1));
                    parameters.put("connections", m.group(2));
                } else if (line.strip().startsWith("Latency Distribution")) {
                    inDistribution = true;
                } else if (inDistribution && (m = PERCENTILE.matcher(line)).find()) {
                    double ms = Durations.toMs(m.group(2));
                    if (Double.isNaN(ms)) {
                        throw new ArtifactException("wrk: line " + lineNo + ": expected a duration such as 1.02ms, found '"
                                + m.group(2) + "'");
                    }
                    percentiles.add(new ReportedPercentile(Double.parseDouble(m.group(1)), ms));
                } else if ((m = LATENCY_STATS.matcher(line)).find()) {
                    inDistribution = false;
                    meanMs = Durations.toMs(m.group(1));
                    maxMs = Durations.toMs(m.group(3));
                } else if ((m = TOTAL.matcher(line)).find()) {
                    inDistribution = false;
                    requests = Long.parseLong(m.group(1));
                    seconds = Durations.toMs(m.group(2)) / 1e3;
                } else if ((m = SOCKET.matcher(line)).find()) {
                    for (int g = 1; g <= 4; g++) {
                        errors += Long.parseLong(m.group(g));
                    }
                } else if ((m = NON_2XX.matcher(line)).find()) {
                    errors += Long.parseLong(m.group(1));
                } else if ((m = RPS.matcher(line)).find()) {
                    rps = Double.parseDouble(m.group(1));
                } else if (!line.startsWith(" ")) {
                    inDistribution = false;
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("wrk: cannot read the file: " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new ArtifactException("wrk: line " + lineNo + ": expected a number: " + e.getMessage(), e);
        }
        if (requests < 0) {
            throw new ArtifactException("wrk: no 'N requests in T' line in " + lineNo
                    + " lines; is the run complete (wrk prints it when the test ends)?");
        }
        if (percentiles.isEmpty()) {
            sink.warning("no latency distribution: run wrk with --latency to get p50/p75/p90/p99");
        }
        if (!Double.isNaN(maxMs)) {
            percentiles.add(new ReportedPercentile(100, maxMs));
        }
        percentiles.sort((a, b) -> Double.compare(a.percentile(), b.percentile()));
        sink.producer("wrk");
        dev.evident.core.model.TimeWindow window = Double.isNaN(seconds) ? null
                : new dev.evident.core.model.TimeWindow(0, Math.round(seconds * 1e9));
        sink.latency(new LatencySeries(input.displayPath(), url == null ? "(unknown URL)" : url, "wrk",
                distribution(samples, requests, lineNo), percentiles, meanMs, requests, errors, window, rps, parameters));
    }

    /** wrk's recorded latencies, when the script printed them; they must account for every request. */
    private static LatencyDistribution distribution(java.util.TreeMap<Long, Long> samples, long requests, int lines)
            throws ArtifactException {
        if (samples.isEmpty()) {
            return null;
        }
        double[] values = new double[samples.size()];
        long[] counts = new long[samples.size()];
        long total = 0;
        int i = 0;
        for (Map.Entry<Long, Long> e : samples.entrySet()) {
            values[i] = e.getKey() / 1e3;
            counts[i++] = e.getValue();
            total += e.getValue();
        }
        // wrk's summary counts the requests its threads completed within the duration, while responses
        // still in flight at the end may be recorded too; a few either way is normal, many is two runs mixed
        long slack = Math.max(10, requests / 20);
        if (Math.abs(total - requests) > slack) {
            throw new ArtifactException("wrk: the " + SAMPLES_HEADER + " block holds " + total + " latencies but the summary "
                    + "reports " + requests + " requests (" + lines + " lines read); the blocks of two runs may be mixed");
        }
        return new LatencyDistribution(values, counts, true);
    }
}