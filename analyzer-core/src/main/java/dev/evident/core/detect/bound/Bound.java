package dev.evident.core.detect.bound;

import dev.evident.core.model.Category;

/** What limits a workload: where its threads' time goes when they are not idle. */
public enum Bound {
    CPU("CPU-bound", Category.CPU),
    IO("I/O-bound", Category.IO),
    LOCK("lock-bound", Category.LOCKS),
    GC("GC-bound", Category.MEMORY),
    DATABASE("database-bound", Category.DATABASE);

    private final String label;
    private final Category category;

    Bound(String label, Category category) {
        this.label = label;
        this.category = category;
    }

    /** The finding category whose problems consume this kind of time. */
    public Category category() {
        return category;
    }

    public String label() {
        return label;
    }
}
