package dev.evident.ingest.collapsed;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.FrameTable;
import dev.evident.core.model.ThreadBreakdown;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Parses collapsed stacks ({@code frame;frame;...;leaf count}) from bytes into one call tree.
 * Works on raw bytes: frame names are hashed and interned without creating strings, so the cost
 * per line is a scan plus one hash lookup per frame. One parser per thread; results merge.
 */
final class CollapsedParser {
    static final int MAX_BAD_LINES_KEPT = 5;
    static final int MAX_TYPE_NAMES_KEPT = 64;

    final FrameTable frames = new FrameTable();
    final CallTree tree = new CallTree(1);
    ThreadBreakdown threads;

    long lines;
    long samples;
    long badLines;
    /** Lines with two counts (differential folded) and the sum of their first ("before") count. */
    long diffLines;
    long beforeSamples;
    final List<BadLine> firstBadLines = new ArrayList<>();
    long typeLeafWeight;
    long arrayTypeLeafWeight;
    final TreeSet<String> typeNames = new TreeSet<>();

    private final FrameNameCache cache = new FrameNameCache();

    // the previous line's stack bytes and, per ';'-separated segment, where it ends and the state after it
    private byte[] prevStack = new byte[1024];
    private int prevLength;
    private int prevSegments;
    private int[] segEnd = new int[128];
    private int[] segNode = new int[128];
    private int[] segThread = new int[128];
    private int[] segLeaf = new int[128];
    private boolean[] segFirst = new boolean[128];
    private final FrameNameCache.Resolver resolver = this::intern;

    /** A line that could not be parsed: its byte offset in the file and why. */
    record BadLine(long offset, String reason, String excerpt) {
    }

    /**
     * Parses the complete lines in {@code buf[from, to)}. A final line without a newline is parsed
     * too, so callers pass only whole lines. {@code fileOffset} is the file position of
     * {@code buf[from]}, used to locate bad lines.
     */
    void parse(byte[] buf, int from, int to, long fileOffset) {
        int lineStart = from;
        while (lineStart < to) {
            int lineEnd = indexOf(buf, (byte) '\n', lineStart, to);
            int contentEnd = lineEnd;
            if (contentEnd > lineStart && buf[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            parseLine(buf, lineStart, contentEnd, fileOffset + (lineStart - from));
            lineStart = lineEnd + 1;
        }
    }

    private static int indexOf(byte[] buf, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return to;
    }

    private void parseLine(byte[] buf, int start, int end, long offset) {
        if (start == end || buf[start] == '#') {
            return; // blank lines and comments carry no samples
        }
        lines++;
        int space = end - 1;
        while (space >= start && buf[space] != ' ' && buf[space] != '\t') {
            space--;
        }
        if (space < start || space == end - 1) {
            bad(offset, "expected 'frame;frame;... count' but found no count at the end", buf, start, end);
            return;
        }
        long count = 0;
        for (int i = space + 1; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9 || i - space > 18) {
                bad(offset, "the last field is not a whole number", buf, start, end);
                return;
            }
            count = count * 10 + d;
        }
        int stackEnd = space;
        while (stackEnd > start && (buf[stackEnd - 1] == ' ' || buf[stackEnd - 1] == '\t')) {
            stackEnd--;
        }
        // differential folded ("stack before after", FlameGraph's difffolded.pl, inferno-diff-folded):
        // the second-to-last field is a number too; the stack's weight is the "after" count
        int digits = stackEnd;
        while (digits > start && buf[digits - 1] >= '0' && buf[digits - 1] <= '9' && stackEnd - digits < 18) {
            digits--;
        }
        if (digits < stackEnd && digits > start && (buf[digits - 1] == ' ' || buf[digits - 1] == '\t')) {
            long before = 0;
            for (int i = digits; i < stackEnd; i++) {
                before = before * 10 + (buf[i] - '0');
            }
            diffLines++;
            beforeSamples += before;
            stackEnd = digits - 1;
            while (stackEnd > start && (buf[stackEnd - 1] == ' ' || buf[stackEnd - 1] == '\t')) {
                stackEnd--;
            }
        }
        if (stackEnd == start) {
            bad(offset, "the line has a count but no frames", buf, start, end);
            return;
        }
        // Collapsed files are usually sorted, so a line tends to repeat most of the previous line's
        // frames: the segments inside the common byte prefix keep the previous line's tree nodes.
        int length = stackEnd - start;
        int common = 0;
        int limit = Math.min(length, prevLength);
        while (common < limit && buf[start + common] == prevStack[common]) {
            common++;
        }
        int reused = -1;
        while (reused + 1 < prevSegments && (segEnd[reused + 1] < common
                || segEnd[reused + 1] == common && common == length && common == prevLength)) {
            reused++;
        }
        int node = reused >= 0 ? segNode[reused] : CallTree.ROOT;
        int thread = reused >= 0 ? segThread[reused] : -1;
        int leafFrame = reused >= 0 ? segLeaf[reused] : -1;
        boolean firstFrame = reused < 0 || segFirst[reused];
        int segments = reused + 1;
        int frameStart = reused >= 0 ? start + segEnd[reused] + 1 : start;
        while (frameStart <= stackEnd) {
            int frameEnd = indexOf(buf, (byte) ';', frameStart, stackEnd);
            if (frameEnd > frameStart) {
                if (firstFrame && isThreadFrame(buf, frameStart, frameEnd)) {
                    thread = thread(buf, frameStart, frameEnd);
                } else {
                    int id = cache.lookup(buf, frameStart, frameEnd, FrameNameCache.hash(buf, frameStart, frameEnd), resolver);
                    node = tree.child(node, id);
                    leafFrame = id;
                }
                firstFrame = false;
            }
            remember(segments++, frameEnd - start, node, thread, leafFrame, firstFrame);
            frameStart = frameEnd + 1;
        }
        prevSegments = segments;
        if (prevStack.length < length) {
            prevStack = java.util.Arrays.copyOf(prevStack, Math.max(length, prevStack.length * 2));
        }
        System.arraycopy(buf, start, prevStack, 0, length);
        prevLength = length;
        if (node == CallTree.ROOT) {
            bad(offset, thread >= 0 ? "the line has no frames besides a thread name" : "the line has a count but no frames",
                    buf, start, end);
            return;
        }
        tree.addSelf(node, 0, count, count);
        samples += count;
        if (thread >= 0) {
            threads.add(thread, 0, count, count);
        }
        if (frames.kind(leafFrame) == FrameKind.TYPE) {
            typeLeafWeight += count;
            String type = frames.name(leafFrame);
            if (type.endsWith("[]")) {
                arrayTypeLeafWeight += count;
            }
            if (typeNames.size() < MAX_TYPE_NAMES_KEPT) {
                typeNames.add(type);
            }
        }
    }

    private void remember(int segment, int end, int node, int thread, int leaf, boolean first) {
        if (segment == segEnd.length) {
            int n = segment * 2;
            segEnd = java.util.Arrays.copyOf(segEnd, n);
            segNode = java.util.Arrays.copyOf(segNode, n);
            segThread = java.util.Arrays.copyOf(segThread, n);
            segLeaf = java.util.Arrays.copyOf(segLeaf, n);
            segFirst = java.util.Arrays.copyOf(segFirst, n);
        }
        segEnd[segment] = end;
        segNode[segment] = node;
        segThread[segment] = thread;
        segLeaf[segment] = leaf;
        segFirst[segment] = first;
    }

    /** async-profiler's {@code --threads} puts {@code [name tid=123]} first. */
    private static boolean isThreadFrame(byte[] buf, int from, int to) {
        if (to - from < 3 || buf[from] != '[' || buf[to - 1] != ']') {
            return false;
        }
        for (int i = to - 2; i > from; i--) {
            if (buf[i] == '=') {
                return i >= from + 4 && buf[i - 1] == 'd' && buf[i - 2] == 'i' && buf[i - 3] == 't';
            }
            if (buf[i] < '0' || buf[i] > '9') {
                return false;
            }
        }
        return false;
    }

    private int thread(byte[] buf, int from, int to) {
        if (threads == null) {
            threads = new ThreadBreakdown(1);
        }
        int tidStart = to - 2;
        while (buf[tidStart] != '=') {
            tidStart--;
        }
        int nameEnd = tidStart - 3; // before "tid="
        while (nameEnd > from + 1 && buf[nameEnd - 1] == ' ') {
            nameEnd--;
        }
        return threads.thread(new String(buf, from + 1, Math.max(0, nameEnd - from - 1), StandardCharsets.UTF_8));
    }

    private int intern(String raw) {
        FrameNames.Parsed parsed = FrameNames.parse(raw);
        return frames.intern(parsed.name(), parsed.kind(), parsed.line(), parsed.file());
    }

    private void bad(long offset, String reason, byte[] buf, int start, int end) {
        badLines++;
        if (firstBadLines.size() < MAX_BAD_LINES_KEPT) {
            String excerpt = new String(buf, start, Math.min(end - start, 60), StandardCharsets.UTF_8);
            firstBadLines.add(new BadLine(offset, reason, excerpt));
        }
    }

    /** Folds another parser's results (from another part of the same file) into this one. */
    void merge(CollapsedParser other) {
        int[] frameMap = frames.absorb(other.frames);
        tree.merge(other.tree, frameMap, new int[] {0});
        if (other.threads != null) {
            if (threads == null) {
                threads = new ThreadBreakdown(1);
            }
            threads.merge(other.threads, new int[] {0});
        }
        lines += other.lines;
        samples += other.samples;
        badLines += other.badLines;
        diffLines += other.diffLines;
        beforeSamples += other.beforeSamples;
        for (BadLine b : other.firstBadLines) {
            if (firstBadLines.size() < MAX_BAD_LINES_KEPT) {
                firstBadLines.add(b);
            }
        }
        typeLeafWeight += other.typeLeafWeight;
        arrayTypeLeafWeight += other.arrayTypeLeafWeight;
        for (String t : other.typeNames) {
            if (typeNames.size() < MAX_TYPE_NAMES_KEPT) {
                typeNames.add(t);
            }
        }
    }
}
