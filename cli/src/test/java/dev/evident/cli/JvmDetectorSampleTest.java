package dev.evident.cli;

import dev.evident.core.model.Finding;
import dev.evident.core.report.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each JVM detector: a recording that shows its pattern, and one that does not. */
class JvmDetectorSampleTest {

    private static List<Finding> findingsOf(String detector, String sample) {
        Report report = Diagnose.report(Samples.of(sample));
        return report.findings().stream().filter(f -> f.detector().contains(detector)).toList();
    }

    @ParameterizedTest(name = "{0} finds it in {1}, not in {2}")
    @CsvSource({
            "gc-pauses, allocation-churn/jdk17-profile.jfr, healthy-baseline/jdk17-profile.jfr, 70",
            "heap-growth, leaking-cache/jdk17-profile.jfr, allocation-churn/jdk17-profile.jfr, 75",
            "system-gc, gc-causes/jdk17-profile.jfr, leaking-cache/jdk17-profile.jfr, 30",
            "humongous-allocation, gc-causes/jdk17-profile.jfr, allocation-churn/jdk17-profile.jfr, 75",
            "metaspace-growth, class-leak/jdk17-profile.jfr, contains-in-loop/jdk17-profile.jfr, 75",
            "thread-growth, thread-leak/jdk17-profile.jfr, lock-contention/jdk17-profile.jfr, 75",
            "io-latency, slow-remote-calls/jdk17-profile.jfr, contains-in-loop/jdk17-profile.jfr, 75",
            "exceptions, exceptions-control-flow/jdk17-profile.jfr, healthy-baseline/jdk17-profile.jfr, 75",
            "hot-code-pattern, regex-per-call/async-profiler.jfr, healthy-baseline/async-profiler.jfr, 50"})
    void positiveAndNegative(String detector, String positive, String negative, int minScore) {
        List<Finding> found = findingsOf(detector, positive);
        assertThat(found).as("%s on %s", detector, positive).isNotEmpty();
        assertThat(found.get(0).score()).isGreaterThanOrEqualTo(minScore);
        assertThat(found.get(0).evidence()).isNotEmpty();
        assertThat(findingsOf(detector, negative)).as("%s on %s", detector, negative)
                .allSatisfy(f -> assertThat(f.score()).isLessThan(50));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "leaking-cache/jdk17-profile.jfr | heap-growth | Heap after GC grows by | R²",
            "slow-remote-calls/jdk17-profile.jfr | io-latency | socket reads | p95",
            "exceptions-control-flow/jdk17-profile.jfr | exceptions | exceptions and errors were created in | per second",
            "gc-causes/jdk17-profile.jfr | humongous-allocation | were caused by \"G1 Humongous Allocation\" | paused"})
    void evidenceStatesTheNumbers(String sample, String detector, String phrase, String unit) {
        Finding f = findingsOf(detector, sample).get(0);
        assertThat(f.evidence().get(0).statement()).contains(phrase).contains(unit);
        assertThat(f.evidence().get(0).values()).isNotEmpty();
    }
}
