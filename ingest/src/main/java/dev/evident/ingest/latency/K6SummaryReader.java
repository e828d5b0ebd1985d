package dev.evident.ingest.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.LatencySeries.ReportedPercentile;
import dev.evident.core.model.TimeWindow;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * k6's end-of-test summary as JSON: {@code --summary-export} (metrics with their statistics at the
 * top of each metric) and the {@code handleSummary} data object (statistics under {@code values}).
 * {@code http_req_duration} and its tagged sub-metrics ({@code http_req_duration{name:...}}) become
 * series with the printed statistics ({@code min, med, avg, max, p(N)}); {@code http_reqs} gives
 * the count and rate, {@code http_req_failed} the failed requests.
 */
public final class K6SummaryReader implements ArtifactReader {
    static final String DURATION = "http_req_duration";

    @Override
    public String format() {
        return "k6-summary";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String text = Heads.text(head).stripLeading();
        return text.startsWith("{") && text.contains("\"metrics\"") && text.contains("\"" + DURATION)
                && !text.contains("\"type\":\"Point\"") ? Probe.CERTAIN : Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        JsonNode root;
        try (InputStream in = input.openStream()) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new ArtifactException("k6 summary: not valid JSON: " + e.getMessage(), e);
        }
        JsonNode metrics = root.path("metrics");
        if (!metrics.isObject()) {
            throw new ArtifactException("k6 summary: expected a \"metrics\" object at the top level");
        }
        JsonNode reqs = values(metrics.path("http_reqs"));
        long count = reqs.path("count").asLong(0);
        double rate = reqs.path("rate").isNumber() ? reqs.path("rate").asDouble() : Double.NaN;
        JsonNode failed = values(metrics.path("http_req_failed"));
        // a Rate metric counts non-zero values as "passes": for http_req_failed those are the failures
        long errors = failed.path("passes").asLong(0);
        TimeWindow window = null;
        double durationMs = root.path("state").path("testRunDurationMs").asDouble(Double.NaN);
        if (durationMs > 0) {
            window = new TimeWindow(0, Math.round(durationMs * 1e6));
        } else if (count > 0 && rate > 0) {
            window = new TimeWindow(0, Math.round(count / rate * 1e9));
        }
        boolean any = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            String name = m.getKey();
            if (!name.equals(DURATION) && !name.startsWith(DURATION + "{")) {
                continue;
            }
            any = true;
            JsonNode stats = values(m.getValue());
            List<ReportedPercentile> reported = new ArrayList<>();
            double mean = Double.NaN;
            for (Iterator<Map.Entry<String, JsonNode>> s = stats.fields(); s.hasNext(); ) {
                Map.Entry<String, JsonNode> stat = s.next();
                if (!stat.getValue().isNumber()) {
                    continue;
                }
                double v = stat.getValue().asDouble();
                String key = stat.getKey();
                if (key.equals("avg")) {
                    mean = v;
                } else if (key.equals("med")) {
                    reported.add(new ReportedPercentile(50, v));
                } else if (key.equals("max")) {
                    reported.add(new ReportedPercentile(100, v));
                } else if (key.startsWith("p(") && key.endsWith(")")) {
                    try {
                        reported.add(new ReportedPercentile(Double.parseDouble(key.substring(2, key.length() - 1)), v));
                    } catch (NumberFormatException e) {
                        sink.warning(name + ": statistic '" + key + "' is not a percentile; ignored");
                    }
                }
            }
            reported.sort((a, b) -> Double.compare(a.percentile(), b.percentile()));
            String label = name.equals(DURATION) ? "all requests" : name.substring(DURATION.length() + 1, name.length() - 1);
            boolean all = name.equals(DURATION);
            sink.latency(new LatencySeries(input.displayPath(), label, "k6", null, reported, mean, all ? count : 0,
                    all ? errors : 0, all ? window : null, all ? rate : Double.NaN, Map.of()));
        }
        if (!any) {
            throw new ArtifactException("k6 summary: no \"" + DURATION + "\" metric; was the test an HTTP test?");
        }
        sink.producer("k6 (summary)");
    }

    /** The statistics of a metric: under "values" in handleSummary data, at the top in --summary-export. */
    private static JsonNode values(JsonNode metric) {
        return metric.has("values") ? metric.path("values") : metric;
    }
}
