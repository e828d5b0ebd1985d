package dev.evident.core.model;

/** The JIT's code cache ran out of space: compilation stops until it is flushed. */
public record CodeCacheFull(long epochNanos, String segment, long capacityBytes, int fullCount) {
}
