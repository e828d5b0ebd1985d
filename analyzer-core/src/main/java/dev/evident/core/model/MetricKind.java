package dev.evident.core.model;

/** What a profile metric measures, independent of its unit. */
public enum MetricKind {
    CPU("CPU", "on-CPU samples", Category.CPU),
    WALL("wall clock", "wall-clock samples of all threads, running or not", Category.LATENCY),
    NATIVE("native", "samples of threads inside native methods (JDK Flight Recorder)", Category.IO),
    ALLOCATION("allocation", "sampled allocations", Category.MEMORY),
    LOCK("lock wait", "time threads waited to enter a monitor or acquire a lock", Category.LOCKS),
    EXCEPTION("exceptions", "exceptions and errors created, by the stack that created them", Category.RUNTIME),
    /** Memory still reachable when the profile was taken (pprof {@code inuse_space}), not allocation churn. */
    HEAP("in-use heap", "memory still in use when the profile was taken", Category.MEMORY);

    private final String label;
    private final String description;
    private final Category category;

    MetricKind(String label, String description, Category category) {
        this.label = label;
        this.description = description;
        this.category = category;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Whether the metric measures time (as opposed to bytes or counts). */
    public boolean isTime() {
        return this == CPU || this == WALL || this == NATIVE || this == LOCK;
    }

    /** The finding category a concentration in this metric belongs to. */
    public Category category() {
        return category;
    }
}
