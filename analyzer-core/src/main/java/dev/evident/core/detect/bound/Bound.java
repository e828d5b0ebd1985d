package dev.evident.core.detect.bound;

/** What limits a workload: where its threads' time goes when they are not idle. */
public enum Bound {
    CPU("CPU-bound"),
    IO("I/O-bound"),
    LOCK("lock-bound"),
    GC("GC-bound"),
    DATABASE("database-bound");

    private final String label;

    Bound(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
