package dev.evident.core.model;

/** A span of wall-clock time, in nanoseconds since the epoch. */
public record TimeWindow(long startEpochNanos, long durationNanos) {

    public long endEpochNanos() {
        return startEpochNanos + durationNanos;
    }

    public double seconds() {
        return durationNanos / 1e9;
    }

    public TimeWindow union(TimeWindow other) {
        long start = Math.min(startEpochNanos, other.startEpochNanos);
        long end = Math.max(endEpochNanos(), other.endEpochNanos());
        return new TimeWindow(start, end - start);
    }
}
