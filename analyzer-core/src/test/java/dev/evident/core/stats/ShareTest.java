package dev.evident.core.stats;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ShareTest {

    @ParameterizedTest
    @CsvSource({"739,800", "1,10", "0,50", "50,50", "313,1000", "5,2000"})
    void matchesCommonsMathWilsonInterval(int part, int whole) {
        Share share = Share.of(part, whole, whole);
        ConfidenceInterval ref = new WilsonScoreInterval().createInterval(whole, part, 0.95);
        assertThat(share.low()).isCloseTo(ref.getLowerBound(), within(1e-9));
        assertThat(share.high()).isCloseTo(ref.getUpperBound(), within(1e-9));
        assertThat(share.value()).isCloseTo((double) part / whole, within(1e-12));
    }

    @Test
    void weightedShareUsesEventCountForTheInterval() {
        // 90% of the bytes, but only 10 allocation samples behind the total: a wide interval
        Share fewEvents = Share.of(900, 1000, 10);
        Share manyEvents = Share.of(900, 1000, 10_000);
        assertThat(fewEvents.value()).isEqualTo(manyEvents.value());
        assertThat(fewEvents.widthPoints()).isGreaterThan(30);
        assertThat(manyEvents.widthPoints()).isLessThan(2);
    }

    @Test
    void emptyWholeGivesAnUninformativeShare() {
        Share s = Share.of(0, 0, 0);
        assertThat(s.low()).isZero();
        assertThat(s.high()).isEqualTo(1);
    }
}
