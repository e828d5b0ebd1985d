package dev.evident.core.stats;

import dev.evident.core.model.LatencyDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Mann-Whitney U test of two latency distributions (does one tend to be slower?), as Google
 * Benchmark's {@code compare.py} runs it on repetitions. Computed on the distinct values with their
 * counts: ties get mid-ranks and the variance its tie correction, and the p-value comes from the
 * normal approximation with continuity correction (the method of {@code scipy.stats.mannwhitneyu}
 * for large samples and of commons-math3's {@code MannWhitneyUTest}).
 *
 * @param u                U of the second sample against the first
 * @param z                standardized U
 * @param p                two-sided p-value
 * @param superiority      probability that a measurement of the second sample exceeds one of the
 *                         first (ties count half): 0.5 means no shift
 */
public record MannWhitney(double u, double z, double p, double superiority) {

    public static MannWhitney test(LatencyDistribution first, LatencyDistribution second) {
        double[] a = first.valuesMs();
        long[] ac = first.counts();
        double[] b = second.valuesMs();
        long[] bc = second.counts();
        double n1 = first.total();
        double n2 = second.total();
        double n = n1 + n2;
        double rankSumSecond = 0;
        double tieTerm = 0;
        double ranked = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            double v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            double c1 = i < a.length && a[i] == v ? ac[i++] : 0;
            double c2 = j < b.length && b[j] == v ? bc[j++] : 0;
            double t = c1 + c2;
            double midRank = ranked + (t + 1) / 2;
            rankSumSecond += c2 * midRank;
            tieTerm += t * t * t - t;
            ranked += t;
        }
        double u = rankSumSecond - n2 * (n2 + 1) / 2;
        double mean = n1 * n2 / 2;
        double variance = n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)));
        if (!(variance > 0)) {
            return new MannWhitney(u, 0, 1, 0.5);
        }
        double diff = u - mean;
        double corrected = Math.signum(diff) * Math.max(0, Math.abs(diff) - 0.5);
        double z = corrected / Math.sqrt(variance);
        double p = 2 * new NormalDistribution().cumulativeProbability(-Math.abs(z));
        return new MannWhitney(u, z, Math.min(1, p), u / (n1 * n2));
    }
}
