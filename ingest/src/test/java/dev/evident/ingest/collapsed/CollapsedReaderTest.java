package dev.evident.ingest.collapsed;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.Probe;
import dev.evident.ingest.Samples;
import dev.evident.ingest.TestSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.evident.ingest.ProfileQueries.hasFrame;
import static dev.evident.ingest.ProfileQueries.selfWeight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CollapsedReaderTest {

    private static TestSink read(Path file) throws Exception {
        TestSink sink = new TestSink();
        new CollapsedReader().read(ArtifactInput.of(file), sink);
        return sink;
    }

    /** Sum of the trailing counts, computed independently of the parser. */
    private static long sumOfCounts(Path file) throws IOException {
        long sum = 0;
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                sum += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    @Test
    void asyncProfilerCpuOutputIsReadCompletely() throws Exception {
        Path file = Samples.of("contains-in-loop/cpu.collapsed");
        TestSink sink = read(file);
        Profile p = sink.onlyProfile();
        assertThat(p.metrics()).containsExactly(Metric.CPU_SAMPLES);
        assertThat(p.totalWeight(0)).isEqualTo(sumOfCounts(file));
        assertThat(sink.warnings).isEmpty(); // "cpu" in the name says what was sampled
        // slashed Java names become dotted; kernel frames keep their kind
        assertThat(hasFrame(p, "java.util.ArrayList.indexOfRange", FrameKind.JAVA)).isTrue();
        assertThat(hasFrame(p, "workload.dedupe.OrderDeduplicator.distinctCustomerIds", FrameKind.JAVA)).isTrue();
        assertThat(selfWeight(p, Metric.CPU_SAMPLES, "java.lang.String.equals")
                + selfWeight(p, Metric.CPU_SAMPLES, "java.util.ArrayList.indexOfRange"))
                .isGreaterThan(p.totalWeight(0) * 8 / 10);
    }

    @Test
    void allocationAndLockOutputEndInTypes() throws Exception {
        Profile alloc = read(Samples.of("allocation-churn/alloc.collapsed")).onlyProfile();
        assertThat(alloc.metrics()).containsExactly(Metric.ALLOCATION_SAMPLES);
        assertThat(hasFrame(alloc, "int[]", FrameKind.TYPE)).isTrue();
        assertThat(hasFrame(alloc, "java.text.DecimalFormatSymbols", FrameKind.TYPE)).isTrue();

        Profile lock = read(Samples.of("lock-contention/lock.collapsed")).onlyProfile();
        assertThat(lock.metrics()).containsExactly(Metric.LOCK_SAMPLES);
        assertThat(selfWeight(lock, Metric.LOCK_SAMPLES, "java.util.Collections$SynchronizedMap"))
                .isEqualTo(lock.totalWeight(0));
    }

    @Test
    void metricIsInferredFromContentWhenTheNameIsSilent(@TempDir Path dir) throws Exception {
        Path renamed = Files.copy(Samples.of("allocation-churn/alloc.collapsed"), dir.resolve("stacks.txt"));
        TestSink sink = read(renamed);
        assertThat(sink.onlyProfile().metrics()).containsExactly(Metric.ALLOCATION_SAMPLES);
        assertThat(sink.warnings).singleElement().asString().contains("allocation profile (array types present)");

        Path cpu = Files.copy(Samples.of("contains-in-loop/cpu.collapsed"), dir.resolve("profile.folded"));
        TestSink cpuSink = read(cpu);
        assertThat(cpuSink.onlyProfile().metrics()).containsExactly(Metric.CPU_SAMPLES);
        assertThat(cpuSink.warnings).singleElement().asString().contains("read as CPU samples");
    }

    @Test
    void garbageLinesAreSkippedWithTheirOffsets(@TempDir Path dir) throws Exception {
        Path real = Samples.of("contains-in-loop/cpu.collapsed");
        long realBytes = Files.size(real);
        Path mixed = dir.resolve("cpu-with-garbage.collapsed");
        Files.copy(real, mixed);
        Files.writeString(mixed, "this line has no count\nfoo;bar notanumber\n;;; 5\nbar;baz 7\n",
                java.nio.file.StandardOpenOption.APPEND);

        TestSink sink = read(mixed);
        Profile p = sink.onlyProfile();
        assertThat(p.totalWeight(0)).isEqualTo(sumOfCounts(real) + 7);
        assertThat(sink.warnings).singleElement().asString()
                .contains("3 of ")
                .contains("at byte " + realBytes + ": the last field is not a whole number: \"this line has no count\"")
                .contains("at byte " + (realBytes + 23) + ": the last field is not a whole number: \"foo;bar notanumber\"")
                .contains("the line has a count but no frames: \";;; 5\"");
    }

    @Test
    void fileWithoutAnyStackIsRejected(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.collapsed");
        Files.writeString(junk, "hello world\nsecond line here\n");
        assertThatThrownBy(() -> read(junk)).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("none of the 2 lines").hasMessageContaining("at byte 0");
    }

    @Test
    void threadFramesBecomeAThreadBreakdown(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cpu.collapsed");
        Files.writeString(file, "[main tid=101];a/B.c;a/B.d 5\n[worker 1 tid=102];a/B.c 3\n");
        Profile p = read(file).onlyProfile();
        var threads = p.threadBreakdown().orElseThrow();
        Map<String, Long> byName = new HashMap<>();
        for (int t = 0; t < threads.size(); t++) {
            byName.put(threads.name(t), threads.weight(t, 0));
        }
        assertThat(byName).containsExactlyInAnyOrderEntriesOf(Map.of("main", 5L, "worker 1", 3L));
        assertThat(hasFrame(p, "a.B.c", FrameKind.JAVA)).isTrue();
        assertThat(p.frames().size()).isEqualTo(2); // thread names are not frames
    }

    /**
     * A file above the parallel threshold is split at line boundaries; the merged tree must equal
     * what a single pass produces on the same content.
     */
    @Test
    void parallelParseEqualsSequentialParse(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Samples.of("healthy-baseline/cpu.collapsed"));
        Path big = dir.resolve("big-cpu.collapsed");
        long written = 0;
        int copies = 0;
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            while (written < CollapsedReader.PARALLEL_THRESHOLD + (5L << 20)) {
                for (String line : lines) {
                    w.write(line);
                    w.write('\n');
                    written += line.length() + 1;
                }
                copies++;
            }
        }
        Profile parallel = read(big).onlyProfile();
        Profile single = read(Samples.of("healthy-baseline/cpu.collapsed")).onlyProfile();
        assertThat(parallel.totalWeight(0)).isEqualTo(copies * single.totalWeight(0));
        assertThat(parallel.tree().size()).isEqualTo(single.tree().size());
        assertThat(leafWeights(parallel)).isEqualTo(scale(leafWeights(single), copies));
    }

    @Test
    void probeRecognisesCollapsedTextOnly() {
        CollapsedReader reader = new CollapsedReader();
        assertThat(reader.probe(null, bytes("a;b;c 10\na;b 3\n"))).isEqualTo(Probe.LIKELY);
        assertThat(reader.probe(null, bytes("main 12\n"))).isEqualTo(Probe.WEAK);
        assertThat(reader.probe(null, bytes("<html><body>pprof</body></html>\n"))).isEqualTo(Probe.NO);
        assertThat(reader.probe(null, ByteBuffer.wrap(new byte[] {'a', ';', 'b', ' ', '1', 0, 2}))).isEqualTo(Probe.NO);
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Long> leafWeights(Profile p) {
        Map<String, Long> out = new HashMap<>();
        CallTree tree = p.tree();
        for (int n = 1; n < tree.size(); n++) {
            long w = tree.selfWeight(0, n);
            if (w > 0) {
                out.merge(String.join(";", pathNames(p, n)), w, Long::sum);
            }
        }
        return out;
    }

    private static List<String> pathNames(Profile p, int node) {
        return java.util.Arrays.stream(p.tree().path(node)).mapToObj(p.frames()::name).toList();
    }

    private static Map<String, Long> scale(Map<String, Long> m, int factor) {
        Map<String, Long> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v * factor));
        return out;
    }
}
