package dev.evident.ingest;

/** How sure a reader is, from the first bytes, that a file is in its format. */
public enum Probe {
    /** Not this format. */
    NO,
    /** Could be: the text shape fits, but other formats fit too. */
    WEAK,
    /** Very likely: several format-specific markers found. */
    LIKELY,
    /** Certain: a magic number or signature matched. */
    CERTAIN
}
