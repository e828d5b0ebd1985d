package dev.evident.core.detect.profile;

import dev.evident.core.model.Metric;
import dev.evident.core.model.MetricKind;
import dev.evident.core.util.Fmt;

/** How metrics are named and their amounts written in statements. */
public final class MetricText {
    private MetricText() {
    }

    /** What the events behind a metric are called: "CPU samples", "lock events". */
    public static String events(Metric metric) {
        return switch (metric.kind()) {
            case CPU -> "CPU samples";
            case WALL -> "wall-clock samples";
            case NATIVE -> "native-method samples";
            case ALLOCATION -> "allocation samples";
            case LOCK -> "lock events";
            case EXCEPTION -> "exceptions";
            case HEAP -> "in-use heap samples";
        };
    }

    /** What the metric's weight is called: "CPU samples", "allocated bytes", "lock wait". */
    public static String weight(Metric metric) {
        return switch (metric.unit()) {
            case SAMPLES, EVENTS -> events(metric);
            case BYTES -> metric.kind() == MetricKind.HEAP ? "in-use heap bytes" : "sampled allocation bytes";
            case NANOSECONDS -> switch (metric.kind()) {
                case CPU -> "CPU time";
                case WALL -> "wall-clock time";
                case NATIVE -> "native-method time";
                default -> "lock wait time";
            };
        };
    }

    /** An amount in the metric's unit: "739 samples", "1.2 GiB", "3.40 s". */
    public static String amount(Metric metric, long weight) {
        return switch (metric.unit()) {
            case SAMPLES -> Fmt.count(weight) + " samples";
            case EVENTS -> Fmt.count(weight) + " events";
            case BYTES -> Fmt.bytes(weight);
            case NANOSECONDS -> Fmt.duration(weight);
        };
    }

    /** "280 of 313 samples", "1.2 GiB of 3.5 GiB". */
    public static String amountOf(Metric metric, long part, long whole) {
        return switch (metric.unit()) {
            case SAMPLES -> Fmt.count(part) + " of " + Fmt.count(whole) + " samples";
            case EVENTS -> Fmt.count(part) + " of " + Fmt.count(whole) + " events";
            default -> amount(metric, part) + " of " + amount(metric, whole);
        };
    }

    /** The unit string used in evidence values. */
    public static String unit(Metric metric) {
        return metric.unit().symbol();
    }
}
