package dev.evident.core.model;

import java.util.Arrays;

/**
 * Measured latencies as distinct values with their counts, ascending. When every request was kept
 * ({@code exact}), the values are the measurements as the tool wrote them; a very large run (or an
 * HdrHistogram log) is held as HdrHistogram buckets instead, each value standing for its bucket at
 * three significant digits (at most 0.1% relative error). Either way the memory grows with distinct
 * values, not with requests, and every statistic reads the same arrays.
 *
 * @param valuesMs distinct latencies in milliseconds, strictly ascending
 * @param counts   how many requests had each value (all positive)
 * @param exact    true when the values are the raw measurements, false when they are bucket values
 */
public record LatencyDistribution(double[] valuesMs, long[] counts, boolean exact) {

    public LatencyDistribution {
        if (valuesMs.length != counts.length) {
            throw new IllegalArgumentException(valuesMs.length + " values but " + counts.length + " counts");
        }
        for (int i = 0; i < valuesMs.length; i++) {
            if (counts[i] <= 0 || (i > 0 && !(valuesMs[i] > valuesMs[i - 1]))) {
                throw new IllegalArgumentException("values must ascend strictly with positive counts (index " + i + ")");
            }
        }
    }

    /** A distribution of raw measurements in any order. */
    public static LatencyDistribution ofSamples(double... samplesMs) {
        double[] sorted = samplesMs.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        double[] values = new double[sorted.length];
        long[] counts = new long[sorted.length];
        for (double v : sorted) {
            if (distinct > 0 && values[distinct - 1] == v) {
                counts[distinct - 1]++;
            } else {
                values[distinct] = v;
                counts[distinct++] = 1;
            }
        }
        return new LatencyDistribution(Arrays.copyOf(values, distinct), Arrays.copyOf(counts, distinct), true);
    }

    /** The measurements of both, as one distribution (exact only when both are). */
    public LatencyDistribution plus(LatencyDistribution other) {
        double[] values = new double[valuesMs.length + other.valuesMs.length];
        long[] n = new long[values.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < valuesMs.length || j < other.valuesMs.length) {
            double v = j >= other.valuesMs.length || (i < valuesMs.length && valuesMs[i] <= other.valuesMs[j])
                    ? valuesMs[i] : other.valuesMs[j];
            long c = 0;
            if (i < valuesMs.length && valuesMs[i] == v) {
                c += counts[i++];
            }
            if (j < other.valuesMs.length && other.valuesMs[j] == v) {
                c += other.counts[j++];
            }
            values[k] = v;
            n[k++] = c;
        }
        return new LatencyDistribution(Arrays.copyOf(values, k), Arrays.copyOf(n, k), exact && other.exact);
    }

    /** Number of measurements. */
    public long total() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    public boolean isEmpty() {
        return valuesMs.length == 0;
    }

    public double min() {
        return valuesMs[0];
    }

    public double max() {
        return valuesMs[valuesMs.length - 1];
    }

    public double mean() {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < valuesMs.length; i++) {
            sum += valuesMs[i] * counts[i];
            n += counts[i];
        }
        return sum / n;
    }

    /** Sample variance (n − 1 in the denominator). */
    public double variance() {
        double mean = mean();
        double sum = 0;
        long n = 0;
        for (int i = 0; i < valuesMs.length; i++) {
            double d = valuesMs[i] - mean;
            sum += d * d * counts[i];
            n += counts[i];
        }
        return n > 1 ? sum / (n - 1) : 0;
    }

    /**
     * The percentile by the nearest-rank rule (the smallest value with at least {@code p}% of the
     * measurements at or below it), which is what HdrHistogram and JMeter report.
     */
    public double percentile(double p) {
        long n = total();
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n - 1e-9));
        return valueAtRank(Math.min(rank, n));
    }

    /** The {@code rank}-th smallest measurement, 1-based. */
    public double valueAtRank(long rank) {
        long seen = 0;
        for (int i = 0; i < valuesMs.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return valuesMs[i];
            }
        }
        return max();
    }

    /** A 64-bit digest of the content: the seed of every bootstrap over this distribution. */
    public long digest() {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < valuesMs.length; i++) {
            h = (h ^ Double.doubleToLongBits(valuesMs[i])) * 0x100000001b3L;
            h = (h ^ counts[i]) * 0x100000001b3L;
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencyDistribution d && exact == d.exact && Arrays.equals(valuesMs, d.valuesMs)
                && Arrays.equals(counts, d.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(valuesMs) * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "LatencyDistribution[" + valuesMs.length + " distinct values, " + total() + " measurements"
                + (exact ? "" : ", bucketed") + "]";
    }
}
