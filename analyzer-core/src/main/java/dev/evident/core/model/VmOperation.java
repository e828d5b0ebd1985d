package dev.evident.core.model;

/** One JVM operation (often at a safepoint, stopping every Java thread) and how long it took. */
public record VmOperation(long epochNanos, long durationNanos, String name, boolean safepoint) {
}
