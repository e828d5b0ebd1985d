package dev.evident.ingest.latency;

import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.TimeWindow;
import dev.evident.ingest.EvidenceSink;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One accumulator per label of an artifact, emitted as latency series in label order. */
final class LatencyTable {
    /** Labels beyond this many are a sign of unbounded names (ids in URLs); they are pooled. */
    static final int MAX_LABELS = 1000;
    static final String OTHER = "(other labels)";

    private final LatencyAccumulator.RawBudget budget;
    private final Map<String, LatencyAccumulator> byLabel = new TreeMap<>();
    private boolean pooled;

    LatencyTable() {
        this(LatencyAccumulator.RawBudget.DEFAULT);
    }

    LatencyTable(long rawBudget) {
        this.budget = new LatencyAccumulator.RawBudget(rawBudget);
    }

    LatencyAccumulator label(String label) {
        LatencyAccumulator a = byLabel.get(label);
        if (a != null) {
            return a;
        }
        if (byLabel.size() >= MAX_LABELS) {
            pooled = true;
            return byLabel.computeIfAbsent(OTHER, k -> new LatencyAccumulator(budget));
        }
        a = new LatencyAccumulator(budget);
        byLabel.put(label, a);
        return a;
    }

    boolean isEmpty() {
        return byLabel.isEmpty();
    }

    /**
     * Emits every label as a series; the window of each comes from its own request times, and the
     * artifact's window is their union.
     */
    void emit(String source, String tool, EvidenceSink sink, Map<String, String> parameters) {
        if (pooled) {
            sink.warning("more than " + MAX_LABELS + " distinct labels; the rest are pooled as '" + OTHER
                    + "' (labels that embed ids should be grouped by the load tool)");
        }
        if (budget.exhausted()) {
            sink.warning("too many requests to keep each one; latencies are kept as HdrHistogram buckets with "
                    + "3 significant digits (at most 0.1% error per value)");
        }
        for (Map.Entry<String, LatencyAccumulator> e : byLabel.entrySet()) {
            LatencyAccumulator a = e.getValue();
            TimeWindow window = null;
            if (a.hasTimes()) {
                window = new TimeWindow(a.firstNanos(), a.lastNanos() - a.firstNanos());
                sink.window(window);
            }
            sink.latency(new LatencySeries(source, e.getKey(), tool, a.distribution(), List.of(), Double.NaN,
                    a.count(), a.errors(), window, Double.NaN, parameters));
        }
    }

    static Map<String, String> noParameters() {
        return new TreeMap<>();
    }
}
