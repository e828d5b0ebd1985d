package dev.evident.ingest.chrome;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.evident.core.model.CallTree;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.FrameTable;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;
import dev.evident.core.util.Fmt;
import dev.evident.core.util.LongIntHashMap;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;
import dev.evident.ingest.lang.SourceLanguage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Chrome DevTools / V8 CPU profiles ({@code .cpuprofile}, written by {@code node --cpu-prof} and by
 * the DevTools Performance panel): {@code nodes} (a call tree with call frames), {@code samples}
 * (the node each sample hit) and {@code timeDeltas} (microseconds between samples). Each sample
 * weighs the time until the next one. V8's {@code (idle)} samples are the thread waiting for
 * events, not CPU, and are left out of the metric.
 */
public final class ChromeCpuProfileReader implements ArtifactReader {

    @Override
    public String format() {
        return "chrome-cpuprofile";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String text = StandardCharsets.UTF_8.decode(head.duplicate()).toString();
        String start = text.stripLeading();
        if (!start.startsWith("{")) {
            return Probe.NO;
        }
        boolean nodes = text.contains("\"nodes\"") && text.contains("\"callFrame\"");
        return nodes && (text.contains("\"samples\"") || text.contains("\"timeDeltas\"") || text.contains("\"hitCount\""))
                ? Probe.CERTAIN : Probe.NO;
    }

    /** What the file holds, before the tree is built. */
    private static final class Raw {
        final LongIntHashMap nodeIndex = new LongIntHashMap(1024);
        int[] frame = new int[1024];
        long[][] children = new long[1024][];
        int nodeCount;
        long[] samples = new long[0];
        long[] deltas = new long[0];
        long startTime = -1;
        long endTime = -1;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        FrameTable frames = new FrameTable();
        Raw raw = new Raw();
        try (InputStream in = input.openStream(); JsonParser p = new JsonFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ArtifactException("cpuprofile: expected a JSON object at the start");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "nodes" -> readNodes(p, raw, frames);
                    case "samples" -> raw.samples = longs(p);
                    case "timeDeltas" -> raw.deltas = longs(p);
                    case "startTime" -> raw.startTime = p.getValueAsLong();
                    case "endTime" -> raw.endTime = p.getValueAsLong();
                    default -> p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ArtifactException("cpuprofile: not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ArtifactException("cpuprofile: cannot read the file: " + e.getMessage(), e);
        }
        if (raw.nodeCount == 0) {
            throw new ArtifactException("cpuprofile: the profile has no nodes");
        }
        if (raw.samples.length == 0) {
            throw new ArtifactException("cpuprofile: the profile has " + raw.nodeCount + " nodes but no samples "
                    + "(was it stopped before the first sample was taken?)");
        }
        build(input, sink, frames, raw);
    }

    private static void readNodes(JsonParser p, Raw raw, FrameTable frames) throws IOException, ArtifactException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new ArtifactException("cpuprofile: \"nodes\" must be an array (line " + p.currentLocation().getLineNr() + ")");
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long id = -1;
            String function = "";
            String url = "";
            int line = -1;
            long[] kids = new long[0];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "id" -> id = p.getValueAsLong();
                    case "children" -> kids = longs(p);
                    case "callFrame" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            p.nextToken();
                            switch (f) {
                                case "functionName" -> function = p.getValueAsString("");
                                case "url" -> url = p.getValueAsString("");
                                case "lineNumber" -> line = p.getValueAsInt(-1);
                                default -> p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (id < 0) {
                throw new ArtifactException("cpuprofile: a node without an \"id\" near line " + p.currentLocation().getLineNr());
            }
            if (raw.nodeCount == raw.frame.length) {
                raw.frame = Arrays.copyOf(raw.frame, raw.nodeCount * 2);
                raw.children = Arrays.copyOf(raw.children, raw.nodeCount * 2);
            }
            String file = url.startsWith("file://") ? url.substring("file://".length()) : url;
            String name = SourceLanguage.javaScriptName(function, file, line + 1); // V8 lines are 0-based
            raw.frame[raw.nodeCount] = function.equals("(root)") ? -1 : frames.intern(name, FrameKind.JS, 0, file);
            raw.children[raw.nodeCount] = kids;
            raw.nodeIndex.put(id, raw.nodeCount++);
        }
    }

    private static long[] longs(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return new long[0];
        }
        long[] out = new long[256];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = p.getValueAsLong();
        }
        return Arrays.copyOf(out, n);
    }

    private static void build(ArtifactInput input, EvidenceSink sink, FrameTable frames, Raw raw) throws ArtifactException {
        int[] parent = new int[raw.nodeCount];
        Arrays.fill(parent, -1);
        for (int i = 0; i < raw.nodeCount; i++) {
            for (long child : raw.children[i]) {
                int c = raw.nodeIndex.get(child, -1);
                if (c < 0) {
                    throw new ArtifactException("cpuprofile: a node lists child id " + child + ", which is not in \"nodes\"");
                }
                parent[c] = i;
            }
        }
        CallTree tree = new CallTree(1);
        int[] treeNode = new int[raw.nodeCount];
        Arrays.fill(treeNode, -1);
        long idleSamples = 0;
        long idleMicros = 0;
        long[] deltas = raw.deltas;
        for (int s = 0; s < raw.samples.length; s++) {
            int node = raw.nodeIndex.get(raw.samples[s], -1);
            if (node < 0) {
                throw new ArtifactException("cpuprofile: sample " + s + " refers to node id " + raw.samples[s]
                        + ", which is not in \"nodes\"");
            }
            long micros = sampleMicros(raw, s);
            int f = raw.frame[node];
            if (f >= 0 && frames.name(f).equals("(idle)")) {
                idleSamples++;
                idleMicros += micros;
                continue;
            }
            tree.addSelf(treeNode(tree, raw, parent, treeNode, node, 0), 0, micros * 1000, 1);
        }
        if (tree.eventCount(0) == 0) {
            throw new ArtifactException("cpuprofile: all " + raw.samples.length + " samples are (idle): the thread never ran "
                    + "JavaScript while it was profiled");
        }
        if (idleSamples > 0) {
            sink.warning(idleSamples + " of " + raw.samples.length + " samples (" + Fmt.duration(idleMicros * 1000)
                    + ") were V8's (idle): the thread waiting for events, not CPU time; they are left out");
        }
        tree.finish();
        Long interval = medianDelta(deltas);
        sink.producer("V8 CPU profiler (.cpuprofile)");
        sink.profile(new Profile(input.displayPath(), frames, tree, List.of(Metric.CPU_NANOS), null, null,
                interval == null ? Map.of() : Map.of(Metric.CPU_NANOS, interval * 1000)));
    }

    /**
     * A sample stands for the time until the next one ({@code timeDeltas[s + 1]}); the last one
     * lasts until the profile's end time, or one median interval when that is missing.
     */
    private static long sampleMicros(Raw raw, int s) {
        long[] d = raw.deltas;
        if (s + 1 < d.length) {
            return Math.max(0, d[s + 1]);
        }
        if (raw.endTime > 0 && raw.startTime >= 0 && d.length == raw.samples.length) {
            long last = raw.startTime;
            for (long x : d) {
                last += x;
            }
            if (raw.endTime > last) {
                return raw.endTime - last;
            }
        }
        Long median = medianDelta(d);
        return median == null ? 1000 : median;
    }

    private static Long medianDelta(long[] deltas) {
        if (deltas.length < 2) {
            return null;
        }
        long[] sorted = Arrays.copyOfRange(deltas, 1, deltas.length);
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The tree node of a profile node, created with its ancestors on first use (iteratively). */
    private static int treeNode(CallTree tree, Raw raw, int[] parent, int[] treeNode, int node, int depthGuard) {
        if (treeNode[node] >= 0) {
            return treeNode[node];
        }
        int[] chain = new int[16];
        int n = 0;
        for (int x = node; x >= 0 && treeNode[x] < 0; x = parent[x]) {
            if (n == chain.length) {
                chain = Arrays.copyOf(chain, n * 2);
            }
            chain[n++] = x;
            if (n > raw.nodeCount) {
                break; // a cycle in "children"; cut it
            }
        }
        int above = n > 0 && parent[chain[n - 1]] >= 0 ? treeNode[parent[chain[n - 1]]] : CallTree.ROOT;
        for (int i = n - 1; i >= 0; i--) {
            int x = chain[i];
            treeNode[x] = raw.frame[x] < 0 ? above : tree.child(above, raw.frame[x]);
            above = treeNode[x];
        }
        return treeNode[node];
    }
}
