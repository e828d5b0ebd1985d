package dev.evident.cli;

import dev.evident.core.model.Finding;
import dev.evident.core.report.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import java.nio.file.Path;

/**
 * Issue 5's acceptance: for every pprof, Chrome, perf, speedscope, py-spy-format and differential
 * sample, the report's first finding names the known hotspot of its workload (samples/README.md)
 * and, where the catalog knows the cause, the cause in that language.
 */
class FormatSampleDiagnosisTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "go-regexp-per-call/cpu.pb.gz | main.isValidSKU: regular expression compiled on every call (regexp.MustCompile) | regexp.MustCompile(",
            "go-alloc-churn/heap.pb.gz | main.renderRow allocates | ",
            "go-lock-contention/mutex.pb.gz | main.(*Ledger).Record: one sync.Mutex shared by all goroutines | l.mu.Lock()",
            "go-lock-contention/block.pb.gz | main.(*Ledger).Record: one sync.Mutex shared by all goroutines | l.mu.Lock()",
            "perf-go-regexp/perf-script.txt.gz | main.isValidSKU: regular expression compiled on every call (regexp.MustCompile) | var skuPattern",
            "node-sync-crypto/cpu.cpuprofile | deriveKey: synchronous crypto on the event loop (pbkdf2Sync) | util.promisify(crypto.pbkdf2)",
            "speedscope-node/sampled.speedscope.json | deriveKey: synchronous crypto on the event loop (pbkdf2Sync) | util.promisify(crypto.pbkdf2)",
            "speedscope-node/evented.speedscope.json | deriveKey: synchronous crypto on the event loop (pbkdf2Sync) | util.promisify(crypto.pbkdf2)",
            "python-deepcopy/cpu.pyspy.txt | order_snapshots.snapshot: copy.deepcopy dominating (copy.deepcopy) | {**order",
            "java-diff-folded/cpu.diff.folded | OrderDeduplicator.distinctCustomerIds: linear search in a list | LinkedHashSet"})
    void knownHotspotIsTheFirstFinding(String sample, String titleStart, String example) {
        Report report = Diagnose.report(Samples.of(sample));
        assertThat(report.findings()).isNotEmpty();
        Finding first = report.findings().get(0);
        assertThat(first.title()).startsWith(titleStart);
        if (example != null) {
            assertThat(first.example()).contains(example);
        }
        // every number in the title is in the cited evidence
        String percent = first.title().replaceAll(".* (\\d+\\.\\d)% of .*", "$1");
        assertThat(first.evidence()).anySatisfy(e -> assertThat(e.statement()).contains(percent + "%"));
    }

    @Test
    void labelsSplitTheGoCpuProfileByEndpoint() {
        Report report = Diagnose.report(Samples.of("go-regexp-per-call/cpu.pb.gz"));
        assertThat(report.evidence()).filteredOn(e -> e.kind().equals("tag-split")).singleElement()
                .satisfies(e -> assertThat(e.statement()).containsPattern(
                        "CPU time by label endpoint in .*cpu\\.pb\\.gz: endpoint=/orders/import [6-9]\\d\\.\\d%, "
                                + "endpoint=/health \\d+\\.\\d%; without the label \\d+\\.\\d%"));
    }

    @Test
    void goInputAsksForGoProfilesWhenEvidenceIsMissing() {
        Report report = Diagnose.report(Samples.of("go-regexp-per-call/cpu.pb.gz"));
        assertThat(report.gaps()).filteredOn(g -> g.missing().equals("allocation profile")).singleElement()
                .satisfies(g -> assertThat(g.command()).contains("/debug/pprof/allocs"));
    }

    @Test
    void reportsOnTheNewSamplesAreByteIdenticalAcrossRuns() throws Exception {
        Path[] inputs = {Samples.of("go-regexp-per-call"), Samples.of("go-alloc-churn"), Samples.of("go-lock-contention"),
                Samples.of("node-sync-crypto"), Samples.of("speedscope-node"), Samples.of("perf-go-regexp"),
                Samples.of("python-deepcopy"), Samples.of("java-diff-folded"), Samples.of("pprof-edge-cases")};
        String first = Diagnose.json(Diagnose.report(inputs));
        assertThat(Diagnose.json(Diagnose.report(inputs))).isEqualTo(first);
        assertThat(first).contains("deriveKey").contains("main.isValidSKU").contains("order_snapshots.snapshot");
    }
}
