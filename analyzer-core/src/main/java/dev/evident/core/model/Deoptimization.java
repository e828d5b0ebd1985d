package dev.evident.core.model;

/** The JIT throwing away compiled code of a method, and why. */
public record Deoptimization(long epochNanos, String method, int line, String reason, String action) {
}
