package dev.evident.ingest.jfr;

import dev.evident.core.model.CodeCacheFull;
import dev.evident.core.model.CounterSample;
import dev.evident.core.model.CpuLoadSample;
import dev.evident.core.model.Deoptimization;
import dev.evident.core.model.IoEvent;
import dev.evident.core.model.MemoryPoolSample;
import dev.evident.core.model.VmOperation;
import dev.evident.core.model.GcPause;
import dev.evident.core.model.HeapSample;
import dev.evident.core.model.ThreadCountSample;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;
import dev.evident.core.model.TimeWindow;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JDK Flight Recorder files, whether written by the JDK or by async-profiler. One streaming pass
 * per chunk, chunks in parallel; chunks that declare the same metadata share one parsed copy.
 */
public final class JfrArtifactReader implements ArtifactReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ns|us|ms|s)");

    @Override
    public String format() {
        return "jfr";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        if (head.remaining() >= 4 && head.getInt(head.position()) == ChunkHeader.MAGIC) {
            return Probe.CERTAIN;
        }
        return Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        read(input, sink, new MetadataCache());
    }

    /** Reads with a given metadata cache, which lives as long as this one file's read; tests look into it. */
    void read(ArtifactInput input, EvidenceSink sink, MetadataCache metadata) throws ArtifactException {
        JfrAccumulator acc;
        try (FileChannel ch = FileChannel.open(input.randomAccessFile(), StandardOpenOption.READ)) {
            JfrChunks.Layout layout = JfrChunks.scan(ch);
            if (layout.chunks().isEmpty()) {
                throw new ArtifactException("JFR: no complete chunk: " + layout.problem());
            }
            if (layout.problem() != null) {
                sink.warning(layout.problem() + "; read the " + layout.chunks().size()
                        + " complete chunk(s) before it");
            }
            acc = layout.chunks().parallelStream().collect(JfrAccumulator::new,
                    (a, chunk) -> readChunk(ch, chunk, a, metadata), JfrAccumulator::merge);
        } catch (IOException e) {
            throw new ArtifactException("JFR: cannot read the file: " + e.getMessage(), e);
        }
        for (String failure : acc.chunkFailures) {
            sink.warning(failure);
        }
        if (acc.chunks == 0) {
            throw new ArtifactException("JFR: no chunk could be decoded (" + String.join("; ", acc.chunkFailures) + ")");
        }
        if (acc.stacksAtJdkDepthLimit > 0) {
            sink.warning(acc.stacksAtJdkDepthLimit + " of " + acc.distinctStacks + " distinct stacks reached the "
                    + "recorder's 64-frame limit and lost their outermost frames; record with "
                    + "-XX:FlightRecorderOptions:stackdepth=256 for complete paths");
        }
        TimeWindow window = new TimeWindow(acc.startNanos, acc.endNanos - acc.startNanos);
        sink.window(window);
        sink.producer(producer(acc));
        emitProfile(input, acc, window, sink);
        emitTimeline(input, acc, window, sink);
    }

    /**
     * Every chunk is copied onto the heap: byte-at-a-time decoding is markedly faster on a heap
     * array than through a memory mapping. Buffers are reused, so memory holds one chunk per
     * worker thread (the JDK writes chunks of about 12 MB, async-profiler of up to 100 MB).
     */
    /** One reusable heap buffer per worker thread: no zeroing or page faults per chunk. */
    private static final ThreadLocal<ByteBuffer> CHUNK_BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocate(0));

    private static void readChunk(FileChannel ch, JfrChunks.Chunk chunk, JfrAccumulator acc, MetadataCache metadata) {
        try {
            if (chunk.size() > Integer.MAX_VALUE - 16) {
                throw new IOException("chunk of " + chunk.size() + " bytes is larger than evident can hold in one array");
            }
            ByteBuffer buffer = CHUNK_BUFFER.get();
            if (buffer.capacity() < chunk.size()) {
                buffer = ByteBuffer.allocate((int) Math.max(chunk.size(), 4L << 20));
                CHUNK_BUFFER.set(buffer);
            }
            buffer.clear().limit((int) chunk.size());
            while (buffer.hasRemaining()) {
                if (ch.read(buffer, chunk.offset() + buffer.position()) < 0) {
                    throw new IOException("file shrank while reading the chunk");
                }
            }
            buffer.flip();
            JfrChunkProcessor.process(buffer, chunk, acc, metadata);
        } catch (IOException | RuntimeException e) {
            acc.chunkFailures.add("chunk at byte " + chunk.offset() + " (" + chunk.size()
                    + " bytes) could not be decoded and was skipped: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            CHUNK_BUFFER.remove();
            acc.chunkFailures.add("chunk at byte " + chunk.offset() + " (" + chunk.size()
                    + " bytes) does not fit in the heap and was skipped; run with more memory, e.g. "
                    + "EVIDENT_JAVA_OPTS=-Xmx2g");
        }
    }

    private static void emitProfile(ArtifactInput input, JfrAccumulator acc, TimeWindow window, EvidenceSink sink) {
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < JfrAccumulator.METRICS.size(); c++) {
            if (acc.tree.eventCount(c) > 0) {
                kept.add(c);
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        int[] columns = kept.stream().mapToInt(Integer::intValue).toArray();
        List<Metric> metrics = kept.stream().map(JfrAccumulator.METRICS::get).toList();
        var tree = acc.tree.retainColumns(columns);
        tree.finish();
        Map<Metric, Long> intervals = new HashMap<>();
        for (Metric m : metrics) {
            Long interval = interval(acc, m);
            if (interval != null) {
                intervals.put(m, interval);
            }
        }
        sink.profile(new Profile(input.displayPath(), acc.frames, tree, metrics, acc.threads.retain(columns), window,
                intervals));
    }

    private static void emitTimeline(ArtifactInput input, JfrAccumulator acc, TimeWindow window, EvidenceSink sink) {
        if (acc.gcPauses.isEmpty() && acc.heap.isEmpty() && acc.cpuLoad.isEmpty() && acc.threadCounts.isEmpty()
                && acc.jvms.isEmpty() && acc.io.isEmpty() && acc.vmOperations.isEmpty()) {
            return;
        }
        acc.gcPauses.sort(GcPause.BY_TIME);
        acc.heap.sort(HeapSample.BY_TIME);
        acc.cpuLoad.sort(CpuLoadSample.BY_TIME);
        acc.threadCounts.sort(ThreadCountSample.BY_TIME);
        // parallel chunks arrive in any order; sort on every field so the result is always the same
        acc.io.sort(Comparator.comparingLong(IoEvent::epochNanos).thenComparingLong(IoEvent::durationNanos)
                .thenComparing(IoEvent::kind).thenComparing(IoEvent::target).thenComparingLong(IoEvent::bytes));
        acc.vmOperations.sort(Comparator.comparingLong(VmOperation::epochNanos)
                .thenComparingLong(VmOperation::durationNanos).thenComparing(VmOperation::name));
        acc.deoptimizations.sort(Comparator.comparingLong(Deoptimization::epochNanos)
                .thenComparing(Deoptimization::method).thenComparing(Deoptimization::reason));
        acc.exceptionCounts.sort(Comparator.comparingLong(CounterSample::epochNanos).thenComparingLong(CounterSample::value));
        acc.metaspace.sort(Comparator.comparingLong(MemoryPoolSample::epochNanos).thenComparingLong(MemoryPoolSample::usedBytes));
        acc.threadAllocations.sort(Comparator.comparingLong(CounterSample::epochNanos)
                .thenComparing(CounterSample::key).thenComparingLong(CounterSample::value));
        acc.codeCacheFull.sort(Comparator.comparingLong(CodeCacheFull::epochNanos).thenComparing(CodeCacheFull::segment));
        Map<String, String> settings = new TreeMap<>();
        acc.settings.forEach((k, v) -> settings.put(k, String.join(" / ", v)));
        sink.timeline(new JvmTimeline(input.displayPath(), acc.jvms.isEmpty() ? null : String.join(" / ", acc.jvms),
                window, settings, acc.gcPauses, acc.heap, acc.cpuLoad, acc.threadCounts, acc.io, acc.vmOperations,
                acc.deoptimizations, acc.exceptionCounts, acc.metaspace, acc.threadAllocations, acc.codeCacheFull));
    }

    private static String producer(JfrAccumulator acc) {
        if (acc.producers.contains("async-profiler")) {
            String version = single(acc, "version");
            String engine = single(acc, "engine");
            return "async-profiler" + (version != null ? " " + version : "") + (engine != null ? " (" + engine + ")" : "")
                    + (acc.jvms.isEmpty() ? "" : " on " + String.join(" / ", acc.jvms));
        }
        return "JDK Flight Recorder" + (acc.jvms.isEmpty() ? "" : ", " + String.join(" / ", acc.jvms));
    }

    /** An async-profiler global setting; the profiler records them under jdk.ActiveRecording. */
    private static String single(JfrAccumulator acc, String name) {
        var values = acc.settings.get("jdk.ActiveRecording#" + name);
        return values != null && values.size() == 1 ? values.first() : null;
    }

    /** The sampling interval of a metric, from the recording's own settings. */
    private static Long interval(JfrAccumulator acc, Metric metric) {
        if (metric.equals(Metric.CPU_SAMPLES)) {
            Long jdk = duration(acc, "jdk.ExecutionSample#period");
            return jdk != null ? jdk : nanos(acc, "jdk.ExecutionSample#interval");
        }
        if (metric.equals(Metric.NATIVE_SAMPLES)) {
            return duration(acc, "jdk.NativeMethodSample#period");
        }
        if (metric.equals(Metric.WALL_SAMPLES)) {
            return nanos(acc, "jdk.ExecutionSample#wall");
        }
        return null;
    }

    private static Long duration(JfrAccumulator acc, String key) {
        var values = acc.settings.get(key);
        if (values == null || values.size() != 1) {
            return null;
        }
        Matcher m = DURATION.matcher(values.first());
        if (!m.find()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> n;
            case "us" -> n * 1_000;
            case "ms" -> n * 1_000_000;
            default -> n * 1_000_000_000;
        };
    }

    private static Long nanos(JfrAccumulator acc, String key) {
        var values = acc.settings.get(key);
        if (values == null || values.size() != 1) {
            return null;
        }
        try {
            long n = Long.parseLong(values.first().trim());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
