package dev.evident.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's t-test for a difference of means with unequal variances (what hyperfine's
 * {@code welch_ttest.py} and JMH's {@code Statistics.isDifferent} use), with the confidence interval
 * of the difference from the Welch–Satterthwaite degrees of freedom.
 *
 * @param difference second mean minus first mean
 * @param t          the t statistic
 * @param df         Welch–Satterthwaite degrees of freedom
 * @param p          two-sided p-value
 * @param low        lower bound of the difference's 95% interval
 * @param high       upper bound
 */
public record Welch(double difference, double t, double df, double p, double low, double high) {

    public static Welch test(double mean1, double variance1, long n1, double mean2, double variance2, long n2) {
        double difference = mean2 - mean1;
        double s1 = variance1 / n1;
        double s2 = variance2 / n2;
        double se = Math.sqrt(s1 + s2);
        if (n1 < 2 || n2 < 2 || !(se > 0)) {
            boolean same = difference == 0;
            return new Welch(difference, same ? 0 : Double.POSITIVE_INFINITY, Double.NaN, same ? 1 : Double.NaN,
                    difference, difference);
        }
        double df = (s1 + s2) * (s1 + s2) / (s1 * s1 / (n1 - 1) + s2 * s2 / (n2 - 1));
        TDistribution dist = new TDistribution(df);
        double t = difference / se;
        double p = 2 * dist.cumulativeProbability(-Math.abs(t));
        double half = dist.inverseCumulativeProbability(0.975) * se;
        return new Welch(difference, t, df, p, difference - half, difference + half);
    }
}
