package dev.evident.ingest.jfr;

import dev.evident.core.model.CpuLoadSample;
import dev.evident.core.model.GcPause;
import dev.evident.core.model.HeapSample;
import dev.evident.core.model.ThreadCountSample;
import dev.evident.core.util.LongIntHashMap;
import one.jfr.JfrClass;
import one.jfr.JfrReader;
import one.jfr.event.AllocationSample;
import one.jfr.event.CPULoad;
import one.jfr.event.ContendedLock;
import one.jfr.event.Event;
import one.jfr.event.ExecutionSample;
import one.jfr.event.GCHeapSummary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Reads the events of one chunk into an accumulator, in one streaming pass. */
final class JfrChunkProcessor {
    /** Settings worth keeping: they change how the data is read (sampling periods, thresholds). */
    private static final Set<String> KEPT_SETTINGS = Set.of("period", "threshold", "interval", "wall", "alloc",
            "lock", "engine", "event", "version", "cstack", "throttle");

    private final JfrReader reader;
    private final JfrAccumulator acc;
    private final FrameResolver frames;
    private final boolean asyncProfiler;
    private final LongIntHashMap threadIds = new LongIntHashMap(64);
    private final Map<Long, String> eventTypeNames = new HashMap<>();

    private JfrChunkProcessor(JfrReader reader, JfrAccumulator acc) {
        this.reader = reader;
        this.acc = acc;
        this.asyncProfiler = reader.typesByName.keySet().stream().anyMatch(n -> n.startsWith("profiler."));
        this.frames = new FrameResolver(reader, acc.frames, acc.tree, asyncProfiler);
        for (JfrClass type : reader.typesByName.values()) {
            eventTypeNames.put((long) JfrReaderAccess.classId(type), JfrReaderAccess.className(type));
        }
    }

    /** Decodes one complete chunk. */
    static void process(ByteBuffer chunk, JfrChunks.Chunk where, JfrAccumulator acc) throws IOException {
        JfrReader reader = new JfrReader(chunk);
        JfrEvents.registerAll(reader);
        ChunkDecoding.begin(reader);
        try {
            JfrChunkProcessor p = new JfrChunkProcessor(reader, acc);
            acc.producers.add(p.asyncProfiler ? "async-profiler" : "JDK Flight Recorder");
            acc.window(where.startNanos(), where.durationNanos());
            acc.chunks++;
            for (Event e; (e = reader.readEvent()) != null; ) {
                p.accept(e);
            }
            acc.distinctStacks += p.frames.distinctStacks;
            acc.stacksAtJdkDepthLimit += p.frames.stacksAtJdkDepthLimit;
        } finally {
            ChunkDecoding.end();
        }
    }

    private void accept(Event e) {
        if (e instanceof ExecutionSample s) {
            add(frames.node(s.stackTraceId), JfrAccumulator.CPU, s.samples, s.samples, s.tid);
        } else if (e instanceof AllocationSample a) {
            add(frames.node(a.stackTraceId, a.classId), JfrAccumulator.ALLOCATION, a.value(), 1, a.tid);
        } else if (e instanceof ContendedLock l) {
            long nanos = (long) (l.duration * reader.nanosPerTick);
            add(frames.node(l.stackTraceId, l.classId), JfrAccumulator.LOCK, nanos, 1, l.tid);
        } else if (e instanceof JfrEvents.WallClockSample w) {
            long samples = Math.max(1, w.getLong("samples", 1));
            add(frames.node(w.stackTraceId), JfrAccumulator.WALL, samples, samples, w.tid);
        } else if (e instanceof JfrEvents.NativeMethodSample n) {
            add(frames.node(n.stackTraceId), JfrAccumulator.NATIVE, 1, 1, n.tid);
        } else if (e instanceof CPULoad c) {
            acc.cpuLoad.add(new CpuLoadSample(reader.eventTimeToNanos(c.time), c.jvmUser, c.jvmSystem, c.machineTotal));
        } else if (e instanceof GCHeapSummary h) {
            acc.heap.add(new HeapSample(reader.eventTimeToNanos(h.time), h.afterGC, h.used, h.committed));
        } else if (e instanceof JfrEvents.GarbageCollection g) {
            acc.gcPauses.add(new GcPause(reader.eventTimeToNanos(g.time),
                    ticksToNanos(g.getLong("sumOfPauses", 0)), ticksToNanos(g.getLong("longestPause", 0)),
                    constant(g, "name", "jdk.types.GCName"), constant(g, "cause", "jdk.types.GCCause")));
        } else if (e instanceof JfrEvents.JavaThreadStatistics t) {
            acc.threadCounts.add(new ThreadCountSample(reader.eventTimeToNanos(t.time),
                    t.getLong("activeCount", 0), t.getLong("daemonCount", 0), t.getLong("peakCount", 0)));
        } else if (e instanceof JfrEvents.ActiveSetting s) {
            setting(s);
        } else if (e instanceof JfrEvents.JvmInformation j) {
            String version = shortVersion(j.getString("jvmVersion"));
            if (version != null) {
                String name = j.getString("jvmName");
                acc.jvms.add((name == null ? "" : name + " ") + version);
            }
        }
    }

    private void add(int node, int column, long weight, long count, int tid) {
        acc.tree.addSelf(node, column, weight, count);
        int thread = threadIds.get(tid, -1);
        if (thread < 0) {
            String name = reader.threads.get(tid);
            thread = acc.threads.thread(name == null ? "[thread " + tid + "]" : name);
            threadIds.put(tid, thread);
        }
        acc.threads.add(thread, column, weight, count);
    }

    private void setting(JfrEvents.ActiveSetting s) {
        String name = s.getString("name");
        String type = eventTypeNames.getOrDefault(s.getLong("id", -1), "?");
        if ("enabled".equals(name) && type.equals("jdk.GarbageCollection")) {
            acc.setting(type + "#" + name, s.getString("value"));
            return;
        }
        if (name == null || !KEPT_SETTINGS.contains(name)) {
            return;
        }
        if (asyncProfiler || type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample")
                || type.equals("jdk.ObjectAllocationSample") || type.equals("jdk.JavaMonitorEnter")
                || type.equals("jdk.ThreadPark")) {
            acc.setting(type + "#" + name, s.getString("value"));
        }
    }

    /**
     * The JDK writes "OpenJDK 64-Bit Server VM (17.0.15+6-...) for linux-amd64 JRE (...), built on
     * ..."; async-profiler writes just "17.0.15+6-...". Both become the version itself.
     */
    static String shortVersion(String version) {
        if (version == null) {
            return null;
        }
        int open = version.indexOf('(');
        int close = version.indexOf(')', open + 1);
        return open >= 0 && close > open ? version.substring(open + 1, close) : version.trim();
    }

    private long ticksToNanos(long ticks) {
        return (long) (ticks * reader.nanosPerTick);
    }

    /** A constant-pool field whose pool is a simple enumeration (GC names, GC causes). */
    private String constant(JfrEvents.GarbageCollection g, String field, String enumType) {
        Map<Integer, String> values = reader.enums.get(enumType);
        long key = g.getLong(field, -1);
        String v = values == null ? null : values.get((int) key);
        return v == null ? "unknown" : v;
    }
}
