package dev.evident.ingest.speedscope;

import dev.evident.core.model.Metric;

/** speedscope's value units: times become nanoseconds, bytes allocation bytes, "none" samples. */
final class SpeedscopeUnits {
    private SpeedscopeUnits() {
    }

    static Metric metric(String unit) {
        return switch (unit) {
            case "nanoseconds", "microseconds", "milliseconds", "seconds" -> Metric.CPU_NANOS;
            case "bytes" -> Metric.ALLOCATION_BYTES;
            case "none" -> Metric.CPU_SAMPLES;
            default -> null;
        };
    }

    static long scale(String unit) {
        return switch (unit) {
            case "microseconds" -> 1_000;
            case "milliseconds" -> 1_000_000;
            case "seconds" -> 1_000_000_000;
            default -> 1;
        };
    }
}
