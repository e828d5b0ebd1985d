package dev.evident.core.model;

/**
 * One weight column of a profile: what is measured and in which unit. The same kind can come in
 * different units (async-profiler's collapsed allocation output counts samples, JFR gives bytes).
 */
public record Metric(MetricKind kind, Unit unit) {

    public static final Metric CPU_SAMPLES = new Metric(MetricKind.CPU, Unit.SAMPLES);
    public static final Metric WALL_SAMPLES = new Metric(MetricKind.WALL, Unit.SAMPLES);
    public static final Metric NATIVE_SAMPLES = new Metric(MetricKind.NATIVE, Unit.SAMPLES);
    public static final Metric ALLOCATION_BYTES = new Metric(MetricKind.ALLOCATION, Unit.BYTES);
    public static final Metric ALLOCATION_SAMPLES = new Metric(MetricKind.ALLOCATION, Unit.SAMPLES);
    public static final Metric LOCK_NANOS = new Metric(MetricKind.LOCK, Unit.NANOSECONDS);
    public static final Metric LOCK_SAMPLES = new Metric(MetricKind.LOCK, Unit.SAMPLES);
    public static final Metric EXCEPTION_EVENTS = new Metric(MetricKind.EXCEPTION, Unit.EVENTS);
    public static final Metric CPU_NANOS = new Metric(MetricKind.CPU, Unit.NANOSECONDS);
    public static final Metric WALL_NANOS = new Metric(MetricKind.WALL, Unit.NANOSECONDS);
    public static final Metric HEAP_BYTES = new Metric(MetricKind.HEAP, Unit.BYTES);

    /** Stable identifier used in JSON and evidence keys, e.g. {@code cpu-samples}. */
    public String id() {
        return kind.id() + "-" + unit.id();
    }

    public String label() {
        return kind.label() + " (" + unit.symbol() + ")";
    }
}
