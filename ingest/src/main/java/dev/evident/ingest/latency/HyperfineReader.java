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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * hyperfine's {@code --export-json}: one result per command with every run's wall time in
 * {@code times} (seconds), the exit codes and the parameters of a parameter scan. Each command
 * becomes a series whose samples are its runs; a run with a non-zero exit code is an error.
 */
public final class HyperfineReader implements ArtifactReader {

    @Override
    public String format() {
        return "hyperfine";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String text = Heads.text(head).stripLeading();
        return text.startsWith("{") && text.contains("\"results\"") && text.contains("\"command\"")
                && text.contains("\"times\"") ? Probe.CERTAIN : Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        JsonNode root;
        try (InputStream in = input.openStream()) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new ArtifactException("hyperfine: not valid JSON: " + e.getMessage(), e);
        }
        JsonNode results = root.path("results");
        if (!results.isArray() || results.isEmpty()) {
            throw new ArtifactException("hyperfine: expected a non-empty \"results\" array at the top level");
        }
        sink.producer("hyperfine");
        for (int r = 0; r < results.size(); r++) {
            JsonNode result = results.get(r);
            String command = result.path("command").asText(null);
            JsonNode times = result.path("times");
            if (command == null || !times.isArray() || times.isEmpty()) {
                throw new ArtifactException("hyperfine: results[" + r + "]: expected \"command\" and a non-empty \"times\" array");
            }
            double[] ms = new double[times.size()];
            for (int i = 0; i < ms.length; i++) {
                if (!times.get(i).isNumber()) {
                    throw new ArtifactException("hyperfine: results[" + r + "].times[" + i + "]: expected seconds as a number");
                }
                ms[i] = times.get(i).asDouble() * 1e3;
            }
            long failures = 0;
            for (JsonNode code : result.path("exit_codes")) {
                if (!code.isNull() && code.asInt() != 0) {
                    failures++;
                }
            }
            Map<String, String> parameters = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = result.path("parameters").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                parameters.put(p.getKey(), p.getValue().asText());
            }
            sink.latency(new LatencySeries(input.displayPath(), command, "hyperfine", LatencyDistribution.ofSamples(ms),
                    List.of(), Double.NaN, ms.length, failures, null, Double.NaN, parameters));
        }
    }
}
