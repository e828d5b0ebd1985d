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
    public static final Comparator<GcPause> BY_TIME = (a, b) -> {
        int c = Long.compare(a.startEpochNanos, b.startEpochNanos);
        if (c == 0) {
            c = Long.compare(a.sumOfPausesNanos, b.sumOfPausesNanos);
        }
        if (c == 0) {
            c = Long.compare(a.longestPauseNanos, b.longestPauseNanos);
        }
        if (c == 0) {
            c = a.name.compareTo(b.name);
        }
        return c != 0 ? c : a.cause.compareTo(b.cause);
    };
}
