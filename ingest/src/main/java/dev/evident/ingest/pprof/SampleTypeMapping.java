package dev.evident.ingest.pprof;

import dev.evident.core.model.Metric;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns pprof sample types into evident metrics. pprof pairs a count with a weight (Go writes
 * {@code samples/count} next to {@code cpu/nanoseconds}, {@code contentions/count} next to
 * {@code delay/nanoseconds}); each such pair becomes one tree column whose weight is the
 * measured quantity and whose event count is the counted one, which is what the confidence
 * intervals need. Time units are converted to nanoseconds.
 *
 * <table>
 * <tr><th>sample type (weight)</th><th>count partner</th><th>metric</th></tr>
 * <tr><td>cpu / time</td><td>samples, sample</td><td>CPU, nanoseconds</td></tr>
 * <tr><td>wall, time / time</td><td>samples, sample</td><td>wall clock, nanoseconds</td></tr>
 * <tr><td>alloc_space / bytes</td><td>alloc_objects</td><td>allocation, bytes</td></tr>
 * <tr><td>inuse_space, space / bytes</td><td>inuse_objects, objects</td><td>in-use heap, bytes</td></tr>
 * <tr><td>delay / time</td><td>contentions</td><td>lock wait, nanoseconds</td></tr>
 * <tr><td>samples alone</td><td></td><td>CPU, samples</td></tr>
 * <tr><td>alloc_objects alone, contentions alone</td><td></td><td>allocation / lock wait, events</td></tr>
 * </table>
 */
final class SampleTypeMapping {

    /**
     * One metric column: {@code weightIndex} of the sample values, scaled to the metric's unit,
     * and {@code countIndex} of the values that count events (or -1: one event per sample).
     */
    record Column(Metric metric, int weightIndex, int countIndex, long scale, String source) {
    }

    record Result(List<Column> columns, List<String> ignored) {
    }

    private SampleTypeMapping() {
    }

    static Result map(List<String[]> types) {
        List<Column> columns = new ArrayList<>();
        boolean[] used = new boolean[types.size()];
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i)[0].toLowerCase(Locale.ROOT);
            String unit = types.get(i)[1].toLowerCase(Locale.ROOT);
            long nanos = nanosPer(unit);
            Metric metric = null;
            String[] partners = {};
            if (nanos > 0 && type.equals("cpu")) {
                metric = Metric.CPU_NANOS;
                partners = new String[] {"samples", "sample"};
            } else if (nanos > 0 && (type.equals("wall") || type.equals("time"))) {
                metric = Metric.WALL_NANOS;
                partners = new String[] {"samples", "sample"};
            } else if (nanos > 0 && type.equals("delay")) {
                metric = Metric.LOCK_NANOS;
                partners = new String[] {"contentions"};
            } else if (unit.equals("bytes") && (type.equals("alloc_space") || type.equals("allocations"))) {
                metric = Metric.ALLOCATION_BYTES;
                partners = new String[] {"alloc_objects"};
            } else if (unit.equals("bytes") && (type.equals("inuse_space") || type.equals("space"))) {
                metric = Metric.HEAP_BYTES;
                partners = new String[] {"inuse_objects", "objects"};
            }
            if (metric == null) {
                continue;
            }
            used[i] = true;
            int partner = find(types, partners, "count");
            if (partner >= 0) {
                used[partner] = true;
            }
            columns.add(new Column(metric, i, partner, nanos > 0 ? nanos : 1, types.get(i)[0] + "/" + types.get(i)[1]));
        }
        // counts without a weight of their own
        for (int i = 0; i < types.size(); i++) {
            if (used[i]) {
                continue;
            }
            String type = types.get(i)[0].toLowerCase(Locale.ROOT);
            Metric metric = switch (type) {
                case "samples", "sample" -> Metric.CPU_SAMPLES;
                case "alloc_objects" -> new Metric(MetricKind.ALLOCATION, Unit.EVENTS);
                case "contentions" -> new Metric(MetricKind.LOCK, Unit.EVENTS);
                default -> null;
            };
            if (metric != null && columns.stream().noneMatch(c -> c.metric().equals(metric))) {
                used[i] = true;
                columns.add(new Column(metric, i, i, 1, types.get(i)[0] + "/" + types.get(i)[1]));
            }
        }
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            if (!used[i]) {
                ignored.add(types.get(i)[0] + "/" + types.get(i)[1]);
            }
        }
        return new Result(List.copyOf(columns), List.copyOf(ignored));
    }

    private static int find(List<String[]> types, String[] names, String unit) {
        for (String name : names) {
            for (int i = 0; i < types.size(); i++) {
                if (types.get(i)[0].equalsIgnoreCase(name) && types.get(i)[1].equalsIgnoreCase(unit)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Nanoseconds per unit for time units, 0 for anything else. */
    static long nanosPer(String unit) {
        return switch (unit) {
            case "nanoseconds", "nanosecond", "ns" -> 1;
            case "microseconds", "microsecond", "us" -> 1_000;
            case "milliseconds", "millisecond", "ms" -> 1_000_000;
            case "seconds", "second", "s" -> 1_000_000_000;
            default -> 0;
        };
    }
}
