package dev.evident.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A profile read from one artifact: its frames, its call tree and the metrics stored in the
 * tree's columns. {@code metrics.get(i)} describes column {@code i}.
 *
 * @param source        path of the artifact this profile came from (see {@link Artifact#path()})
 * @param frames        the interned frames the tree refers to
 * @param tree          the call tree, already {@linkplain CallTree#finish() finished}
 * @param metrics       one metric per tree column
 * @param threads       per-thread totals per column, or {@code null} when the format has no threads
 * @param window        when the samples were taken, if the format says
 * @param intervalNanos sampling interval per metric, where the recording states it
 * @param tags          sample labels (pprof labels) by tree node, {@link SampleTags#none()} when the
 *                      format has none
 */
public record Profile(
        String source,
        FrameTable frames,
        CallTree tree,
        List<Metric> metrics,
        ThreadBreakdown threads,
        TimeWindow window,
        Map<Metric, Long> intervalNanos,
        SampleTags tags) {

    /** A profile without sample labels (every format but pprof). */
    public Profile(String source, FrameTable frames, CallTree tree, List<Metric> metrics, ThreadBreakdown threads,
                   TimeWindow window, Map<Metric, Long> intervalNanos) {
        this(source, frames, tree, metrics, threads, window, intervalNanos, SampleTags.none());
    }

    public Profile {
        tags = tags == null ? SampleTags.none() : tags;
        metrics = List.copyOf(metrics);
        intervalNanos = Map.copyOf(intervalNanos);
        if (tree.columns() != metrics.size()) {
            throw new IllegalArgumentException("tree has " + tree.columns() + " columns, metrics " + metrics.size());
        }
    }

    public int column(Metric metric) {
        return metrics.indexOf(metric);
    }

    public Optional<ThreadBreakdown> threadBreakdown() {
        return Optional.ofNullable(threads);
    }

    public Optional<TimeWindow> timeWindow() {
        return Optional.ofNullable(window);
    }

    public long totalWeight(int column) {
        return tree.totalWeight(column, CallTree.ROOT);
    }

    public long totalCount(int column) {
        return tree.totalCount(column, CallTree.ROOT);
    }
}
