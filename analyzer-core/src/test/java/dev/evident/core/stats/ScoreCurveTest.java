package dev.evident.core.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScoreCurveTest {

    @Test
    void passesThroughTwentyFiveAndSeventyFiveAtTheLimits() {
        ScoreCurve curve = new ScoreCurve(0.10, 0.40);
        assertThat(curve.score(0)).isZero();
        assertThat(curve.score(0.05)).isCloseTo(12.5, within(1e-9));
        assertThat(curve.score(0.10)).isCloseTo(25, within(1e-9));
        assertThat(curve.score(0.40)).isCloseTo(75, within(1e-9));
        assertThat(curve.score(1.0)).isLessThan(100).isGreaterThan(95);
    }

    @Test
    void isMonotonic() {
        ScoreCurve curve = new ScoreCurve(0.05, 0.10);
        double previous = -1;
        for (double v = 0; v <= 1; v += 0.001) {
            double s = curve.score(v);
            assertThat(s).isGreaterThanOrEqualTo(previous);
            previous = s;
        }
    }

    @Test
    void rejectsInvertedLimits() {
        assertThatThrownBy(() -> new ScoreCurve(0.5, 0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
