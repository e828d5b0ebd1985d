package dev.evident.core.model;

import java.util.List;
import java.util.Map;

/**
 * What a JVM recording says over time besides stack samples: garbage collections, heap usage,
 * CPU load and thread counts, plus the recording's own metadata.
 *
 * @param source     artifact path
 * @param jvm        "OpenJDK 64-Bit Server VM 17.0.15+6", when the recording has it
 * @param window     the recording's time span
 * @param settings   event settings that matter for interpretation, e.g.
 *                   {@code jdk.ExecutionSample#period -> 10 ms}
 * @param gcPauses   collections in time order
 * @param heap       heap usage before and after collections, in time order
 * @param cpuLoad    periodic CPU load, in time order
 * @param threadCounts periodic thread counts, in time order
 * @param io           socket and file operations above the recorder's threshold, in time order
 * @param vmOperations JVM operations (safepoints), in time order
 * @param deoptimizations compiled code thrown away, in time order
 * @param exceptionCounts cumulative count of exceptions and errors created, in time order
 * @param metaspace    metaspace usage around collections, in time order
 * @param threadAllocations cumulative bytes allocated per thread, in time order
 * @param codeCacheFull times the code cache ran full
 */
public record JvmTimeline(
        String source,
        String jvm,
        TimeWindow window,
        Map<String, String> settings,
        List<GcPause> gcPauses,
        List<HeapSample> heap,
        List<CpuLoadSample> cpuLoad,
        List<ThreadCountSample> threadCounts,
        List<IoEvent> io,
        List<VmOperation> vmOperations,
        List<Deoptimization> deoptimizations,
        List<CounterSample> exceptionCounts,
        List<MemoryPoolSample> metaspace,
        List<CounterSample> threadAllocations,
        List<CodeCacheFull> codeCacheFull) {

    public JvmTimeline {
        settings = Map.copyOf(settings);
        gcPauses = List.copyOf(gcPauses);
        heap = List.copyOf(heap);
        cpuLoad = List.copyOf(cpuLoad);
        threadCounts = List.copyOf(threadCounts);
        io = List.copyOf(io);
        vmOperations = List.copyOf(vmOperations);
        deoptimizations = List.copyOf(deoptimizations);
        exceptionCounts = List.copyOf(exceptionCounts);
        metaspace = List.copyOf(metaspace);
        threadAllocations = List.copyOf(threadAllocations);
        codeCacheFull = List.copyOf(codeCacheFull);
    }

    /** True when the recorder had an event type enabled ("jdk.SocketRead#enabled" = "true"). */
    public boolean recorded(String eventType) {
        return "true".equals(settings.get(eventType + "#enabled"));
    }

    /** Summed stop-the-world time of all collections. */
    public long totalPauseNanos() {
        long sum = 0;
        for (GcPause p : gcPauses) {
            sum += p.sumOfPausesNanos();
        }
        return sum;
    }

    /**
     * True when the recording captured garbage collections, so that "no collections" means none
     * happened rather than none were recorded.
     */
    public boolean gcRecorded() {
        return !gcPauses.isEmpty() || recorded("jdk.GarbageCollection");
    }
}
