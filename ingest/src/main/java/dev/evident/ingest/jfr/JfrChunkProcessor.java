package dev.evident.ingest.jfr;

import dev.evident.core.model.CodeCacheFull;
import dev.evident.core.model.CounterSample;
import dev.evident.core.model.CpuLoadSample;
import dev.evident.core.model.Deoptimization;
import dev.evident.core.model.IoEvent;
import dev.evident.core.model.MemoryPoolSample;
import dev.evident.core.model.VmOperation;
import dev.evident.core.model.GcPause;
import dev.evident.core.model.HeapSample;
import dev.evident.core.model.ThreadCountSample;
import dev.evident.core.util.LongIntHashMap;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads one chunk into an accumulator. {@link JfrChunk} provides the chunk's metadata and constant
 * pools; the events themselves are decoded here in one tight loop over the chunk's bytes, by
 * field layouts bound once per chunk, touching only the event types evident uses and allocating
 * nothing per event.
 */
final class JfrChunkProcessor {

    /** Settings worth keeping: they change how the data is read (sampling periods, thresholds). */
    private static final Set<String> KEPT_SETTINGS = Set.of("period", "threshold", "interval", "wall", "alloc",
            "lock", "engine", "event", "version", "cstack", "throttle");

    /** Event types whose "enabled" setting evident keeps. */
    private static final Set<String> RECORDED_TYPES = Set.of("jdk.GarbageCollection", "jdk.SocketRead",
            "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite", "jdk.JavaExceptionThrow", "jdk.ExceptionStatistics",
            "jdk.Deoptimization", "jdk.ExecuteVMOperation", "jdk.ThreadAllocationStatistics", "jdk.JavaMonitorEnter",
            "jdk.ThreadPark", "jdk.ObjectAllocationSample", "jdk.MetaspaceSummary", "jdk.CodeCacheFull");

    /** The event types evident reads, and what each becomes. */
    enum Type {
        EXECUTION_SAMPLE("jdk.ExecutionSample"),
        CPU_TIME_SAMPLE("jdk.CPUTimeSample"),
        NATIVE_SAMPLE("jdk.NativeMethodSample"),
        WALL_SAMPLE("profiler.WallClockSample"),
        ALLOCATION_SAMPLE("jdk.ObjectAllocationSample"),
        ALLOCATION_IN_NEW_TLAB("jdk.ObjectAllocationInNewTLAB"),
        ALLOCATION_OUTSIDE_TLAB("jdk.ObjectAllocationOutsideTLAB"),
        MONITOR_ENTER("jdk.JavaMonitorEnter"),
        THREAD_PARK("jdk.ThreadPark"),
        CPU_LOAD("jdk.CPULoad"),
        HEAP_SUMMARY("jdk.GCHeapSummary"),
        GARBAGE_COLLECTION("jdk.GarbageCollection"),
        ACTIVE_SETTING("jdk.ActiveSetting"),
        JVM_INFORMATION("jdk.JVMInformation"),
        THREAD_STATISTICS("jdk.JavaThreadStatistics"),
        SOCKET_READ("jdk.SocketRead"),
        SOCKET_WRITE("jdk.SocketWrite"),
        FILE_READ("jdk.FileRead"),
        FILE_WRITE("jdk.FileWrite"),
        EXCEPTION_THROW("jdk.JavaExceptionThrow"),
        ERROR_THROW("jdk.JavaErrorThrow"),
        EXCEPTION_STATISTICS("jdk.ExceptionStatistics"),
        DEOPTIMIZATION("jdk.Deoptimization"),
        VM_OPERATION("jdk.ExecuteVMOperation"),
        METASPACE_SUMMARY("jdk.MetaspaceSummary"),
        THREAD_ALLOCATION_STATISTICS("jdk.ThreadAllocationStatistics"),
        CODE_CACHE_FULL("jdk.CodeCacheFull");

        final String eventName;

        Type(String eventName) {
            this.eventName = eventName;
        }

        boolean needsStrings() {
            return switch (this) {
                case ACTIVE_SETTING, JVM_INFORMATION, SOCKET_READ, SOCKET_WRITE, FILE_READ, FILE_WRITE -> true;
                default -> false;
            };
        }
    }

    /** An event type bound to this chunk's layout, with the field indices looked up once. */
    private static final class Bound {
        final Type type;
        final EventLayout layout;
        final int time;
        final int thread;
        final int stack;
        final int typeClass;
        final int duration;
        final int samples;
        final int weight;
        final int tlabSize;
        final int allocationSize;
        final int failed;
        /** Fields to decode: up to the last one this type's handler reads. */
        final int decoded;

        Bound(Type type, EventLayout layout) {
            this.type = type;
            this.layout = layout;
            this.time = layout.field("startTime");
            this.thread = layout.field("eventThread") >= 0 ? layout.field("eventThread") : layout.field("sampledThread");
            this.stack = layout.field("stackTrace");
            int cls = layout.field("objectClass");
            if (cls < 0) {
                cls = layout.field("monitorClass");
            }
            if (cls < 0) {
                cls = layout.field("parkedClass");
            }
            this.typeClass = cls;
            this.duration = layout.field("duration");
            this.samples = layout.field("samples");
            this.weight = layout.field("weight");
            this.tlabSize = layout.field("tlabSize");
            this.allocationSize = layout.field("allocationSize");
            this.failed = layout.field("failed");
            this.decoded = switch (type) {
                case EXECUTION_SAMPLE, NATIVE_SAMPLE -> 1 + Math.max(thread, stack);
                case WALL_SAMPLE -> 1 + Math.max(Math.max(thread, stack), samples);
                case ALLOCATION_SAMPLE, ALLOCATION_IN_NEW_TLAB, ALLOCATION_OUTSIDE_TLAB ->
                        1 + Math.max(Math.max(thread, stack), Math.max(typeClass, Math.max(weight, Math.max(tlabSize, allocationSize))));
                case MONITOR_ENTER, THREAD_PARK -> 1 + Math.max(Math.max(thread, stack), Math.max(typeClass, duration));
                default -> layout.size();
            };
        }

        static long at(long[] values, int index, long missing) {
            return index < 0 ? missing : values[index];
        }

        long get(long[] values, String field, long missing) {
            int i = layout.field(field);
            return i < 0 ? missing : values[i];
        }

        double getFloat(long[] values, String field) {
            int i = layout.field(field);
            if (i < 0) {
                return 0;
            }
            return layout.kinds[i] == FieldKind.FLOAT || layout.kinds[i] == FieldKind.DOUBLE
                    ? Double.longBitsToDouble(values[i]) : values[i];
        }

        String getString(String[] strings, String field) {
            int i = layout.field(field);
            return i < 0 ? null : strings[i];
        }

        /** A constant-pool enumeration field (GC cause, VM operation, deoptimization reason) as text. */
        String getConstant(long[] values, String field, ConstantPools pools) {
            int i = layout.field(field);
            return i < 0 ? null : pools.enumText(layout.fieldTypes[i], values[i]);
        }
    }

    private final JfrChunk chunk;
    private final ConstantPools pools;
    private final JfrAccumulator acc;
    private final FrameResolver frames;
    private final boolean asyncProfiler;
    private final LongIntHashMap threadIds = new LongIntHashMap(64);

    private JfrChunkProcessor(JfrChunk chunk, JfrAccumulator acc) {
        this.chunk = chunk;
        this.pools = chunk.pools;
        this.acc = acc;
        this.asyncProfiler = chunk.metadata.asyncProfiler();
        this.frames = new FrameResolver(pools, acc.frames, acc.tree, acc.symbols, asyncProfiler);
    }

    /**
     * Decodes one complete chunk held in {@code buffer} (position 0, limit = chunk size), with the
     * metadata of the file's earlier chunks at hand in {@code metadata}.
     */
    static void process(ByteBuffer buffer, JfrChunks.Chunk where, JfrAccumulator acc, MetadataCache metadata) {
        JfrChunk chunk = JfrChunk.read(buffer, metadata, acc.pools);
        JfrChunkProcessor p = new JfrChunkProcessor(chunk, acc);
        acc.producers.add(p.asyncProfiler ? "async-profiler" : "JDK Flight Recorder");
        acc.window(where.startNanos(), where.durationNanos());
        p.readEvents(buffer);
        acc.chunks++;
        acc.distinctStacks += p.frames.distinctStacks;
        acc.stacksAtJdkDepthLimit += p.frames.stacksAtJdkDepthLimit;
    }

    private void readEvents(ByteBuffer buf) {
        Bound[] byTypeId = bind();
        int maxFields = 1;
        for (Bound b : byTypeId) {
            if (b != null) {
                maxFields = Math.max(maxFields, b.layout.size());
            }
        }
        long[] values = new long[maxFields];
        String[] strings = new String[maxFields];
        ChunkBytes in = new ChunkBytes(buf);
        int limit = in.limit();
        in.pos = ChunkHeader.SIZE;
        while (in.pos < limit) {
            int start = in.pos;
            long size = in.varlong();
            long type = in.varlong();
            if (size <= 0 || start + size > limit) {
                throw new IllegalStateException("corrupt event at byte " + start + " of the chunk: size " + size);
            }
            Bound bound = type >= 0 && type < byTypeId.length ? byTypeId[(int) type] : null;
            if (bound != null) {
                bound.layout.read(in, values, bound.type.needsStrings() ? strings : null, pools, bound.decoded);
                accept(bound, values, strings);
            }
            in.pos = (int) (start + size);
        }
    }

    /** This chunk's layouts of the event types evident reads, indexed by type id. */
    private Bound[] bind() {
        Map<Integer, Bound> bound = new HashMap<>();
        int maxId = 0;
        ValueReader values = new ValueReader(chunk.metadata);
        for (Type type : Type.values()) {
            EventLayout layout = EventLayout.of(chunk.metadata, values, type.eventName);
            if (layout != null) {
                bound.put(layout.typeId, new Bound(type, layout));
                maxId = Math.max(maxId, layout.typeId);
            }
        }
        Bound[] byId = new Bound[maxId + 1];
        bound.forEach((id, b) -> byId[id] = b);
        return byId;
    }

    private void accept(Bound b, long[] v, String[] s) {
        switch (b.type) {
            case EXECUTION_SAMPLE -> add(frames.node(v[b.stack]), JfrAccumulator.CPU, 1, 1, v[b.thread]);
            case CPU_TIME_SAMPLE -> {
                if (Bound.at(v, b.failed, 0) == 0) {
                    add(frames.node(v[b.stack]), JfrAccumulator.CPU, 1, 1, v[b.thread]);
                }
            }
            case NATIVE_SAMPLE -> add(frames.node(v[b.stack]), JfrAccumulator.NATIVE, 1, 1, v[b.thread]);
            case WALL_SAMPLE -> {
                long samples = Math.max(1, Bound.at(v, b.samples, 1));
                add(frames.node(v[b.stack]), JfrAccumulator.WALL, samples, samples, v[b.thread]);
            }
            case ALLOCATION_SAMPLE -> add(frames.node(v[b.stack], v[b.typeClass]), JfrAccumulator.ALLOCATION,
                    Bound.at(v, b.weight, 0), 1, v[b.thread]);
            case ALLOCATION_IN_NEW_TLAB -> {
                long tlab = Bound.at(v, b.tlabSize, 0);
                add(frames.node(v[b.stack], v[b.typeClass]), JfrAccumulator.ALLOCATION,
                        tlab != 0 ? tlab : Bound.at(v, b.allocationSize, 0), 1, v[b.thread]);
            }
            case ALLOCATION_OUTSIDE_TLAB -> add(frames.node(v[b.stack], v[b.typeClass]), JfrAccumulator.ALLOCATION,
                    Bound.at(v, b.allocationSize, 0), 1, v[b.thread]);
            case MONITOR_ENTER, THREAD_PARK -> add(frames.node(v[b.stack], v[b.typeClass]), JfrAccumulator.LOCK,
                    ticksToNanos(v[b.duration]), 1, v[b.thread]);
            case EXCEPTION_THROW, ERROR_THROW -> add(frames.node(v[b.stack], b.get(v, "thrownClass", 0)),
                    JfrAccumulator.EXCEPTION, 1, 1, v[b.thread]);
            case SOCKET_READ, SOCKET_WRITE -> {
                String host = b.getString(s, "host");
                if (host == null || host.isEmpty()) {
                    host = b.getString(s, "address");
                }
                acc.io.add(new IoEvent(time(b, v), ticksToNanos(Bound.at(v, b.duration, 0)),
                        b.type == Type.SOCKET_READ ? IoEvent.Kind.SOCKET_READ : IoEvent.Kind.SOCKET_WRITE,
                        (host == null ? "?" : host) + ":" + b.get(v, "port", 0),
                        b.get(v, b.type == Type.SOCKET_READ ? "bytesRead" : "bytesWritten", 0),
                        b.stack >= 0 && frames.throughDatabaseDriver(v[b.stack])));
            }
            case FILE_READ, FILE_WRITE -> {
                String path = b.getString(s, "path");
                acc.io.add(new IoEvent(time(b, v), ticksToNanos(Bound.at(v, b.duration, 0)),
                        b.type == Type.FILE_READ ? IoEvent.Kind.FILE_READ : IoEvent.Kind.FILE_WRITE,
                        path == null ? "?" : path, b.get(v, b.type == Type.FILE_READ ? "bytesRead" : "bytesWritten", 0),
                        false));
            }
            case EXCEPTION_STATISTICS -> acc.exceptionCounts.add(new CounterSample(time(b, v), "", b.get(v, "throwables", 0)));
            case DEOPTIMIZATION -> acc.deoptimizations.add(new Deoptimization(time(b, v),
                    frames.methodName(b.get(v, "method", -1)), (int) b.get(v, "lineNumber", 0),
                    orUnknown(b.getConstant(v, "reason", pools)), orUnknown(b.getConstant(v, "action", pools))));
            case VM_OPERATION -> acc.vmOperations.add(new VmOperation(time(b, v), ticksToNanos(Bound.at(v, b.duration, 0)),
                    orUnknown(b.getConstant(v, "operation", pools)), b.get(v, "safepoint", 0) != 0));
            case METASPACE_SUMMARY -> {
                int sizes = b.layout.field("metaspace");
                acc.metaspace.add(new MemoryPoolSample(time(b, v), b.layout.structField(sizes, "used", 0),
                        b.layout.structField(sizes, "committed", 0)));
            }
            case THREAD_ALLOCATION_STATISTICS -> {
                long tid = b.get(v, "thread", -1);
                String name = pools.threadName(tid);
                acc.threadAllocations.add(new CounterSample(time(b, v), name == null ? "[thread " + tid + "]" : name,
                        b.get(v, "allocated", 0)));
            }
            case CODE_CACHE_FULL -> acc.codeCacheFull.add(new CodeCacheFull(time(b, v),
                    orUnknown(b.getConstant(v, "codeBlobType", pools)), b.get(v, "codeCacheMaxCapacity", 0),
                    (int) b.get(v, "fullCount", 0)));
            case CPU_LOAD -> acc.cpuLoad.add(new CpuLoadSample(time(b, v), b.getFloat(v, "jvmUser"),
                    b.getFloat(v, "jvmSystem"), b.getFloat(v, "machineTotal")));
            case HEAP_SUMMARY -> acc.heap.add(new HeapSample(time(b, v),
                    "After GC".equals(constant("jdk.types.GCWhen", b.get(v, "when", -1))),
                    b.get(v, "heapUsed", 0), b.layout.structField(b.layout.field("heapSpace"), "committedSize", 0)));
            case GARBAGE_COLLECTION -> acc.gcPauses.add(new GcPause(time(b, v),
                    ticksToNanos(b.get(v, "sumOfPauses", 0)), ticksToNanos(b.get(v, "longestPause", 0)),
                    orUnknown(constant("jdk.types.GCName", b.get(v, "name", -1))),
                    orUnknown(constant("jdk.types.GCCause", b.get(v, "cause", -1)))));
            case THREAD_STATISTICS -> acc.threadCounts.add(new ThreadCountSample(time(b, v),
                    b.get(v, "activeCount", 0), b.get(v, "daemonCount", 0), b.get(v, "peakCount", 0)));
            case ACTIVE_SETTING -> setting(b.getString(s, "name"), b.get(v, "id", -1), b.getString(s, "value"));
            case JVM_INFORMATION -> {
                String version = shortVersion(b.getString(s, "jvmVersion"));
                if (version != null) {
                    String name = b.getString(s, "jvmName");
                    acc.jvms.add((name == null ? "" : name + " ") + version);
                }
            }
        }
    }

    private void add(int node, int column, long weight, long count, long tid) {
        acc.tree.addSelf(node, column, weight, count);
        int thread = threadIds.get(tid, -1);
        if (thread < 0) {
            String name = pools.threadName(tid);
            thread = acc.threads.thread(name == null ? "[thread " + tid + "]" : name);
            threadIds.put(tid, thread);
        }
        acc.threads.add(thread, column, weight, count);
    }

    private long time(Bound b, long[] v) {
        return b.time < 0 ? chunk.startNanos() : chunk.toEpochNanos(v[b.time]);
    }

    private void setting(String name, long eventTypeId, String value) {
        String type = chunk.metadata.typeName(eventTypeId);
        if ("enabled".equals(name)) {
            // whether an event type was on tells "none happened" from "none recorded"
            if (RECORDED_TYPES.contains(type)) {
                acc.setting(type + "#" + name, value);
            }
            return;
        }
        if (name == null || !KEPT_SETTINGS.contains(name)) {
            return;
        }
        if (asyncProfiler || type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample")
                || type.equals("jdk.ObjectAllocationSample") || type.equals("jdk.JavaMonitorEnter")
                || type.equals("jdk.ThreadPark")) {
            acc.setting(type + "#" + name, value);
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
        return chunk.toNanos(ticks);
    }

    /** A constant of a simple enumeration pool (GC names and causes, "Before GC"/"After GC"). */
    private String constant(String enumType, long key) {
        return pools.enumText(enumType, key);
    }

    private static String orUnknown(String s) {
        return s == null ? "unknown" : s;
    }
}
