package dev.evident.core.detect;

/**
 * A documented threshold: what it means and the public source it was taken from. Every number a
 * detector compares against is one of these, listed in a per-area table and in docs/detectors.md.
 */
public record Threshold(String id, double value, String unit, String meaning, String source) {
}
