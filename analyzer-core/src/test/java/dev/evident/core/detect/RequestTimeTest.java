package dev.evident.core.detect;

import dev.evident.core.stats.Share;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTimeTest {
    private static final double PART_MEAN = 57;
    private static final double PART_SD = 18;
    private static final double REST_MEAN = 166;
    private static final double REST_SD = 17;
    private static final int REQUESTS = 180;

    /**
     * Simulated load tests shaped like the flagship (a 57 ± 18 ms statement inside 223 ms requests):
     * the 95% interval of the part's fraction must cover the true fraction about 95% of the time.
     * Counting only the requests' variance, as the first version did, covers it far less often.
     */
    @Test
    void theFractionsIntervalCoversTheTrueFractionAboutNinetyFivePercentOfTheTime() {
        double truth = PART_MEAN / (PART_MEAN + REST_MEAN);
        SplittableRandom random = new SplittableRandom(7);
        int runs = 2000;
        int covered = 0;
        int coveredByRequestsOnly = 0;
        for (int run = 0; run < runs; run++) {
            double[] parts = new double[REQUESTS];
            double partSum = 0;
            double total = 0;
            double[] latencies = new double[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                parts[i] = Math.max(0, PART_MEAN + PART_SD * gaussian(random));
                latencies[i] = parts[i] + Math.max(0, REST_MEAN + REST_SD * gaussian(random));
                partSum += parts[i];
                total += latencies[i];
            }
            double requestVariance = variance(latencies);
            RequestTime time = new RequestTime(total, REQUESTS, requestVariance, null);
            double[] interval = time.shareInterval(partSum, variance(parts));
            assertThat(interval[0]).isLessThanOrEqualTo(interval[1]).isGreaterThanOrEqualTo(0);
            assertThat(interval[2]).isGreaterThanOrEqualTo(interval[1]).isLessThanOrEqualTo(1);
            if (interval[0] <= truth && truth <= interval[2]) {
                covered++;
            }
            double half = Share.Z95 * Math.sqrt(requestVariance * REQUESTS);
            if (partSum / (total + half) <= truth && truth <= partSum / (total - half)) {
                coveredByRequestsOnly++;
            }
        }
        assertThat(covered / (double) runs).isBetween(0.93, 0.97);
        assertThat(coveredByRequestsOnly / (double) runs).isLessThan(0.80);
    }

    @Test
    void withoutPerRequestLatenciesTheFractionIsExact() {
        RequestTime time = new RequestTime(1000, 10, Double.NaN, null);
        assertThat(time.shareInterval(250, 40)).containsExactly(0.25, 0.25, 0.25);
    }

    @Test
    void aPartLargerThanTheMeasuredRequestsIsCappedAtTheWhole() {
        RequestTime time = new RequestTime(1000, 10, 100, null);
        double[] interval = time.shareInterval(1500, 0);
        assertThat(interval[1]).isEqualTo(1.0);
        assertThat(interval[2]).isEqualTo(1.0);
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double variance(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return squares / (values.length - 1);
    }
}
