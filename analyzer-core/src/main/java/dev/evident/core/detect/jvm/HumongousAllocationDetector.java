package dev.evident.core.detect.jvm;

import dev.evident.core.util.Fmt;

/** G1 collections started by humongous allocations (objects of half a heap region or more). */
public final class HumongousAllocationDetector extends GcCauseDetector {

    public HumongousAllocationDetector() {
        super("humongous-allocation", cause -> cause.equals("G1 Humongous Allocation"),
                JvmThresholds.HUMONGOUS_RATIO.value());
    }

    @Override
    String title(long count, long total, double ratio, long pausedNanos) {
        return "Humongous allocations started " + count + " of " + total + " G1 collections (" + Fmt.percent(ratio) + ")";
    }

    @Override
    String explanation() {
        return "G1 places objects of half a region or more (large arrays, big strings, buffers) in dedicated regions "
                + "outside the young generation and may start a collection to find room for them.";
    }

    @Override
    String fix() {
        return "Find the large allocations in the allocation profile (types ending in []) and chunk or reuse them "
                + "(stream instead of building whole arrays, pool big buffers); or raise the region size so they are "
                + "no longer humongous (-XX:G1HeapRegionSize=16m or 32m).";
    }

    @Override
    String example() {
        return "```sh\njava -XX:G1HeapRegionSize=16m ...\n```";
    }

    @Override
    String remedy() {
        return "reduce-allocation";
    }

    @Override
    boolean fixedWhereMostIsAllocated() {
        return true;
    }
}
