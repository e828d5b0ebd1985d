package dev.evident.core.model;

import java.util.Comparator;

/**
 * One garbage collection as the JVM reported it.
 *
 * @param startEpochNanos  when the collection started
 * @param sumOfPausesNanos total stop-the-world time of this collection
 * @param longestPauseNanos longest single pause within it
 * @param name             collector name, e.g. "G1New"
 * @param cause            why it ran, e.g. "G1 Evacuation Pause" or "System.gc()"
 */
public record GcPause(long startEpochNanos, long sumOfPausesNanos, long longestPauseNanos, String name, String cause) {

    /** Time order; ties broken by every field so parallel reads sort the same way. */
    public static final Comparator<GcPause> BY_TIME = Comparator.comparingLong(GcPause::startEpochNanos)
            .thenComparingLong(GcPause::sumOfPausesNanos).thenComparingLong(GcPause::longestPauseNanos)
            .thenComparing(GcPause::name).thenComparing(GcPause::cause);
}
