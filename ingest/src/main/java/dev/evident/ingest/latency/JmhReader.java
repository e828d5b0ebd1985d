package dev.evident.ingest.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.core.model.LatencyDistribution;
import dev.evident.core.model.LatencySeries;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * JMH's JSON result file ({@code -rf json}): an array with one entry per benchmark and parameter
 * combination. Each becomes a series labelled with the benchmark method; its samples are the
 * measurement iterations of every fork ({@code primaryMetric.rawData}) in milliseconds per
 * operation, and {@code params} (e.g. {@code n}) are kept for {@code evident scale}. Throughput
 * modes (operations per time) are turned into time per operation.
 */
public final class JmhReader implements ArtifactReader {

    @Override
    public String format() {
        return "jmh";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String text = Heads.text(head).stripLeading();
        return text.startsWith("[") && text.contains("\"jmhVersion\"") && text.contains("\"primaryMetric\"")
                ? Probe.CERTAIN : Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        JsonNode root;
        try (InputStream in = input.openStream()) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new ArtifactException("JMH: not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isArray() || root.isEmpty()) {
            throw new ArtifactException("JMH: expected a non-empty array of benchmark results");
        }
        sink.producer("JMH " + root.get(0).path("jmhVersion").asText("?"));
        for (int b = 0; b < root.size(); b++) {
            JsonNode result = root.get(b);
            String benchmark = result.path("benchmark").asText(null);
            JsonNode metric = result.path("primaryMetric");
            String unit = metric.path("scoreUnit").asText("");
            if (benchmark == null || !metric.isObject()) {
                throw new ArtifactException("JMH: entry " + b + ": expected \"benchmark\" and \"primaryMetric\"");
            }
            double toMs;
            boolean perTime;
            try {
                String[] parts = unit.split("/");
                perTime = parts[0].equals("ops");
                toMs = unitMs(perTime ? parts[1] : parts[0]);
            } catch (RuntimeException e) {
                throw new ArtifactException("JMH: entry " + b + " (" + benchmark + "): unknown score unit '" + unit + "'");
            }
            List<Double> values = new ArrayList<>();
            for (JsonNode fork : metric.path("rawData")) {
                for (JsonNode iteration : fork) {
                    double v = iteration.asDouble();
                    values.add(perTime ? toMs / v : v * toMs);
                }
            }
            if (values.isEmpty()) {
                values.add(perTime ? toMs / metric.path("score").asDouble() : metric.path("score").asDouble() * toMs);
                sink.warning(benchmark + ": no rawData; the score stands for the benchmark");
            }
            Map<String, String> params = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = result.path("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                params.put(p.getKey(), p.getValue().asText());
            }
            double[] ms = values.stream().mapToDouble(Double::doubleValue).toArray();
            String label = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            sink.latency(new LatencySeries(input.displayPath(), label, "JMH", LatencyDistribution.ofSamples(ms), List.of(),
                    Double.NaN, ms.length, 0, null, Double.NaN, params));
        }
    }

    private static double unitMs(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "ns" -> 1e-6;
            case "us" -> 1e-3;
            case "ms" -> 1;
            case "s" -> 1e3;
            case "min" -> 60e3;
            default -> throw new IllegalArgumentException(unit);
        };
    }
}
