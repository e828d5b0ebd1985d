package dev.evident.ingest.collapsed;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps frame names, as raw bytes, to frame ids without creating a String per frame: a string is
 * decoded only the first time a name is seen. This keeps collapsed parsing at memory speed, since
 * a large file repeats the same few thousand names millions of times.
 */
final class FrameNameCache {
    private int[] slots = new int[4096];      // entry index + 1, 0 = empty
    private int[] hashes = new int[2048];
    private int[] offsets = new int[2048];
    private int[] lengths = new int[2048];
    private int[] ids = new int[2048];
    private byte[] arena = new byte[1 << 16];
    private int arenaSize;
    private int size;

    interface Resolver {
        int resolve(String name);
    }

    static int hash(byte[] bytes, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    int lookup(byte[] bytes, int from, int to, int hash, Resolver resolver) {
        int mask = slots.length - 1;
        int length = to - from;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == 0) {
                int id = resolver.resolve(new String(bytes, from, length, StandardCharsets.UTF_8));
                add(i, bytes, from, length, hash, id);
                return id;
            }
            int e = slot - 1;
            if (hashes[e] == hash && lengths[e] == length
                    && Arrays.equals(arena, offsets[e], offsets[e] + length, bytes, from, to)) {
                return ids[e];
            }
        }
    }

    private void add(int slotIndex, byte[] bytes, int from, int length, int hash, int id) {
        if (size == ids.length) {
            int n = size * 2;
            hashes = Arrays.copyOf(hashes, n);
            offsets = Arrays.copyOf(offsets, n);
            lengths = Arrays.copyOf(lengths, n);
            ids = Arrays.copyOf(ids, n);
        }
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length));
        }
        System.arraycopy(bytes, from, arena, arenaSize, length);
        hashes[size] = hash;
        offsets[size] = arenaSize;
        lengths[size] = length;
        ids[size] = id;
        arenaSize += length;
        slots[slotIndex] = ++size;
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
