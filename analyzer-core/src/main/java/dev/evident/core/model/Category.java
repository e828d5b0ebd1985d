package dev.evident.core.model;

/** The area of a finding, used to group the report and to classify what bounds the workload. */
public enum Category {
    CPU("CPU"),
    MEMORY("memory/GC"),
    LOCKS("locks"),
    IO("I/O"),
    DATABASE("database"),
    LATENCY("latency"),
    SCALING("scaling"),
    RUNTIME("runtime");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
