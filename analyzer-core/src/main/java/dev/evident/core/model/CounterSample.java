package dev.evident.core.model;

/**
 * A cumulative counter read at one moment: exceptions thrown so far, bytes a thread allocated so
 * far. Rates come from differences between consecutive samples.
 *
 * @param key what is counted, e.g. a thread name; "" when there is one counter
 */
public record CounterSample(long epochNanos, String key, long value) {
}
