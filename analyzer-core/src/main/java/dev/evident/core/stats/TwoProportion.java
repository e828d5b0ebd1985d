package dev.evident.core.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Two-proportion z-test (pooled): did a method's share of samples change between two profiles?
 *
 * @param before share in the first profile, 0..1
 * @param after  share in the second profile, 0..1
 * @param z      the z statistic
 * @param p      two-sided p-value
 */
public record TwoProportion(double before, double after, double z, double p) {

    public static TwoProportion test(long x1, long n1, long x2, long n2) {
        double p1 = n1 > 0 ? (double) x1 / n1 : 0;
        double p2 = n2 > 0 ? (double) x2 / n2 : 0;
        if (n1 <= 0 || n2 <= 0) {
            return new TwoProportion(p1, p2, 0, 1);
        }
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (!(se > 0)) {
            return new TwoProportion(p1, p2, 0, p1 == p2 ? 1 : 0);
        }
        double z = (p2 - p1) / se;
        return new TwoProportion(p1, p2, z, 2 * new NormalDistribution().cumulativeProbability(-Math.abs(z)));
    }
}
