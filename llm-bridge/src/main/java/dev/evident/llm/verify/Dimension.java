package dev.evident.llm.verify;

/** What a number measures, so that 0.9 s can match 900 ms but never 900 samples. */
public enum Dimension {
    /** A plain number or a count of things: compared as written. */
    NONE,
    PERCENT,
    /** Compared in seconds. */
    TIME,
    /** Compared in bytes. */
    BYTES,
    /** "3x", "3×": a ratio; only matches a ratio in the evidence. */
    FACTOR
}
