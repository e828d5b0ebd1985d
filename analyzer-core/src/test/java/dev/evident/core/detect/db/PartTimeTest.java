package dev.evident.core.detect.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PartTimeTest {

    @Test
    void unitsAreSummedWithTheirSampleVariance() {
        PartTime part = PartTime.ofUnits(new double[] {10, 20, 30});
        assertThat(part.ms()).isEqualTo(60);
        assertThat(part.units()).isEqualTo(3);
        assertThat(part.unitVariance()).isEqualTo(100);
    }

    @Test
    void noUnitsAreNothing() {
        PartTime none = PartTime.ofUnits(new double[0]);
        assertThat(none.ms()).isZero();
        assertThat(none.perRequestVariance(10)).isZero();
    }

    @Test
    void twoExecutionsPerRequestDoubleTheVarianceOfOne() {
        PartTime part = new PartTime(400, 40, 9);
        assertThat(part.perRequestVariance(20)).isCloseTo(18, within(1e-9));
    }

    @Test
    void aStatementOnlyHalfTheRequestsRunAlsoVariesByBeingThereOrNot() {
        // 10 executions of 10 ms ± 3 over 20 requests: 0.5 × 9 + 0.5 × 0.5 × 10²
        PartTime part = new PartTime(100, 10, 9);
        assertThat(part.perRequestVariance(20)).isCloseTo(4.5 + 25, within(1e-9));
    }

    @Test
    void anUnknownSpreadAddsNothing() {
        assertThat(PartTime.total(500).perRequestVariance(10)).isZero();
        assertThat(PartTime.ofUnits(new double[] {5}).perRequestVariance(1)).isZero();
    }

    @Test
    void scalingByAShareScalesTheVarianceByItsSquare() {
        PartTime half = new PartTime(100, 10, 16).scaled(0.5);
        assertThat(half.ms()).isEqualTo(50);
        assertThat(half.unitVariance()).isEqualTo(4);
    }
}
