package dev.evident.cli;

import dev.evident.core.detect.bound.Bound;
import dev.evident.core.model.Finding;
import dev.evident.core.report.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3 acceptance: for every workload under samples/workloads, the top-ranked finding of its
 * sample directory names the injected cause (see samples/README.md).
 */
class WorkloadDiagnosisTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
            "contains-in-loop # OrderDeduplicator.distinctCustomerIds: linear search in a list",
            "lock-contention # StockLedger.record: one lock around a shared collection — threads wait for Collections$SynchronizedMap",
            "allocation-churn # CsvReportBuilder.buildReport: String.format on a hot path",
            // both methods compile a regex per call; String.split's own splitting outweighs its compile in tags
            "regex-per-call # re:CouponValidator\\.(isValid: regular expression compiled on every call|tags takes .* in String\\.split)",
            "exceptions-control-flow # exceptions per second (QuantityParser.quantity",
            "leaking-cache # memory leak suspect",
            "pool-starvation # ReportService.renderReport: connection pool starvation",
            "slow-remote-calls # socket reads from/to localhost:",
            "eager-log-formatting # AuditTrail.priceOrder: log message built before the level check",
            "gc-causes # Humongous allocations started",
            "thread-leak # Live thread count grows",
            "class-leak # Metaspace grows"})
    void topFindingNamesTheInjectedCause(String workload, String expected) {
        Report report = Diagnose.report(Samples.of(workload));
        Finding top = report.findings().get(0);
        if (expected.startsWith("re:")) {
            assertThat(top.title()).as("top finding of %s", workload).containsPattern(expected.substring(3));
        } else {
            assertThat(top.title()).as("top finding of %s", workload).contains(expected);
        }
        assertThat(top.score()).isGreaterThanOrEqualTo(60);
        assertThat(report.headline()).startsWith("F1 (score " + top.score());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"contains-in-loop, CPU", "lock-contention, LOCK", "pool-starvation, LOCK", "slow-remote-calls, IO",
            "regex-per-call, CPU"})
    void boundClassificationNamesWhereTheTimeGoes(String workload, Bound bound) {
        Report report = Diagnose.report(Samples.of(workload));
        assertThat(report.bound().bound()).isEqualTo(bound);
        assertThat(report.bound().shares().get(0).share()).isGreaterThan(0.5);
        assertThat(report.bound().statement()).startsWith("The workload is " + bound.label());
    }
}
