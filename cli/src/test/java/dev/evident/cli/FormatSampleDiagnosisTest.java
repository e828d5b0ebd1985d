package dev.evident.cli;

import dev.evident.core.model.Finding;
import dev.evident.core.report.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

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
}
