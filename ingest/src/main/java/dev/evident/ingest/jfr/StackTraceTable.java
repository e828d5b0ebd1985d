package dev.evident.ingest.jfr;

import java.util.Arrays;

/**
 * One chunk's stack traces, every frame in three flat arrays: a stack is a run of frames, the leaf
 * first. The JDK's stacks are 64 frames deep by default and a chunk holds thousands of them.
 */
final class StackTraceTable {
    private static final int FIRST = 0;
    private static final int COUNT = 1;

    private final PoolTable stacks = new PoolTable(2);
    private long[] methods = new long[1024];
    private int[] lines = new int[1024];
    private byte[] types = new byte[1024];
    private int frames;

    /** Forgets every stack but keeps the memory, for the next chunk's pool. */
    void clear() {
        stacks.clear();
        frames = 0;
    }

    /** Starts a stack of {@code count} frames; returns the index of its first frame, to {@link #set} them. */
    int add(long id, int count) {
        int row = stacks.put(id);
        int first = frames;
        frames += count;
        if (frames > methods.length) {
            int capacity = Math.max(frames, methods.length * 2);
            methods = Arrays.copyOf(methods, capacity);
            lines = Arrays.copyOf(lines, capacity);
            types = Arrays.copyOf(types, capacity);
        }
        stacks.set(row, FIRST, first);
        stacks.set(row, COUNT, count);
        return first;
    }

    void set(int frame, long method, int line, byte type) {
        methods[frame] = method;
        lines[frame] = line;
        types[frame] = type;
    }

    /** The row of a stack trace id, -1 when the chunk has no such stack. */
    int row(long id) {
        return stacks.row(id);
    }

    int first(int row) {
        return (int) stacks.get(row, FIRST);
    }

    int count(int row) {
        return (int) stacks.get(row, COUNT);
    }

    long method(int frame) {
        return methods[frame];
    }

    int line(int frame) {
        return lines[frame];
    }

    byte type(int frame) {
        return types[frame];
    }
}
