package dev.evident.ingest.pprof;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.Samples;
import dev.evident.ingest.TestSink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance: evident's top-10 self ("flat") and cumulative tables of every Go sample equal what
 * {@code go tool pprof -top} and {@code -top -cum} printed for the same file (saved by
 * samples/scripts/record-go-samples.sh), name by name and value by value within the text's rounding.
 */
class PprofTopTablesTest {

    record Entry(String name, long flat, long cum) {
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({
            "go-regexp-per-call, cpu.pb.gz, top, cpu-nanoseconds",
            "go-regexp-per-call, cpu.pb.gz, top-cum, cpu-nanoseconds",
            "go-alloc-churn, heap.pb.gz, top, allocation-bytes",
            "go-alloc-churn, heap.pb.gz, top-cum, allocation-bytes",
            "go-alloc-churn, heap.pb.gz, inuse.top, heap-bytes",
            "go-lock-contention, mutex.pb.gz, top, lock-nanoseconds",
            "go-lock-contention, mutex.pb.gz, top-cum, lock-nanoseconds",
            "go-lock-contention, block.pb.gz, top, lock-nanoseconds",
            "go-lock-contention, block.pb.gz, top-cum, lock-nanoseconds",
            "pprof-edge-cases, cpu-drop-frames.pb.gz, top, cpu-nanoseconds",
            "pprof-edge-cases, cpu-drop-frames.pb.gz, top-cum, cpu-nanoseconds"})
    void topTenMatchesGoToolPprof(String dir, String file, String table, String metricId) throws Exception {
        Path profileFile = Samples.of(dir + "/" + file);
        GoToolTop expected = GoToolTop.parse(Samples.of(dir + "/.go-tool-pprof/" + file + "." + table + ".txt"));
        TestSink sink = new TestSink();
        new PprofReader().read(ArtifactInput.of(profileFile), sink);
        Profile profile = sink.onlyProfile();
        int column = columnOf(profile, metricId);

        boolean byCum = table.endsWith("cum");
        List<Entry> ours = new ArrayList<>(entries(profile, column));
        ours.removeIf(e -> e.cum() <= expected.droppedCum());
        ours.sort(byCum
                ? Comparator.comparingLong(Entry::cum).reversed().thenComparing(Entry::name)
                : Comparator.comparingLong(Entry::flat).reversed().thenComparing(Entry::name));

        int n = Math.min(10, expected.rows().size());
        assertThat(n).as("rows in the saved go tool output").isGreaterThanOrEqualTo(3);
        for (int i = 0; i < n; i++) {
            GoToolTop.Row want = expected.rows().get(i);
            Entry got = ours.get(i);
            assertThat(got.name()).as("row %d", i + 1).isEqualTo(want.name());
            assertThat((double) got.flat()).as("flat of %s", want.name()).isCloseTo(want.flat(),
                    org.assertj.core.data.Offset.offset(want.flatPrecision() + 1e-6));
            assertThat((double) got.cum()).as("cum of %s", want.name()).isCloseTo(want.cum(),
                    org.assertj.core.data.Offset.offset(want.cumPrecision() + 1e-6));
        }
    }

    private static int columnOf(Profile p, String metricId) {
        for (int c = 0; c < p.metrics().size(); c++) {
            if (p.metrics().get(c).id().equals(metricId)) {
                return c;
            }
        }
        throw new AssertionError("no metric " + metricId + " in " + p.metrics().stream().map(Metric::id).toList());
    }

    /**
     * Flat and cum per function name, as pprof defines them: flat is the weight of samples whose
     * innermost frame is the function, cum the weight of samples with the function anywhere on
     * the stack, counted once per sample even when it recurses.
     */
    static List<Entry> entries(Profile p, int column) {
        CallTree tree = p.tree();
        Map<String, long[]> byName = new HashMap<>();
        for (int n = 1; n < tree.size(); n++) {
            long self = tree.selfWeight(column, n);
            if (self == 0) {
                continue;
            }
            byName.computeIfAbsent(p.frames().name(tree.frame(n)), k -> new long[2])[0] += self;
            Set<String> seen = new HashSet<>();
            for (int a = n; a > 0; a = tree.parent(a)) {
                String name = p.frames().name(tree.frame(a));
                if (seen.add(name)) {
                    byName.computeIfAbsent(name, k -> new long[2])[1] += self;
                }
            }
        }
        List<Entry> out = new ArrayList<>();
        byName.forEach((name, fc) -> out.add(new Entry(name, fc[0], fc[1])));
        return out;
    }
}
