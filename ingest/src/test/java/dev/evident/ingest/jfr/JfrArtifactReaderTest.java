package dev.evident.ingest.jfr;

import dev.evident.core.model.FrameKind;
import dev.evident.core.model.GcPause;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.Samples;
import dev.evident.ingest.TestSink;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static dev.evident.ingest.ProfileQueries.hasFrame;
import static dev.evident.ingest.ProfileQueries.inclusiveWeight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads the committed recordings and checks every number against the JDK's own parser
 * ({@code jdk.jfr.consumer}), an independent implementation of the format.
 */
class JfrArtifactReaderTest {

    private static TestSink read(Path file) throws Exception {
        TestSink sink = new TestSink();
        new JfrArtifactReader().read(ArtifactInput.of(file), sink);
        return sink;
    }

    /** What the JDK's parser counts in a recording. */
    private record JdkCounts(long executionSamples, long nativeSamples, long allocationWeight, long allocationEvents,
                             long lockEvents, long lockNanos, long wallSamples, long gcs) {
        static JdkCounts of(Path file) throws IOException {
            long exec = 0, nat = 0, allocW = 0, allocN = 0, locks = 0, lockNs = 0, wall = 0, gcs = 0;
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> exec++;
                    case "jdk.NativeMethodSample" -> nat++;
                    case "jdk.ObjectAllocationSample" -> {
                        allocW += e.getLong("weight");
                        allocN++;
                    }
                    case "jdk.ObjectAllocationInNewTLAB" -> {
                        allocW += e.getLong("tlabSize") != 0 ? e.getLong("tlabSize") : e.getLong("allocationSize");
                        allocN++;
                    }
                    case "jdk.ObjectAllocationOutsideTLAB" -> {
                        allocW += e.getLong("allocationSize");
                        allocN++;
                    }
                    case "jdk.JavaMonitorEnter", "jdk.ThreadPark" -> {
                        locks++;
                        lockNs += e.getDuration().toNanos();
                    }
                    case "profiler.WallClockSample" -> wall += e.getLong("samples");
                    case "jdk.GarbageCollection" -> gcs++;
                    default -> {
                    }
                }
            }
            return new JdkCounts(exec, nat, allocW, allocN, locks, lockNs, wall, gcs);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"contains-in-loop/jdk17-profile.jfr", "contains-in-loop/jdk25-profile.jfr",
            "lock-contention/jdk17-profile.jfr", "allocation-churn/jdk17-profile.jfr", "healthy-baseline/jdk17-profile.jfr"})
    void jdkRecordingsAgreeWithTheJdkParser(String sample) throws Exception {
        Path file = Samples.of(sample);
        JdkCounts expected = JdkCounts.of(file);
        TestSink sink = read(file);
        Profile p = sink.onlyProfile();

        assertThat(sink.producer).startsWith("JDK Flight Recorder, OpenJDK 64-Bit Server VM ");
        assertThat(p.totalCount(p.column(Metric.CPU_SAMPLES))).isEqualTo(expected.executionSamples()).isPositive();
        if (expected.nativeSamples() > 0) {
            assertThat(p.totalCount(p.column(Metric.NATIVE_SAMPLES))).isEqualTo(expected.nativeSamples());
        }
        assertThat(p.totalWeight(p.column(Metric.ALLOCATION_BYTES))).isEqualTo(expected.allocationWeight());
        assertThat(p.totalCount(p.column(Metric.ALLOCATION_BYTES))).isEqualTo(expected.allocationEvents());
        if (expected.lockEvents() > 0) {
            int lock = p.column(Metric.LOCK_NANOS);
            assertThat(p.totalCount(lock)).isEqualTo(expected.lockEvents());
            // ticks -> nanoseconds conversion differs by rounding only
            assertThat((double) p.totalWeight(lock)).isCloseTo(expected.lockNanos(), org.assertj.core.data.Percentage.withPercentage(0.1));
        }
        assertThat(p.metrics()).doesNotContain(Metric.WALL_SAMPLES);
        assertThat(p.intervalNanos()).containsEntry(Metric.CPU_SAMPLES, 10_000_000L); // settings=profile: 10 ms
        JvmTimeline timeline = sink.timelines.get(0);
        assertThat(timeline.gcPauses()).hasSize((int) expected.gcs());
        assertThat(timeline.gcRecorded()).isTrue();
        assertThat(timeline.cpuLoad()).isNotEmpty();
        assertThat(p.timeWindow().orElseThrow().seconds()).isBetween(7.0, 12.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"contains-in-loop/async-profiler.jfr", "lock-contention/async-profiler.jfr",
            "allocation-churn/async-profiler.jfr", "healthy-baseline/async-profiler.jfr"})
    void asyncProfilerRecordingsAgreeWithTheJdkParser(String sample) throws Exception {
        Path file = Samples.of(sample);
        JdkCounts expected = JdkCounts.of(file);
        TestSink sink = read(file);
        Profile p = sink.onlyProfile();

        assertThat(sink.producer).startsWith("async-profiler 4.6 (perf_events) on OpenJDK 64-Bit Server VM 17.0");
        assertThat(p.totalCount(p.column(Metric.CPU_SAMPLES))).isEqualTo(expected.executionSamples()).isPositive();
        assertThat(p.totalWeight(p.column(Metric.WALL_SAMPLES))).isEqualTo(expected.wallSamples()).isPositive();
        if (expected.lockEvents() > 0) {
            assertThat(p.totalCount(p.column(Metric.LOCK_NANOS))).isEqualTo(expected.lockEvents());
        }
        assertThat(p.intervalNanos()).containsEntry(Metric.CPU_SAMPLES, 10_000_000L)
                .containsEntry(Metric.WALL_SAMPLES, 20_000_000L);
        // async-profiler writes no GC events: the timeline must not claim "no collections happened"
        assertThat(sink.timelines).allSatisfy(t -> assertThat(t.gcRecorded()).isFalse());
    }

    @Test
    void framesCarryKindsLinesAndTypes() throws Exception {
        Profile jdk = read(Samples.of("contains-in-loop/jdk17-profile.jfr")).onlyProfile();
        assertThat(hasFrame(jdk, "java.util.ArrayList.indexOfRange", FrameKind.JAVA)).isTrue();
        boolean lineKnown = false;
        for (int i = 0; i < jdk.frames().size(); i++) {
            if (jdk.frames().name(i).equals("workload.dedupe.OrderDeduplicator.distinctCustomerIds")) {
                lineKnown |= jdk.frames().line(i) == 17; // the ArrayList.contains call
            }
        }
        assertThat(lineKnown).isTrue();

        Profile ap = read(Samples.of("lock-contention/async-profiler.jfr")).onlyProfile();
        assertThat(hasFrame(ap, "java.util.Collections$SynchronizedMap", FrameKind.TYPE)).isTrue();
        assertThat(inclusiveWeight(ap, Metric.LOCK_NANOS, "java.util.Collections$SynchronizedMap"))
                .isEqualTo(ap.totalWeight(ap.column(Metric.LOCK_NANOS)));
        assertThat(hasFrame(ap, "__futex_abstimed_wait_common", FrameKind.NATIVE)
                || hasFrame(ap, "__futex_abstimed_wait_common64", FrameKind.NATIVE)).isTrue();

        Profile alloc = read(Samples.of("allocation-churn/jdk17-profile.jfr")).onlyProfile();
        assertThat(hasFrame(alloc, "byte[]", FrameKind.TYPE)).isTrue();
        assertThat(alloc.threadBreakdown().orElseThrow().name(0)).isNotBlank();
    }

    @Test
    void allocationWorkloadHasGarbageCollections() throws Exception {
        JvmTimeline t = read(Samples.of("allocation-churn/jdk17-profile.jfr")).timelines.get(0);
        assertThat(t.gcPauses()).hasSizeGreaterThan(100);
        assertThat(t.gcPauses()).extracting(GcPause::name).contains("G1New");
        assertThat(t.gcPauses()).allSatisfy(g -> assertThat(g.sumOfPausesNanos()).isNotNegative());
        assertThat(t.heap()).isNotEmpty();
    }

    @Test
    void concatenatedRecordingsAreReadAsOneMultiChunkFile(@TempDir Path dir) throws Exception {
        Path one = Samples.of("contains-in-loop/jdk17-profile.jfr");
        Path three = concat(dir.resolve("three.jfr"), one, one, one);
        Profile single = read(one).onlyProfile();
        TestSink sink = read(three);
        Profile triple = sink.onlyProfile();
        int cpu = single.column(Metric.CPU_SAMPLES);
        assertThat(triple.totalCount(triple.column(Metric.CPU_SAMPLES))).isEqualTo(3 * single.totalCount(cpu));
        assertThat(sink.timelines.get(0).cpuLoad()).hasSize(3 * read(one).timelines.get(0).cpuLoad().size());
        assertThat(sink.warnings).isEmpty();
    }

    @Test
    void truncatedRecordingKeepsItsCompleteChunksAndSaysWhere(@TempDir Path dir) throws Exception {
        Path one = Samples.of("lock-contention/async-profiler.jfr");
        long size = Files.size(one);
        Path three = concat(dir.resolve("three.jfr"), one, one, one);
        Path cut = dir.resolve("cut.jfr");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(three), (int) (2 * size + size / 2)));

        TestSink sink = read(cut);
        assertThat(sink.warnings).singleElement().asString()
                .contains("truncated", "chunk at byte " + 2 * size, "read the 2 complete chunk(s)");
        Profile single = read(one).onlyProfile();
        Profile p = sink.onlyProfile();
        assertThat(p.totalCount(p.column(Metric.CPU_SAMPLES)))
                .isEqualTo(2 * single.totalCount(single.column(Metric.CPU_SAMPLES)));
    }

    @Test
    void recordingCutInsideItsOnlyChunkIsRejectedWithTheOffset(@TempDir Path dir) throws Exception {
        Path one = Samples.of("contains-in-loop/jdk17-profile.jfr");
        Path cut = dir.resolve("cut.jfr");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(one), 5000));
        assertThatThrownBy(() -> read(cut)).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("truncated").hasMessageContaining("chunk at byte 0")
                .hasMessageContaining("only 5000 remain");
    }

    @Test
    void gzippedRecordingIsUnwrapped(@TempDir Path dir) throws Exception {
        Path one = Samples.of("contains-in-loop/jdk17-profile.jfr");
        Path gz = dir.resolve("recording.jfr.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(one, out);
        }
        Profile plain = read(one).onlyProfile();
        Profile unzipped = read(gz).onlyProfile();
        assertThat(unzipped.totalCount(0)).isEqualTo(plain.totalCount(0));
        assertThat(unzipped.metrics()).isEqualTo(plain.metrics());
    }

    @Test
    void shortVersionExtractsTheJvmVersion() {
        assertThat(JfrChunkProcessor.shortVersion("OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1) for linux-amd64 "
                + "JRE (17.0.15+6-Debian-1deb12u1), built on May  1 2025")).isEqualTo("17.0.15+6-Debian-1deb12u1");
        assertThat(JfrChunkProcessor.shortVersion("25.0.1+8-LTS")).isEqualTo("25.0.1+8-LTS");
    }

    @Test
    void arrayClassNamesBecomeSourceNames() {
        assertThat(FrameResolver.sourceName("[B")).isEqualTo("byte[]");
        assertThat(FrameResolver.sourceName("[[Ljava/lang/String;")).isEqualTo("java.lang.String[][]");
        assertThat(FrameResolver.sourceName("java/util/HashMap$Node")).isEqualTo("java.util.HashMap$Node");
    }

    static Path concat(Path target, Path... parts) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            for (Path p : List.of(parts)) {
                Files.copy(p, out);
            }
        }
        return target;
    }
}
