package dev.evident.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Least-squares fit of {@code cost = a · n^k} on log–log axes: {@code ln cost = ln a + k ln n}.
 * The interval of {@code k} is the slope's 95% Student-t interval with m − 2 degrees of freedom;
 * extrapolation comes with the 95% prediction interval of a new observation at that size.
 *
 * @param k       fitted exponent
 * @param kLow    lower bound of k's 95% interval (NaN with fewer than 3 points)
 * @param kHigh   upper bound
 * @param lnA     fitted intercept
 * @param rSquared coefficient of determination on the log–log axes
 * @param points  number of sizes
 * @param meanLnN mean of ln n (for prediction intervals)
 * @param sxx     sum of squared deviations of ln n
 * @param residualSd residual standard deviation on the log axis
 */
public record PowerLawFit(double k, double kLow, double kHigh, double lnA, double rSquared, int points, double meanLnN,
                          double sxx, double residualSd) {

    public static PowerLawFit fit(double[] n, double[] cost) {
        int m = n.length;
        if (m < 2 || cost.length != m) {
            throw new IllegalArgumentException("a fit needs at least two sizes with a cost each, got " + m);
        }
        double[] x = new double[m];
        double[] y = new double[m];
        double mx = 0;
        double my = 0;
        for (int i = 0; i < m; i++) {
            if (!(n[i] > 0) || !(cost[i] > 0)) {
                throw new IllegalArgumentException("sizes and costs must be positive: n=" + n[i] + ", cost=" + cost[i]);
            }
            x[i] = Math.log(n[i]);
            y[i] = Math.log(cost[i]);
            mx += x[i];
            my += y[i];
        }
        mx /= m;
        my /= m;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < m; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("all runs have the same size; a fit needs at least two different sizes");
        }
        double k = sxy / sxx;
        double lnA = my - k * mx;
        double sse = 0;
        for (int i = 0; i < m; i++) {
            double r = y[i] - (lnA + k * x[i]);
            sse += r * r;
        }
        double r2 = syy > 0 ? 1 - sse / syy : 1;
        double sd = m > 2 ? Math.sqrt(sse / (m - 2)) : Double.NaN;
        double low = Double.NaN;
        double high = Double.NaN;
        if (m > 2) {
            double half = new TDistribution(m - 2).inverseCumulativeProbability(0.975) * sd / Math.sqrt(sxx);
            low = k - half;
            high = k + half;
        }
        return new PowerLawFit(k, low, high, lnA, r2, m, mx, sxx, sd);
    }

    /** Fitted cost at size {@code n}. */
    public double predict(double n) {
        return Math.exp(lnA + k * Math.log(n));
    }

    /** 95% prediction interval of the cost at {@code n}: {low, high}; NaNs with fewer than 3 points. */
    public double[] predictionInterval(double n) {
        if (points < 3) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double x0 = Math.log(n);
        double t = new TDistribution(points - 2).inverseCumulativeProbability(0.975);
        double half = t * residualSd * Math.sqrt(1 + 1.0 / points + (x0 - meanLnN) * (x0 - meanLnN) / sxx);
        double centre = lnA + k * x0;
        return new double[] {Math.exp(centre - half), Math.exp(centre + half)};
    }
}
