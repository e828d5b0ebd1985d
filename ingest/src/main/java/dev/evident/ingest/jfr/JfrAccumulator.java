package dev.evident.ingest.jfr;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.CodeCacheFull;
import dev.evident.core.model.CounterSample;
import dev.evident.core.model.CpuLoadSample;
import dev.evident.core.model.Deoptimization;
import dev.evident.core.model.IoEvent;
import dev.evident.core.model.MemoryPoolSample;
import dev.evident.core.model.VmOperation;
import dev.evident.core.model.FrameTable;
import dev.evident.core.model.GcPause;
import dev.evident.core.model.HeapSample;
import dev.evident.core.model.Metric;
import dev.evident.core.model.ThreadBreakdown;
import dev.evident.core.model.ThreadCountSample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the chunks read by one worker thread add up to. Workers each fill their own accumulator;
 * accumulators merge at the end, so no lock is taken per event.
 */
final class JfrAccumulator {
    static final int CPU = 0;
    static final int WALL = 1;
    static final int NATIVE = 2;
    static final int ALLOCATION = 3;
    static final int LOCK = 4;
    static final int EXCEPTION = 5;
    static final List<Metric> METRICS = List.of(Metric.CPU_SAMPLES, Metric.WALL_SAMPLES, Metric.NATIVE_SAMPLES,
            Metric.ALLOCATION_BYTES, Metric.LOCK_NANOS, Metric.EXCEPTION_EVENTS);
    private static final int[] IDENTITY = {0, 1, 2, 3, 4, 5};

    final FrameTable frames = new FrameTable();
    /** Decoded class and method names, shared by every chunk this accumulator reads. */
    final SymbolCache symbols = new SymbolCache();
    /** The constant-pool tables of the chunk being read, reused for the next one (not a result). */
    final ConstantPools pools = new ConstantPools();
    final CallTree tree = new CallTree(METRICS.size());
    final ThreadBreakdown threads = new ThreadBreakdown(METRICS.size());
    final List<GcPause> gcPauses = new ArrayList<>();
    final List<HeapSample> heap = new ArrayList<>();
    final List<CpuLoadSample> cpuLoad = new ArrayList<>();
    final List<ThreadCountSample> threadCounts = new ArrayList<>();
    final List<IoEvent> io = new ArrayList<>();
    final List<VmOperation> vmOperations = new ArrayList<>();
    final List<Deoptimization> deoptimizations = new ArrayList<>();
    final List<CounterSample> exceptionCounts = new ArrayList<>();
    final List<MemoryPoolSample> metaspace = new ArrayList<>();
    final List<CounterSample> threadAllocations = new ArrayList<>();
    final List<CodeCacheFull> codeCacheFull = new ArrayList<>();
    /** "eventType#setting" to the values seen; several values mean the setting changed. */
    final Map<String, TreeSet<String>> settings = new TreeMap<>();
    final TreeSet<String> jvms = new TreeSet<>();
    final TreeSet<String> producers = new TreeSet<>();
    final List<String> chunkFailures = new ArrayList<>();
    long startNanos = Long.MAX_VALUE;
    long endNanos = Long.MIN_VALUE;
    int chunks;
    long distinctStacks;
    long stacksAtJdkDepthLimit;

    void setting(String key, String value) {
        settings.computeIfAbsent(key, k -> new TreeSet<>()).add(value == null ? "" : value);
    }

    void window(long start, long duration) {
        startNanos = Math.min(startNanos, start);
        endNanos = Math.max(endNanos, start + duration);
    }

    JfrAccumulator merge(JfrAccumulator other) {
        int[] frameMap = frames.absorb(other.frames);
        tree.merge(other.tree, frameMap, IDENTITY);
        threads.merge(other.threads, IDENTITY);
        gcPauses.addAll(other.gcPauses);
        heap.addAll(other.heap);
        cpuLoad.addAll(other.cpuLoad);
        threadCounts.addAll(other.threadCounts);
        io.addAll(other.io);
        vmOperations.addAll(other.vmOperations);
        deoptimizations.addAll(other.deoptimizations);
        exceptionCounts.addAll(other.exceptionCounts);
        metaspace.addAll(other.metaspace);
        threadAllocations.addAll(other.threadAllocations);
        codeCacheFull.addAll(other.codeCacheFull);
        other.settings.forEach((k, v) -> settings.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
        jvms.addAll(other.jvms);
        producers.addAll(other.producers);
        chunkFailures.addAll(other.chunkFailures);
        startNanos = Math.min(startNanos, other.startNanos);
        endNanos = Math.max(endNanos, other.endNanos);
        chunks += other.chunks;
        distinctStacks += other.distinctStacks;
        stacksAtJdkDepthLimit += other.stacksAtJdkDepthLimit;
        return this;
    }
}
