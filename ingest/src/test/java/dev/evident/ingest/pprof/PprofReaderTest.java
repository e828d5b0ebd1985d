package dev.evident.ingest.pprof;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;
import dev.evident.core.model.SampleTags;
import dev.evident.core.model.Tag;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.Ingest;
import dev.evident.ingest.Probe;
import dev.evident.ingest.Samples;
import dev.evident.ingest.TestSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static dev.evident.ingest.ProfileQueries.hasFrame;
import static dev.evident.ingest.ProfileQueries.inclusiveWeight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PprofReaderTest {

    private static TestSink read(Path file) throws Exception {
        TestSink sink = new TestSink();
        new PprofReader().read(ArtifactInput.of(file), sink);
        return sink;
    }

    @Test
    void goCpuProfileKeepsLabelsAsTagsThatFilterTheProfile() throws Exception {
        Profile p = read(Samples.of("go-regexp-per-call/cpu.pb.gz")).onlyProfile();
        assertThat(p.metrics()).containsExactly(Metric.CPU_NANOS);
        assertThat(p.intervalNanos()).containsEntry(Metric.CPU_NANOS, 10_000_000L);
        assertThat(p.timeWindow()).isPresent();
        SampleTags tags = p.tags();
        assertThat(tags.keys()).containsExactly("endpoint");

        Profile health = SampleTags.filter(p, set -> set.contains(new Tag("endpoint", "/health")));
        Profile orders = SampleTags.filter(p, set -> set.contains(new Tag("endpoint", "/orders/import")));
        Profile unlabelled = SampleTags.filter(p, List::isEmpty);
        // the three parts add up to the whole; the labels keep the endpoints apart
        assertThat(health.totalWeight(0) + orders.totalWeight(0) + unlabelled.totalWeight(0)).isEqualTo(p.totalWeight(0));
        assertThat(inclusiveWeight(health, Metric.CPU_NANOS, "main.healthChecks")).isEqualTo(
                inclusiveWeight(p, Metric.CPU_NANOS, "main.healthChecks")).isPositive();
        assertThat(inclusiveWeight(health, Metric.CPU_NANOS, "main.isValidSKU")).isZero();
        assertThat(inclusiveWeight(orders, Metric.CPU_NANOS, "main.isValidSKU"))
                .isEqualTo(inclusiveWeight(p, Metric.CPU_NANOS, "main.isValidSKU"));
        // goroutines the labels do not reach (the GC's workers) stay unlabelled
        assertThat(inclusiveWeight(unlabelled, Metric.CPU_NANOS, "runtime.gcBgMarkWorker")).isPositive();
    }

    @Test
    void inlinedCallsBecomeFramesWithTheLastLineAsCaller() throws Exception {
        Profile p = read(Samples.of("go-regexp-per-call/cpu.pb.gz")).onlyProfile();
        // go tool pprof marks trimCode and regexp.Compile "(inline)": the compiler folded them into
        // their callers, and the profile lists both functions in one location
        assertThat(parentsOf(p, "main.trimCode")).containsOnly("main.importOrders");
        assertThat(parentsOf(p, "regexp.Compile")).containsOnly("regexp.MustCompile");
        assertThat(hasFrame(p, "main.isValidSKU", FrameKind.GO)).isTrue();
        int frame = frameId(p, "main.isValidSKU");
        assertThat(p.frames().file(frame)).endsWith("samples/workloads/go/orders.go");
        assertThat(p.frames().line(frame)).isEqualTo(12);
    }

    @Test
    void heapProfileHasAllocationAndInUseMetricsWithEstimatedSampleCounts() throws Exception {
        TestSink sink = read(Samples.of("go-alloc-churn/heap.pb.gz"));
        Profile p = sink.onlyProfile();
        assertThat(p.metrics()).containsExactly(Metric.ALLOCATION_BYTES, Metric.HEAP_BYTES);
        assertThat(p.timeWindow()).isEmpty(); // a cumulative profile: its duration is only the time to write it
        // go's heap sampling takes one allocation per 64 KiB (the workload's MemProfileRate); the event
        // count is the bytes over that period, not the scaled-up object estimate
        long bytes = p.totalWeight(0);
        assertThat((double) p.totalCount(0)).isCloseTo(bytes / 65536.0, org.assertj.core.data.Offset.offset(bytes / 65536.0 * 0.05 + 50));
        assertThat(p.tags().keys()).containsExactly("bytes"); // Go's per-sample object size label
        assertThat(sink.producer).startsWith("pprof (Go)");
    }

    @Test
    void rawUncompressedProtobufIsReadLikeTheGzippedFile(@TempDir Path dir) throws Exception {
        Path raw = dir.resolve("cpu.pb");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Samples.of("go-regexp-per-call/cpu.pb.gz")))) {
            Files.write(raw, in.readAllBytes());
        }
        Profile gz = read(Samples.of("go-regexp-per-call/cpu.pb.gz")).onlyProfile();
        Profile plain = read(raw).onlyProfile();
        assertThat(plain.totalWeight(0)).isEqualTo(gz.totalWeight(0));
        assertThat(plain.tree().size()).isEqualTo(gz.tree().size());
        assertThat(new PprofReader().probe(ArtifactInput.of(raw), head(raw))).isEqualTo(Probe.CERTAIN);
    }

    @Test
    void htmlPageSavedFromTheWebUiIsNamedAsSuch() throws Exception {
        Path page = Samples.of("pprof-edge-cases/cpu-saved-from-browser.pprof");
        assertThat(new PprofReader().probe(ArtifactInput.of(page), head(page))).isEqualTo(Probe.WEAK);
        assertThatThrownBy(() -> read(page)).isInstanceOf(ArtifactException.class)
                .hasMessage("pprof file is not gzip or protobuf: first bytes 3c 21 44 4f — is this an HTML page saved "
                        + "from the pprof web UI? Download the profile itself (e.g. curl -o cpu.pb.gz "
                        + "'http://host:port/debug/pprof/profile?seconds=30')");
        // in a directory run it is a skipped artifact with that reason, and the real profiles are read
        var evidence = new Ingest().read(List.of(Samples.of("pprof-edge-cases")));
        assertThat(evidence.skipped()).singleElement().satisfies(s ->
                assertThat(s.reason()).contains("HTML page saved from the pprof web UI"));
        assertThat(evidence.profiles()).hasSize(1);
    }

    @Test
    void truncatedGzipIsReportedWithHowFarItGot(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(Samples.of("go-regexp-per-call/cpu.pb.gz"));
        Path cut = dir.resolve("cpu-truncated.pb.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 2 / 3));
        assertThatThrownBy(() -> read(cut)).isInstanceOf(ArtifactException.class)
                .hasMessageMatching("pprof: the gzip data ends or breaks after \\d+ decompressed bytes \\(.*\\): "
                        + "the file is truncated or corrupt; copy or download it again");
    }

    /**
     * Hand-made: no profiler writes these. A few bytes that declare enormous lengths must fail at
     * once, naming the offset, without allocating anything near the declared size.
     */
    @Test
    void protobufBombsFailFastWithBoundedMemory(@TempDir Path dir) throws Exception {
        // field 1 (sample_type) is fine, then field 2 (a sample) declares 2^62 bytes
        byte[] hugeTopLevel = concat(new byte[] {0x0a, 0x04, 0x08, 0x01, 0x10, 0x02, 0x12}, varint(1L << 62));
        // a sample of 6 bytes whose packed location ids declare 1 GiB
        byte[] hugeNested = concat(new byte[] {0x0a, 0x04, 0x08, 0x01, 0x10, 0x02, 0x12, 0x06, 0x0a},
                varint(1L << 30), new byte[] {0x01});
        // within the 64 MiB field limit, but far more than the file holds
        byte[] largeButMissing = concat(new byte[] {0x0a, 0x04, 0x08, 0x01, 0x10, 0x02, 0x12}, varint(60L << 20), new byte[10]);

        long before = allocatedBytes();
        assertThatThrownBy(() -> read(write(dir, "top.pb", hugeTopLevel))).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("field 2 at byte 6 declares 4611686018427387904 bytes; no field of a pprof profile "
                        + "is that large");
        assertThatThrownBy(() -> read(write(dir, "nested.pb.gz", gzip(hugeNested)))).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("declares 1073741824 bytes but its message has only");
        assertThatThrownBy(() -> read(write(dir, "missing.pb", largeButMissing))).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("declares 62914560 bytes but only 10 follow; the file is truncated");
        assertThat(allocatedBytes() - before).as("bytes allocated while reading three bombs").isLessThan(16L << 20);
    }

    @Test
    void probeRejectsTextAndOtherBinaries() {
        PprofReader reader = new PprofReader();
        assertThat(reader.probe(null, ByteBuffer.wrap("a;b;c 10\na;b 3\n".getBytes()))).isEqualTo(Probe.NO);
        assertThat(reader.probe(null, ByteBuffer.wrap(new byte[] {'F', 'L', 'R', 0, 0, 2, 0, 1}))).isEqualTo(Probe.NO);
        assertThat(reader.probe(null, ByteBuffer.wrap("<html><body>hello</body></html>".getBytes()))).isEqualTo(Probe.NO);
    }

    private static List<String> parentsOf(Profile p, String name) {
        CallTree tree = p.tree();
        List<String> parents = new java.util.ArrayList<>();
        for (int n = 1; n < tree.size(); n++) {
            if (p.frames().name(tree.frame(n)).equals(name) && tree.parent(n) > 0) {
                parents.add(p.frames().name(tree.frame(tree.parent(n))));
            }
        }
        assertThat(parents).as("nodes of " + name).isNotEmpty();
        return parents;
    }

    private static int frameId(Profile p, String name) {
        for (int i = 0; i < p.frames().size(); i++) {
            if (p.frames().name(i).equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no frame " + name);
    }

    private static ByteBuffer head(Path file) throws Exception {
        try (InputStream in = ArtifactInput.of(file).openStream()) {
            return ByteBuffer.wrap(in.readNBytes(ArtifactInput.HEAD_BYTES));
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static Path write(Path dir, String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] varint(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
