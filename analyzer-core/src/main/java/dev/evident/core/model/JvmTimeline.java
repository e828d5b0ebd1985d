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
 */
public record JvmTimeline(
        String source,
        String jvm,
        TimeWindow window,
        Map<String, String> settings,
        List<GcPause> gcPauses,
        List<HeapSample> heap,
        List<CpuLoadSample> cpuLoad,
        List<ThreadCountSample> threadCounts) {

    public JvmTimeline {
        settings = Map.copyOf(settings);
        gcPauses = List.copyOf(gcPauses);
        heap = List.copyOf(heap);
        cpuLoad = List.copyOf(cpuLoad);
        threadCounts = List.copyOf(threadCounts);
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
        return !gcPauses.isEmpty() || "true".equals(settings.get("jdk.GarbageCollection#enabled"));
    }
}
