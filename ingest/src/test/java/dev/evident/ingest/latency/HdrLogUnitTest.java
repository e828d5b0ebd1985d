package dev.evident.ingest.latency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HdrLogUnitTest {

    @Test
    void theMaxColumnTellsTheUnit() {
        // HistogramLogWriter prints max / 1e6 by default: nanosecond values, a column in ms
        assertThat(HdrLogReader.nanosPerUnit(2_769_000, 2.769)).isEqualTo(1.0);
        // a writer that recorded microseconds and passed maxValueUnitRatio 1000
        assertThat(HdrLogReader.nanosPerUnit(2_769, 2.769)).isEqualTo(1000.0);
        assertThat(HdrLogReader.nanosPerUnit(0, 2.769)).isNaN();
    }
}
