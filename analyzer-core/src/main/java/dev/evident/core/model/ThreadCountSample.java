package dev.evident.core.model;

import java.util.Comparator;

/** Live thread counts at one moment. */
public record ThreadCountSample(long epochNanos, long active, long daemon, long peak) {

    public static final Comparator<ThreadCountSample> BY_TIME = Comparator.comparingLong(ThreadCountSample::epochNanos)
            .thenComparingLong(ThreadCountSample::active).thenComparingLong(ThreadCountSample::daemon)
            .thenComparingLong(ThreadCountSample::peak);
}
