package dev.evident.core.stats;

import dev.evident.core.model.LatencyDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The statistics behind compare and scale, checked against commons-math3 and known answers. */
class LatencyStatisticsTest {

    private static double[] sample(long seed, int n, double scale) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.round(scale * Math.exp(r.nextGaussian() * 0.3) * 10) / 10.0; // ties, like whole-ms tools
        }
        return x;
    }

    @Test
    void mannWhitneyOnCountedValuesMatchesCommonsMath() {
        double[] a = sample(1, 400, 10);
        double[] b = sample(2, 300, 10.6);
        MannWhitney ours = MannWhitney.test(LatencyDistribution.ofSamples(a), LatencyDistribution.ofSamples(b));
        double theirs = new MannWhitneyUTest().mannWhitneyUTest(a, b);
        // commons-math3 uses no continuity correction; ours does (scipy's default), so allow a small gap
        assertThat(ours.p()).isCloseTo(theirs, within(0.01));
        assertThat(ours.p()).isLessThan(0.05);
        assertThat(ours.superiority()).isGreaterThan(0.5);
    }

    @Test
    void welchMatchesCommonsMathTTest() {
        double[] a = sample(3, 50, 10);
        double[] b = sample(4, 70, 11);
        SummaryStatistics sa = new SummaryStatistics();
        SummaryStatistics sb = new SummaryStatistics();
        for (double v : a) {
            sa.addValue(v);
        }
        for (double v : b) {
            sb.addValue(v);
        }
        Welch w = Welch.test(sa.getMean(), sa.getVariance(), sa.getN(), sb.getMean(), sb.getVariance(), sb.getN());
        assertThat(w.p()).isCloseTo(new TTest().tTest(a, b), within(1e-9));
        assertThat(w.low()).isLessThan(w.difference());
        assertThat(w.high()).isGreaterThan(w.difference());
    }

    @Test
    void bootstrapIntervalIsDeterministicAndContainsTheEstimate() {
        LatencyDistribution d = LatencyDistribution.ofSamples(sample(5, 2000, 20));
        double[] first = new QuantileBootstrap(d).interval(95, 0.95);
        double[] second = new QuantileBootstrap(d).interval(95, 0.95);
        assertThat(second).containsExactly(first);
        assertThat(d.percentile(95)).isBetween(first[0], first[1]);
        assertThat(first[1] - first[0]).isPositive().isLessThan(d.percentile(95) * 0.2);
    }

    @Test
    void bootstrapOfOrderStatisticsMatchesResamplingInDistribution() {
        LatencyDistribution d = LatencyDistribution.ofSamples(sample(6, 500, 20));
        double[] fast = new QuantileBootstrap(d).interval(90, 0.95);
        // the classic bootstrap: resample 500 values with replacement and take the nearest-rank p90
        Random r = new Random(7);
        double[] values = new double[(int) d.total()];
        int k = 0;
        for (int i = 0; i < d.valuesMs().length; i++) {
            for (long c = 0; c < d.counts()[i]; c++) {
                values[k++] = d.valuesMs()[i];
            }
        }
        double[] reps = new double[4000];
        for (int b = 0; b < reps.length; b++) {
            double[] resample = new double[values.length];
            for (int i = 0; i < resample.length; i++) {
                resample[i] = values[r.nextInt(values.length)];
            }
            reps[b] = LatencyDistribution.ofSamples(resample).percentile(90);
        }
        double[] slow = QuantileBootstrap.percentileInterval(reps, 0.95);
        assertThat(fast[0]).isCloseTo(slow[0], within(slow[0] * 0.03));
        assertThat(fast[1]).isCloseTo(slow[1], within(slow[1] * 0.03));
    }

    @Test
    void powerLawFitRecoversExponentsAndItsIntervalCoversThem() {
        double[] n = {1000, 2000, 4000, 8000, 16000};
        double[] quadratic = new double[n.length];
        double[] linear = new double[n.length];
        Random r = new Random(8);
        for (int i = 0; i < n.length; i++) {
            quadratic[i] = 3e-7 * n[i] * n[i] * (1 + 0.05 * r.nextGaussian());
            linear[i] = 2e-3 * n[i] * (1 + 0.05 * r.nextGaussian());
        }
        PowerLawFit q = PowerLawFit.fit(n, quadratic);
        assertThat(q.k()).isCloseTo(2, within(0.1));
        assertThat(q.kLow()).isLessThan(2);
        assertThat(q.kHigh()).isGreaterThan(2);
        assertThat(q.rSquared()).isGreaterThan(0.99);
        assertThat(ComplexityClass.best(n, quadratic)).isEqualTo(ComplexityClass.QUADRATIC);
        assertThat(PowerLawFit.fit(n, linear).k()).isCloseTo(1, within(0.1));
        assertThat(ComplexityClass.best(n, linear)).isIn(ComplexityClass.LINEAR, ComplexityClass.LINEARITHMIC);
        double[] pi = q.predictionInterval(64000);
        assertThat(q.predict(64000)).isBetween(pi[0], pi[1]);
    }

    @Test
    void exactPowerLawHasAZeroWidthInterval() {
        PowerLawFit f = PowerLawFit.fit(new double[] {1, 2, 4}, new double[] {3, 12, 48});
        assertThat(f.k()).isCloseTo(2, within(1e-12));
        assertThat(f.kHigh() - f.kLow()).isCloseTo(0, within(1e-9));
    }

    @Test
    void twoProportionSeesAShiftOfSamples() {
        TwoProportion t = TwoProportion.test(900, 1000, 100, 1000);
        assertThat(t.p()).isLessThan(1e-10);
        assertThat(TwoProportion.test(500, 1000, 505, 1000).p()).isGreaterThan(0.5);
    }

    @Test
    void percentilesUseTheNearestRank() {
        LatencyDistribution d = LatencyDistribution.ofSamples(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(d.percentile(50)).isEqualTo(5);
        assertThat(d.percentile(95)).isEqualTo(10);
        assertThat(d.percentile(90)).isEqualTo(9);
        assertThat(d.mean()).isEqualTo(5.5);
    }
}
