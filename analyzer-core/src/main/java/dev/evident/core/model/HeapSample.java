package dev.evident.core.model;

import java.util.Comparator;

/** Heap usage around one garbage collection. */
public record HeapSample(long epochNanos, boolean afterGc, long usedBytes, long committedBytes) {

    public static final Comparator<HeapSample> BY_TIME = Comparator.comparingLong(HeapSample::epochNanos)
            .thenComparing(HeapSample::afterGc).thenComparingLong(HeapSample::usedBytes)
            .thenComparingLong(HeapSample::committedBytes);
}
