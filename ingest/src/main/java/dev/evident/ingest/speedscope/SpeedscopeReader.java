package dev.evident.ingest.speedscope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.core.model.CallTree;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.FrameTable;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;
import dev.evident.core.model.ThreadBreakdown;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;
import dev.evident.ingest.lang.GoSymbols;
import dev.evident.ingest.lang.SourceLanguage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * speedscope's own file format (https://www.speedscope.app/file-format-schema.json), written by
 * py-spy ({@code --format speedscope}), rbspy, dotnet-trace, pyinstrument and speedscope's export:
 * shared frames, and one or more profiles that are either sampled (stacks of frame indexes, root
 * first, with weights) or evented (open/close events over time). All profiles of a file become one
 * tree, split by profile name (usually one per thread).
 */
public final class SpeedscopeReader implements ArtifactReader {
    private static final String SCHEMA = "speedscope.app/file-format-schema.json";

    @Override
    public String format() {
        return "speedscope";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String text = StandardCharsets.UTF_8.decode(head.duplicate()).toString();
        return text.stripLeading().startsWith("{") && text.contains(SCHEMA) ? Probe.CERTAIN : Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        JsonNode root;
        try (InputStream in = input.openStream()) {
            root = new ObjectMapper().readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ArtifactException("speedscope: not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ArtifactException("speedscope: cannot read the file: " + e.getMessage(), e);
        }
        JsonNode sharedFrames = root.path("shared").path("frames");
        JsonNode profiles = root.path("profiles");
        if (!sharedFrames.isArray() || !profiles.isArray() || profiles.isEmpty()) {
            throw new ArtifactException("speedscope: expected \"shared.frames\" and a non-empty \"profiles\" array");
        }
        FrameTable frames = new FrameTable();
        int[] frameIds = new int[sharedFrames.size()];
        for (int i = 0; i < frameIds.length; i++) {
            frameIds[i] = frame(frames, sharedFrames.get(i));
        }
        String unit = profiles.get(0).path("unit").asText("none");
        Metric metric = SpeedscopeUnits.metric(unit);
        long scale = SpeedscopeUnits.scale(unit);
        if (metric == null) {
            throw new ArtifactException("speedscope: unknown unit \"" + unit + "\" in profile 0");
        }
        CallTree tree = new CallTree(1);
        ThreadBreakdown threads = new ThreadBreakdown(1);
        List<String> skipped = new ArrayList<>();
        for (int p = 0; p < profiles.size(); p++) {
            JsonNode profile = profiles.get(p);
            String name = profile.path("name").asText("profile " + p);
            if (!profile.path("unit").asText("none").equals(unit)) {
                skipped.add(name + " (unit " + profile.path("unit").asText() + ")");
                continue;
            }
            int thread = threads.thread(name);
            String type = profile.path("type").asText("");
            switch (type) {
                case "sampled" -> sampled(profile, p, frameIds, tree, threads, thread, scale, metric);
                case "evented" -> evented(profile, p, frameIds, tree, threads, thread, scale);
                default -> throw new ArtifactException("speedscope: profile " + p + " has type \"" + type
                        + "\"; expected \"sampled\" or \"evented\"");
            }
        }
        if (!skipped.isEmpty()) {
            sink.warning("profiles with another unit than the first (" + unit + ") were skipped: " + String.join(", ", skipped));
        }
        if (tree.eventCount(0) == 0) {
            throw new ArtifactException("speedscope: the profiles hold no samples or events");
        }
        if (metric.kind() == dev.evident.core.model.MetricKind.CPU) {
            sink.warning("speedscope does not say whether its times are CPU or wall-clock time; read as CPU");
        }
        tree.finish();
        String exporter = root.path("exporter").asText("");
        sink.producer("speedscope" + (exporter.isEmpty() ? "" : " (" + exporter + ")"));
        sink.profile(new Profile(input.displayPath(), frames, tree, List.of(metric), threads, null, Map.of()));
    }

    private static int frame(FrameTable frames, JsonNode f) {
        String name = f.path("name").asText("(unnamed)");
        String file = f.path("file").asText("");
        int line = f.path("line").asInt(0);
        FrameKind kind = SourceLanguage.kindOfFile(file);
        if (kind == FrameKind.UNKNOWN && GoSymbols.looksLikeGo(name)) {
            kind = FrameKind.GO;
        }
        String display = switch (kind) {
            case PYTHON -> SourceLanguage.pythonName(name, file);
            case JS -> SourceLanguage.javaScriptName(name, file, line);
            default -> name;
        };
        return frames.intern(display, kind, kind == FrameKind.JS ? 0 : line, file);
    }

    private static void sampled(JsonNode profile, int p, int[] frameIds, CallTree tree, ThreadBreakdown threads, int thread,
                                long scale, Metric metric) throws ArtifactException {
        JsonNode samples = profile.path("samples");
        JsonNode weights = profile.path("weights");
        if (!samples.isArray() || !weights.isArray() || samples.size() != weights.size()) {
            throw new ArtifactException("speedscope: sampled profile " + p + " needs \"samples\" and \"weights\" arrays of "
                    + "the same length (found " + samples.size() + " and " + weights.size() + ")");
        }
        boolean weightIsCount = metric.unit() == dev.evident.core.model.Unit.SAMPLES;
        for (int s = 0; s < samples.size(); s++) {
            int node = CallTree.ROOT;
            for (JsonNode index : samples.get(s)) {
                node = tree.child(node, frameAt(frameIds, index.asInt(-1), p, "sample " + s));
            }
            long w = Math.round(weights.get(s).asDouble() * scale);
            long count = weightIsCount ? w : 1;
            if (node != CallTree.ROOT) {
                tree.addSelf(node, 0, w, count);
                threads.add(thread, 0, w, count);
            }
        }
    }

    /** Self time of the open stack between consecutive events; each such interval is one event. */
    private static void evented(JsonNode profile, int p, int[] frameIds, CallTree tree, ThreadBreakdown threads, int thread,
                                long scale) throws ArtifactException {
        JsonNode events = profile.path("events");
        if (!events.isArray()) {
            throw new ArtifactException("speedscope: evented profile " + p + " has no \"events\" array");
        }
        int[] nodes = new int[64];
        int depth = 0;
        nodes[0] = CallTree.ROOT;
        double last = profile.path("startValue").asDouble(events.isEmpty() ? 0 : events.get(0).path("at").asDouble());
        for (int e = 0; e < events.size(); e++) {
            JsonNode ev = events.get(e);
            double at = ev.path("at").asDouble();
            if (at < last) {
                throw new ArtifactException("speedscope: evented profile " + p + ", event " + e + " goes back in time ("
                        + at + " after " + last + ")");
            }
            if (depth > 0 && at > last) {
                long w = Math.round((at - last) * scale);
                tree.addSelf(nodes[depth], 0, w, 1);
                threads.add(thread, 0, w, 1);
            }
            last = at;
            int frame = frameAt(frameIds, ev.path("frame").asInt(-1), p, "event " + e);
            switch (ev.path("type").asText("")) {
                case "O" -> {
                    if (depth + 1 == nodes.length) {
                        nodes = java.util.Arrays.copyOf(nodes, nodes.length * 2);
                    }
                    nodes[depth + 1] = tree.child(nodes[depth], frame);
                    depth++;
                }
                case "C" -> {
                    if (depth == 0 || tree.frame(nodes[depth]) != frame) {
                        throw new ArtifactException("speedscope: evented profile " + p + ", event " + e
                                + " closes a frame that is not the innermost open one");
                    }
                    depth--;
                }
                default -> throw new ArtifactException("speedscope: evented profile " + p + ", event " + e
                        + " has type \"" + ev.path("type").asText() + "\"; expected \"O\" or \"C\"");
            }
        }
    }

    private static int frameAt(int[] frameIds, int index, int p, String where) throws ArtifactException {
        if (index < 0 || index >= frameIds.length) {
            throw new ArtifactException("speedscope: profile " + p + ", " + where + " refers to frame " + index
                    + ", but shared.frames has " + frameIds.length);
        }
        return frameIds[index];
    }
}
