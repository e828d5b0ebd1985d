package dev.evident.core.model;

/** Used and committed bytes of a memory area (metaspace) at one moment. */
public record MemoryPoolSample(long epochNanos, long usedBytes, long committedBytes) {
}
