package dev.evident.llm.verify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NumberExtractorTest {

    private static List<String> texts(String s) {
        return NumberExtractor.extract(s).stream().map(m -> m.text().strip()).toList();
    }

    @Test
    void numbersWithUnitsAndPrecision() {
        List<Mention> m = NumberExtractor.extract("took 90.7% of 8,388 samples, 24.3 ms and 1.2k calls over 8 s, 242.0 MiB");
        assertThat(m).extracting(Mention::text)
                .containsExactly("90.7%", "8,388", "24.3 ms", "1.2k", "8 s", "242.0 MiB");
        assertThat(m.get(0).dimension()).isEqualTo(Dimension.PERCENT);
        assertThat(m.get(0).tolerance()).isCloseTo(0.05, within(1e-12));
        assertThat(m.get(1).value()).isEqualTo(8388);
        assertThat(m.get(2).dimension()).isEqualTo(Dimension.TIME);
        assertThat(m.get(3).value()).isEqualTo(1200);
        assertThat(m.get(3).tolerance()).isCloseTo(50, within(1e-9));
        assertThat(m.get(5).dimension()).isEqualTo(Dimension.BYTES);
    }

    @Test
    void digitsInsideNamesAreNotNumbers() {
        assertThat(texts("E12 and F3 cite G1New in jdk17 at OrderDeduplicator.main:42, p95 and 5xx; version 1.19.0; "
                + "{HOST_1}; 0x7f3a; O(n^2)")).isEmpty();
    }

    @Test
    void aRangeSharesItsUnit() {
        List<Mention> m = NumberExtractor.extract("95% interval 86.8–91.0%");
        assertThat(m).hasSize(3);
        assertThat(m.get(1).dimension()).isEqualTo(Dimension.PERCENT);
        assertThat(m.get(1).value()).isEqualTo(86.8);
    }

    @Test
    void roundingFollowsTheWrittenDigits() {
        Mention fact = NumberExtractor.extract("90.72%").get(0);
        assertThat(NumberExtractor.extract("91%").get(0).matches(fact)).isTrue();
        assertThat(NumberExtractor.extract("90.7%").get(0).matches(fact)).isTrue();
        assertThat(NumberExtractor.extract("90%").get(0).matches(fact)).as("90 is not 90.72 rounded").isFalse();
        assertThat(NumberExtractor.extract("90.8%").get(0).matches(fact)).isFalse();
        Mention count = NumberExtractor.extract("1,234 samples").get(0);
        assertThat(NumberExtractor.extract("1,200 samples").get(0).matches(count)).isTrue();
        assertThat(NumberExtractor.extract("1.2k samples").get(0).matches(count)).isTrue();
        assertThat(NumberExtractor.extract("1,100 samples").get(0).matches(count)).isFalse();
    }

    @Test
    void unitsAreNormalized() {
        Mention ms = NumberExtractor.extract("912 ms").get(0);
        assertThat(NumberExtractor.extract("0.9 s").get(0).matches(ms)).isTrue();
        assertThat(NumberExtractor.extract("912000 µs").get(0).matches(ms)).isTrue();
        assertThat(NumberExtractor.extract("912 samples").get(0).matches(ms)).as("a bare count is compared as written")
                .isTrue();
        assertThat(NumberExtractor.extract("0.9%").get(0).matches(ms)).isFalse();
        Mention mib = NumberExtractor.extract("12.0 MiB").get(0);
        assertThat(NumberExtractor.extract("12 MB").get(0).matches(mib)).as("MB read as MiB").isTrue();
        assertThat(NumberExtractor.extract("12.6 MB").get(0).matches(mib)).as("MB read as 10^6").isTrue();
        assertThat(NumberExtractor.extract("12582912 bytes").get(0).matches(mib)).isTrue();
        assertThat(NumberExtractor.extract("13 MB").get(0).matches(mib)).as("12.58 MB rounds to 13").isTrue();
        assertThat(NumberExtractor.extract("14 MB").get(0).matches(mib)).isFalse();
        assertThat(NumberExtractor.extract("12 ms").get(0).matches(mib)).isFalse();
    }
}
