package dev.evident.ingest.collapsed;

import dev.evident.core.model.Metric;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Profile;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Collapsed ("folded") stacks as written by async-profiler, FlameGraph's stackcollapse scripts,
 * inferno and py-spy: one line per stack, frames root first, separated by {@code ;}, then a
 * space and a count. Large plain files are split at line boundaries and parsed in parallel.
 */
public final class CollapsedReader implements ArtifactReader {
    /** Below this size a file is parsed on one thread: splitting costs more than it saves. */
    static final long PARALLEL_THRESHOLD = 32L << 20;
    static final int BUFFER = 4 << 20;

    @Override
    public String format() {
        return "collapsed";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        int checked = 0;
        int matching = 0;
        int withSeparator = 0;
        int lineStart = head.position();
        int limit = head.limit();
        for (int i = head.position(); i <= limit && checked < 50; i++) {
            if (i == limit || head.get(i) == '\n') {
                if (i == limit && limit - head.position() >= ArtifactInput.HEAD_BYTES && checked > 0) {
                    break; // the last line may be cut by the head limit
                }
                int end = i > lineStart && head.get(i - 1) == '\r' ? i - 1 : i;
                if (end > lineStart && head.get(lineStart) != '#') {
                    checked++;
                    int shape = lineShape(head, lineStart, end);
                    if (shape > 0) {
                        matching++;
                    }
                    if (shape > 1) {
                        withSeparator++;
                    }
                }
                lineStart = i + 1;
            } else if (head.get(i) == 0) {
                return Probe.NO; // binary
            }
        }
        if (checked == 0 || matching * 10 < checked * 8) {
            return Probe.NO;
        }
        return withSeparator > 0 ? Probe.LIKELY : Probe.WEAK;
    }

    /** 0: not a collapsed line; 1: "name count"; 2: "a;b count". */
    private static int lineShape(ByteBuffer b, int start, int end) {
        int space = end - 1;
        while (space > start && b.get(space) != ' ') {
            space--;
        }
        if (space <= start || space == end - 1) {
            return 0;
        }
        for (int i = space + 1; i < end; i++) {
            byte c = b.get(i);
            if (c < '0' || c > '9') {
                return 0;
            }
        }
        for (int i = start; i < space; i++) {
            if (b.get(i) == ';') {
                return 2;
            }
        }
        return 1;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        CollapsedParser parser;
        try {
            if (!input.isGzip() && input.size() >= PARALLEL_THRESHOLD) {
                parser = parseParallel(input.path(), input.size());
            } else {
                parser = parseStream(input);
            }
        } catch (IOException e) {
            throw new ArtifactException("collapsed stacks: cannot read the file: " + e.getMessage(), e);
        }
        if (parser.samples == 0 && parser.lines == 0) {
            throw new ArtifactException("collapsed stacks: no stack lines found");
        }
        if (parser.badLines > 0) {
            reportBadLines(input, parser, sink);
        }
        if (parser.samples == 0) {
            throw new ArtifactException("collapsed stacks: none of the " + parser.lines
                    + " lines has the form 'frame;frame;... count'"
                    + (parser.firstBadLines.isEmpty() ? "" : "; first problem: " + describe(parser.firstBadLines.get(0))));
        }
        if (parser.diffLines > 0) {
            reportDifferential(parser, sink);
        }
        Metric metric = guessMetric(input.displayPath(), parser, sink);
        parser.tree.finish();
        sink.producer(parser.threads != null ? "async-profiler (collapsed, --threads)" : "collapsed stacks");
        sink.profile(new Profile(input.displayPath(), parser.frames, parser.tree, List.of(metric),
                parser.threads, null, Map.of()));
    }

    private static CollapsedParser parseStream(ArtifactInput input) throws IOException {
        CollapsedParser parser = new CollapsedParser();
        byte[] buf = new byte[BUFFER];
        int filled = 0;
        long offset = 0;
        try (InputStream in = input.openStream()) {
            while (true) {
                int r = in.read(buf, filled, buf.length - filled);
                if (r < 0) {
                    if (filled > 0) {
                        parser.parse(buf, 0, filled, offset);
                    }
                    return parser;
                }
                filled += r;
                int lastNewline = lastIndexOf(buf, filled);
                if (lastNewline < 0) {
                    if (filled == buf.length) {
                        buf = java.util.Arrays.copyOf(buf, buf.length * 2); // one very long line
                    }
                    continue;
                }
                parser.parse(buf, 0, lastNewline + 1, offset);
                int rest = filled - lastNewline - 1;
                System.arraycopy(buf, lastNewline + 1, buf, 0, rest);
                offset += lastNewline + 1;
                filled = rest;
            }
        }
    }

    private static int lastIndexOf(byte[] buf, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Splits the file into one range per core, each starting after a newline, and merges in order. */
    private static CollapsedParser parseParallel(Path path, long size) throws IOException {
        int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() * 2, (int) (size / (8L << 20))));
        long[] starts = new long[parts + 1];
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            starts[0] = 0;
            starts[parts] = size;
            ByteBuffer probe = ByteBuffer.allocate(1 << 16);
            for (int i = 1; i < parts; i++) {
                long pos = Math.max(starts[i - 1], size * i / parts);
                starts[i] = nextLineStart(ch, pos, size, probe);
            }
        }
        List<CollapsedParser> results = IntStream.range(0, parts).parallel()
                .mapToObj(i -> parseRange(path, starts[i], starts[i + 1]))
                .toList();
        CollapsedParser first = results.get(0);
        for (int i = 1; i < results.size(); i++) {
            first.merge(results.get(i));
        }
        return first;
    }

    private static long nextLineStart(FileChannel ch, long pos, long size, ByteBuffer probe) throws IOException {
        long p = pos;
        while (p < size) {
            probe.clear();
            int r = ch.read(probe, p);
            if (r <= 0) {
                return size;
            }
            for (int i = 0; i < r; i++) {
                if (probe.get(i) == '\n') {
                    return p + i + 1;
                }
            }
            p += r;
        }
        return size;
    }

    private static CollapsedParser parseRange(Path path, long from, long to) {
        CollapsedParser parser = new CollapsedParser();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            byte[] buf = new byte[(int) Math.min(BUFFER, Math.max(1024, to - from))];
            long pos = from;        // next file position to read
            long bufStart = from;   // file position of buf[0]
            int filled = 0;
            while (true) {
                int room = (int) Math.min(buf.length - filled, to - pos);
                int r = room > 0 ? ch.read(ByteBuffer.wrap(buf, filled, room), pos) : 0;
                if (r > 0) {
                    pos += r;
                    filled += r;
                }
                if (pos >= to || r < 0) {
                    parser.parse(buf, 0, filled, bufStart);
                    return parser;
                }
                int lastNewline = lastIndexOf(buf, filled);
                if (lastNewline < 0) {
                    if (filled == buf.length) {
                        buf = java.util.Arrays.copyOf(buf, buf.length * 2); // one very long line
                    }
                    continue;
                }
                parser.parse(buf, 0, lastNewline + 1, bufStart);
                int rest = filled - lastNewline - 1;
                System.arraycopy(buf, lastNewline + 1, buf, 0, rest);
                bufStart += lastNewline + 1;
                filled = rest;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void reportBadLines(ArtifactInput input, CollapsedParser parser, EvidenceSink sink) {
        List<String> where = new ArrayList<>();
        for (CollapsedParser.BadLine b : parser.firstBadLines) {
            where.add(describe(b));
        }
        sink.warning(parser.badLines + " of " + parser.lines + " lines were not collapsed stacks and were skipped ("
                + String.join("; ", where) + (parser.badLines > where.size() ? "; ..." : "") + ")");
    }

    /**
     * A differential folded file compares two profiles; flame graphs of it take their widths from
     * the second ("after") count, and so does evident: the profile is the "after" side, and the
     * totals of both sides are stated.
     */
    private static void reportDifferential(CollapsedParser parser, EvidenceSink sink) {
        long after = parser.samples;
        long before = parser.beforeSamples;
        String change = before > 0 ? String.format(java.util.Locale.ROOT, " (%+.1f%%)", (after - before) * 100.0 / before) : "";
        sink.warning("differential folded stacks (stack before after): " + parser.diffLines + " of " + parser.lines
                + " lines have two counts; analyzed the second (after) count: " + after + " samples after, " + before
                + " before" + change + (parser.diffLines * 2 < parser.lines ? "; most lines have one count, so this may be "
                + "plain collapsed text whose frames end in numbers" : ""));
    }

    private static String describe(CollapsedParser.BadLine b) {
        return "at byte " + b.offset() + ": " + b.reason() + ": \"" + b.excerpt() + "\"";
    }

    /**
     * Collapsed text does not say what was sampled. The file name usually does (async-profiler
     * users name files after the event); the content confirms it: allocation and lock profiles end
     * every stack in a class name.
     */
    static Metric guessMetric(String displayPath, CollapsedParser parser, EvidenceSink sink) {
        String name = Path.of(displayPath).getFileName().toString().toLowerCase(Locale.ROOT);
        boolean typeLeaves = parser.typeLeafWeight * 2 > parser.samples;
        MetricKind hinted = name.contains("alloc") ? MetricKind.ALLOCATION
                : name.contains("lock") ? MetricKind.LOCK
                : name.contains("wall") ? MetricKind.WALL
                : name.contains("cpu") || name.contains("itimer") || name.contains("ctimer") ? MetricKind.CPU
                : null;
        if (hinted == MetricKind.ALLOCATION) {
            return Metric.ALLOCATION_SAMPLES;
        }
        if (hinted == MetricKind.LOCK) {
            return Metric.LOCK_SAMPLES;
        }
        if (typeLeaves) {
            boolean arrays = parser.arrayTypeLeafWeight > 0;
            sink.warning("the file name does not say which event was sampled; every stack ends in a class name ("
                    + String.join(", ", parser.typeNames.stream().limit(3).toList()) + "), so this is read as "
                    + (arrays ? "an allocation profile (array types present)" : "a lock profile (no array types)")
                    + "; put 'alloc' or 'lock' in the file name to say so explicitly");
            return arrays ? Metric.ALLOCATION_SAMPLES : Metric.LOCK_SAMPLES;
        }
        if (hinted == MetricKind.WALL) {
            return Metric.WALL_SAMPLES;
        }
        if (hinted == null) {
            sink.warning("the file name does not say which event was sampled; read as CPU samples "
                    + "(put 'wall', 'alloc' or 'lock' in the name if it is something else)");
        }
        return Metric.CPU_SAMPLES;
    }
}
