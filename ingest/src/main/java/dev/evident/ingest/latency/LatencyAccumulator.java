package dev.evident.ingest.latency;

import dev.evident.core.model.LatencyDistribution;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.Arrays;

/**
 * The latencies of one label while a file streams by. Every value goes into an HdrHistogram (three
 * significant digits, nanoseconds), and the raw values are also kept while the artifact's shared
 * {@link RawBudget} allows: a normal load test keeps its exact measurements, a multi-gigabyte one
 * falls back to the histogram and memory stays bounded.
 */
final class LatencyAccumulator {
    private final RawBudget budget;
    private final Histogram histogram = new Histogram(3);
    private double[] raw = new double[256];
    private int rawSize;
    private boolean rawKept = true;
    private long count;
    private long errors;
    private long firstNanos = Long.MAX_VALUE;
    private long lastNanos = Long.MIN_VALUE;

    LatencyAccumulator(RawBudget budget) {
        this.budget = budget;
    }

    /** Records one request of {@code ms} milliseconds; failed requests count as errors and as latencies. */
    void record(double ms, boolean failed) {
        count++;
        if (failed) {
            errors++;
        }
        if (!(ms >= 0) || Double.isInfinite(ms)) {
            return;
        }
        histogram.recordValue(Math.round(ms * 1e6));
        if (rawKept) {
            if (!budget.take() || budget.exhausted()) {
                dropRaw();
                return;
            }
            if (rawSize == raw.length) {
                raw = Arrays.copyOf(raw, raw.length * 2);
            }
            raw[rawSize++] = ms;
        }
    }

    /** Adds a histogram whose values are nanoseconds (HdrHistogram logs). */
    void add(Histogram nanos, long requests) {
        histogram.add(nanos);
        count += requests;
        dropRaw();
    }

    /** The time of a request, epoch nanoseconds, for the run's window. */
    void time(long epochNanos) {
        firstNanos = Math.min(firstNanos, epochNanos);
        lastNanos = Math.max(lastNanos, epochNanos);
    }

    private void dropRaw() {
        rawKept = false;
        raw = null;
        rawSize = 0;
    }

    long count() {
        return count;
    }

    long errors() {
        return errors;
    }

    boolean hasTimes() {
        return firstNanos <= lastNanos;
    }

    long firstNanos() {
        return firstNanos;
    }

    long lastNanos() {
        return lastNanos;
    }

    /** The distribution: exact when every raw value was kept, else the histogram's buckets. */
    LatencyDistribution distribution() {
        if (rawKept && rawSize > 0 && budget.everyValueKept()) {
            return LatencyDistribution.ofSamples(Arrays.copyOf(raw, rawSize));
        }
        if (histogram.getTotalCount() == 0) {
            return null;
        }
        int buckets = 0;
        for (HistogramIterationValue ignored : histogram.recordedValues()) {
            buckets++;
        }
        double[] values = new double[buckets];
        long[] counts = new long[buckets];
        int i = 0;
        double previous = -1;
        for (HistogramIterationValue v : histogram.recordedValues()) {
            double ms = histogram.medianEquivalentValue(v.getValueIteratedTo()) / 1e6;
            if (i > 0 && ms <= previous) {
                counts[i - 1] += v.getCountAddedInThisIterationStep();
                continue;
            }
            values[i] = ms;
            counts[i++] = v.getCountAddedInThisIterationStep();
            previous = ms;
        }
        return new LatencyDistribution(Arrays.copyOf(values, i), Arrays.copyOf(counts, i), false);
    }

    /**
     * How many raw values one artifact may keep in memory (8 bytes each). Shared by all labels of
     * the artifact, so that many labels cannot multiply it; once spent, every label reports the
     * histogram instead, so all series of one file have the same precision.
     */
    static final class RawBudget {
        /** 4 Mi values = 32 MiB. */
        static final long DEFAULT = 1L << 22;
        private long left;
        private boolean exhausted;

        RawBudget(long values) {
            this.left = values;
        }

        boolean take() {
            if (left <= 0) {
                exhausted = true;
                return false;
            }
            left--;
            return true;
        }

        boolean exhausted() {
            return exhausted;
        }

        boolean everyValueKept() {
            return !exhausted;
        }
    }
}
