package dev.evident.cli;

import dev.evident.core.model.Category;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.Finding;
import dev.evident.core.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The foundation's acceptance checks on the real recordings under samples/. */
class SampleDiagnosisTest {

    @ParameterizedTest
    @ValueSource(strings = {"contains-in-loop/jdk17-profile.jfr", "contains-in-loop/jdk25-profile.jfr",
            "contains-in-loop/async-profiler.jfr", "contains-in-loop/cpu.collapsed", "contains-in-loop"})
    void quadraticDedupeIsTheTopCpuFindingWithTheArrayListLookup(String sample) {
        Report report = Diagnose.report(Samples.of(sample));
        Finding cpu = Diagnose.topIn(report, Category.CPU);
        assertThat(report.findings().get(0)).isEqualTo(cpu);
        assertThat(cpu.title()).startsWith("OrderDeduplicator.distinctCustomerIds: linear search in a list (ArrayList.")
                .contains("% of CPU samples");
        assertThat(cpu.score()).isGreaterThanOrEqualTo(90);
        assertThat(cpu.fix()).contains("HashSet");
        assertThat(cpu.example()).contains("new LinkedHashSet<>()");
        Evidence e = cpu.evidence().get(0);
        assertThat(e.statement()).containsPattern("workload\\.dedupe\\.OrderDeduplicator\\.distinctCustomerIds( \\(line \\d+\\))?: "
                + "[89]\\d\\.\\d% of CPU samples \\(\\d[\\d,]* of \\d[\\d,]* samples; 95% CI [89]\\d\\.\\d–9\\d\\.\\d%\\)");
        assertThat(e.values()).extracting(v -> v.name()).contains("share", "share_ci_low", "share_ci_high");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lock-contention/jdk17-profile.jfr", "lock-contention/async-profiler.jfr",
            "lock-contention/lock.collapsed", "lock-contention"})
    void lockWorkloadNamesTheMonitorClassAndTheBlockingSite(String sample) {
        Finding lock = Diagnose.topIn(Diagnose.report(Samples.of(sample)), Category.LOCKS);
        assertThat(lock.title()).startsWith("StockLedger.record: one lock around a shared collection — threads wait for "
                + "Collections$SynchronizedMap at Collections$SynchronizedMap.compute: ");
        assertThat(lock.evidence()).anySatisfy(e -> assertThat(e.statement())
                .contains("lock types java.util.Collections$SynchronizedMap 100.0%"));
        assertThat(lock.fix()).contains("ConcurrentHashMap");
    }

    @Test
    void lockWaitFromRecordingsIsMeasuredAgainstRecordingTime() {
        Finding lock = Diagnose.topIn(Diagnose.report(Samples.of("lock-contention/async-profiler.jfr")), Category.LOCKS);
        assertThat(lock.score()).isGreaterThanOrEqualTo(90);
        assertThat(lock.evidence()).anySatisfy(e -> assertThat(e.statement())
                .containsPattern("threads waited \\d+\\.\\d\\d s in total during a 8\\.\\d s recording"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"healthy-baseline", "healthy-baseline/async-profiler.jfr", "healthy-baseline/cpu.collapsed",
            "healthy-baseline/alloc.collapsed"})
    void healthyBaselineHasNoDominantProblem(String sample) {
        Report report = Diagnose.report(Samples.of(sample));
        assertThat(report.headline()).startsWith("No dominant problem");
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.score()).as(f.title()).isLessThan(50));
    }

    @Test
    void missingEvidenceComesWithTheCommandToCollectIt() {
        Report report = Diagnose.report(Samples.of("contains-in-loop/cpu.collapsed"));
        assertThat(report.gaps()).extracting(g -> g.missing())
                .contains("wall-clock profile", "allocation profile", "lock profile", "latency measurements");
        assertThat(report.gaps()).filteredOn(g -> g.missing().equals("wall-clock profile")).singleElement()
                .satisfies(g -> assertThat(g.command()).startsWith("asprof -e wall"));
        Report full = Diagnose.report(Samples.of("contains-in-loop"));
        assertThat(full.gaps()).extracting(g -> g.missing()).doesNotContain("wall-clock profile", "allocation profile");
    }
}
