package dev.evident.core.model;

import java.util.Comparator;

/** Live thread counts at one moment. */
public record ThreadCountSample(long epochNanos, long active, long daemon, long peak) {

    public static final Comparator<ThreadCountSample> BY_TIME = (a, b) -> {
        int c = Long.compare(a.epochNanos, b.epochNanos);
        if (c == 0) {
            c = Long.compare(a.active, b.active);
        }
        if (c == 0) {
            c = Long.compare(a.daemon, b.daemon);
        }
        return c != 0 ? c : Long.compare(a.peak, b.peak);
    };
}
