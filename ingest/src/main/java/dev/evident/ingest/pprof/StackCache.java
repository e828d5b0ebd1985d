package dev.evident.ingest.pprof;

import java.util.Arrays;

/**
 * Remembers which tree node a whole stack (its location ids, leaf first) ended in, so a stack seen
 * again (the same stack under another label set, or a profile whose writer did not merge samples)
 * costs one hash of its ids instead of one tree lookup per frame. Bounded: once
 * {@link #MAX_IDS} ids are stored, new stacks are no longer remembered.
 */
final class StackCache {
    static final int MAX_IDS = 16 << 20;

    private int[] slots = new int[1 << 14];   // entry + 1, 0 = empty
    private int[] hashes = new int[1 << 13];
    private int[] starts = new int[1 << 13];
    private int[] lengths = new int[1 << 13];
    private int[] nodes = new int[1 << 13];
    private long[] ids = new long[1 << 16];
    private int used;
    private int size;

    static int hash(long[] stack, int n) {
        long h = n;
        for (int i = 0; i < n; i++) {
            h = (h ^ stack[i]) * 0x9E3779B97F4A7C15L;
        }
        return (int) (h ^ (h >>> 32));
    }

    /** The node the stack ended in, or -1. */
    int get(long[] stack, int n, int hash) {
        int mask = slots.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            int e = s - 1;
            if (hashes[e] == hash && lengths[e] == n && Arrays.equals(ids, starts[e], starts[e] + n, stack, 0, n)) {
                return nodes[e];
            }
        }
    }

    void put(long[] stack, int n, int hash, int node) {
        if (used + n > MAX_IDS) {
            return;
        }
        if (size == nodes.length) {
            int m = size * 2;
            hashes = Arrays.copyOf(hashes, m);
            starts = Arrays.copyOf(starts, m);
            lengths = Arrays.copyOf(lengths, m);
            nodes = Arrays.copyOf(nodes, m);
        }
        if (used + n > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, used + n));
        }
        System.arraycopy(stack, 0, ids, used, n);
        hashes[size] = hash;
        starts[size] = used;
        lengths[size] = n;
        nodes[size] = node;
        used += n;
        int mask = slots.length - 1;
        int i = hash & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = ++size;
        if (size * 2 > slots.length) {
            rehash();
        }
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int e = 0; e < size; e++) {
            int i = hashes[e] & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = e + 1;
        }
    }
}
