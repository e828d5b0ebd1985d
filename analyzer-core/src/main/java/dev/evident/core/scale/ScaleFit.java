package dev.evident.core.scale;

import dev.evident.core.stats.ComplexityClass;
import dev.evident.core.stats.PowerLawFit;

/**
 * The growth of one cost with input size.
 *
 * @param subject   the series key or the method name
 * @param kind      "latency" (ms per run, median) or the profile metric (weight per repetition)
 * @param unit      unit of the cost
 * @param n         sizes, ascending
 * @param cost      cost at each size
 * @param fit       cost ∝ n^k on log–log
 * @param best      complexity class with the smallest RMS error on log axes
 * @param at        extrapolation size, or NaN
 * @param predicted fitted cost at {@code at}
 * @param low       95% prediction interval at {@code at}
 * @param high      upper bound
 * @param application false for JDK frames (they cannot be changed, but show where the cost lands)
 * @param shareAtLargest share of the largest run's total weight (profiles), or NaN
 */
public record ScaleFit(String subject, String kind, String unit, double[] n, double[] cost, PowerLawFit fit,
                       ComplexityClass best, double at, double predicted, double low, double high, boolean application,
                       double shareAtLargest) {
}
