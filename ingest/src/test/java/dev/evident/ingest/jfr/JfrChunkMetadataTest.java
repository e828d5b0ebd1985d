package dev.evident.ingest.jfr;

import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;
import dev.evident.core.model.ThreadBreakdown;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.Samples;
import dev.evident.ingest.TestSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.evident.ingest.jfr.JfrArtifactReaderTest.concat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chunks share parsed metadata when they declare the same classes, and each chunk is still decoded
 * with its own declarations when they differ.
 */
class JfrChunkMetadataTest {
    private static final Path JDK = Samples.of("allocation-churn/jdk17-profile.jfr");
    private static final Path ASYNC = Samples.of("allocation-churn/async-profiler.jfr");

    private record Read(TestSink sink, MetadataCache cache) {
        Profile profile() {
            return sink.onlyProfile();
        }

        JvmTimeline timeline() {
            return sink.timelines.get(0);
        }
    }

    private static Read read(Path file) throws Exception {
        TestSink sink = new TestSink();
        MetadataCache cache = new MetadataCache();
        new JfrArtifactReader().read(ArtifactInput.of(file), sink, cache);
        return new Read(sink, cache);
    }

    @Test
    void identicalChunksParseTheirMetadataOnce(@TempDir Path dir) throws Exception {
        Read single = read(JDK);
        Read five = read(concat(dir.resolve("five.jfr"), JDK, JDK, JDK, JDK, JDK));

        assertThat(single.cache().parses()).isEqualTo(1);
        assertThat(five.cache().parses()).isEqualTo(1);
        assertThat(five.sink().warnings).isEmpty();
        assertThat(total(five.profile(), Metric.CPU_SAMPLES)).isEqualTo(5 * total(single.profile(), Metric.CPU_SAMPLES));
        assertThat(five.timeline().gcPauses()).hasSize(5 * single.timeline().gcPauses().size());
    }

    @Test
    void metadataStampedWithAnotherTimeIsTheSameMetadata(@TempDir Path dir) throws Exception {
        byte[] chunk = Files.readAllBytes(JDK);
        byte[] later = chunk.clone();
        int start = metadataStartTime(later);
        later[start] = (byte) ((later[start] & 0x80) | ((later[start] + 1) & 0x7f)); // same length, other time
        Path file = dir.resolve("two.jfr");
        Files.write(file, concatBytes(chunk, later));

        Read two = read(file);
        assertThat(two.cache().parses()).isEqualTo(1);
        assertThat(two.sink().warnings).isEmpty();
        assertThat(total(two.profile(), Metric.CPU_SAMPLES)).isEqualTo(2 * total(read(JDK).profile(), Metric.CPU_SAMPLES));
    }

    @Test
    void recordingsWithDifferentMetadataEachDecodeWithTheirOwn(@TempDir Path dir) throws Exception {
        Read jdk = read(JDK);
        Read async = read(ASYNC);
        Read mixed = read(concat(dir.resolve("mixed.jfr"), ASYNC, JDK, ASYNC, JDK));

        assertThat(mixed.cache().parses()).isEqualTo(2);
        assertThat(mixed.sink().warnings).isEmpty();
        Profile m = mixed.profile();
        for (Metric metric : List.of(Metric.CPU_SAMPLES, Metric.WALL_SAMPLES, Metric.ALLOCATION_BYTES, Metric.LOCK_NANOS)) {
            assertThat(total(m, metric)).as(metric.toString())
                    .isEqualTo(2 * (total(jdk.profile(), metric) + total(async.profile(), metric)));
            assertThat(count(m, metric)).as(metric.toString())
                    .isEqualTo(2 * (count(jdk.profile(), metric) + count(async.profile(), metric)));
        }
        assertThat(total(m, Metric.CPU_SAMPLES)).isPositive();
        Set<String> threads = threadNames(jdk.profile());
        threads.addAll(threadNames(async.profile()));
        assertThat(threadNames(m)).isEqualTo(threads);
        JvmTimeline t = mixed.timeline();
        assertThat(t.gcPauses()).hasSize(2 * jdk.timeline().gcPauses().size()).isNotEmpty();
        assertThat(t.gcPauses()).containsAll(jdk.timeline().gcPauses()); // GC names and causes from the enumeration pools
        assertThat(t.cpuLoad()).hasSize(2 * (jdk.timeline().cpuLoad().size() + async.timeline().cpuLoad().size()));
        assertThat(mixed.sink().producer).startsWith("async-profiler 4.6 (perf_events)");
    }

    @Test
    void theCacheKeepsABoundedNumberOfVersions(@TempDir Path dir) throws Exception {
        byte[] chunk = Files.readAllBytes(ASYNC);
        int label = lastByteOf(chunk, "Stacktrace".getBytes(StandardCharsets.US_ASCII), (int) header(chunk).metadataOffset());
        assertThat(label).isPositive();
        int versions = MetadataCache.MAX_ENTRIES + 4;
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < versions; i++) {
            byte[] variant = chunk.clone();
            variant[label] = (byte) ('A' + i); // a label differs: other bytes, the same classes
            chunks.add(variant);
        }
        Path file = dir.resolve("variants.jfr");
        Files.write(file, concatBytes(chunks.toArray(new byte[0][])));

        Read all = read(file);
        assertThat(all.cache().parses()).isEqualTo(versions);
        assertThat(all.cache().size()).isEqualTo(MetadataCache.MAX_ENTRIES);
        assertThat(all.sink().warnings).isEmpty();
        assertThat(total(all.profile(), Metric.CPU_SAMPLES)).isEqualTo(versions * total(read(ASYNC).profile(), Metric.CPU_SAMPLES));
    }

    @Test
    void aChunkThatCannotBeDecodedIsSkippedAndTheOthersAreRead(@TempDir Path dir) throws Exception {
        byte[] chunk = Files.readAllBytes(JDK);
        byte[] broken = chunk.clone();
        // the constant pools now point at the metadata event, which is no checkpoint
        ByteBuffer.wrap(broken).putLong(16, header(chunk).metadataOffset());
        Path file = dir.resolve("three.jfr");
        Files.write(file, concatBytes(chunk, broken, chunk));

        Read three = read(file);
        assertThat(three.sink().warnings).singleElement().asString()
                .contains("chunk at byte " + chunk.length, "could not be decoded and was skipped", "checkpoint");
        assertThat(total(three.profile(), Metric.CPU_SAMPLES)).isEqualTo(2 * total(read(JDK).profile(), Metric.CPU_SAMPLES));
    }

    private static long total(Profile p, Metric metric) {
        int column = p.column(metric);
        return column < 0 ? 0 : p.totalWeight(column);
    }

    private static long count(Profile p, Metric metric) {
        int column = p.column(metric);
        return column < 0 ? 0 : p.totalCount(column);
    }

    private static Set<String> threadNames(Profile p) {
        ThreadBreakdown threads = p.threadBreakdown().orElseThrow();
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < threads.size(); i++) {
            names.add(threads.name(i));
        }
        return names;
    }

    private static ChunkHeader header(byte[] chunk) {
        return ChunkHeader.of(ByteBuffer.wrap(chunk), 0);
    }

    /** The first byte of the metadata event's start time: after its size and its type id (0). */
    private static int metadataStartTime(byte[] chunk) {
        ChunkBytes in = new ChunkBytes(ByteBuffer.wrap(chunk));
        in.pos = (int) header(chunk).metadataOffset();
        in.varlong();
        assertThat(in.varlong()).isZero();
        return in.pos;
    }

    /** Where the last byte of the first occurrence of {@code needle} from {@code from} is, -1 if none. */
    private static int lastByteOf(byte[] data, byte[] needle, int from) {
        for (int i = from; i + needle.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                return i + needle.length - 1;
            }
        }
        return -1;
    }

    private static byte[] concatBytes(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) {
            all.put(p);
        }
        return all.array();
    }
}
