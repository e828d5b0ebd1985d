package dev.evident.core.model;

import java.util.Comparator;

/** Heap usage around one garbage collection. */
public record HeapSample(long epochNanos, boolean afterGc, long usedBytes, long committedBytes) {

    public static final Comparator<HeapSample> BY_TIME = (a, b) -> {
        int c = Long.compare(a.epochNanos, b.epochNanos);
        if (c == 0) {
            c = Boolean.compare(a.afterGc, b.afterGc);
        }
        if (c == 0) {
            c = Long.compare(a.usedBytes, b.usedBytes);
        }
        return c != 0 ? c : Long.compare(a.committedBytes, b.committedBytes);
    };
}
