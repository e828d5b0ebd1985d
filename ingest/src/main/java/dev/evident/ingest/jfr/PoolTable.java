package dev.evident.ingest.jfr;

import dev.evident.core.util.LongIntHashMap;

import java.util.Arrays;

/**
 * One constant pool's entries as rows of {@code long} columns, found by id: a pool holds tens of
 * thousands of entries, and primitive rows cost no object each.
 */
final class PoolTable {
    private final LongIntHashMap rows = new LongIntHashMap(64);
    private final int width;
    private long[] cells;
    private int size;

    PoolTable(int width) {
        this.width = width;
        this.cells = new long[16 * width];
    }

    /** Forgets every entry but keeps the memory, for the next chunk's pool. */
    void clear() {
        rows.clear();
        size = 0;
    }

    /** The row of an id, -1 when the pool has no entry of that id. */
    int row(long id) {
        return rows.get(id, -1);
    }

    /**
     * The row to fill for an entry: a new one, or the existing one when the id repeats, so that the
     * entry read last wins (as in async-profiler's reader, which evident's output has to match).
     */
    int put(long id) {
        int row = rows.get(id, -1);
        if (row >= 0) {
            return row;
        }
        row = size++;
        if (size * width > cells.length) {
            cells = Arrays.copyOf(cells, cells.length * 2);
        }
        rows.put(id, row);
        return row;
    }

    long get(int row, int column) {
        return cells[row * width + column];
    }

    void set(int row, int column, long value) {
        cells[row * width + column] = value;
    }
}
