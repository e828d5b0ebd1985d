package dev.evident.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-thread totals of every column of a profile. */
public final class ThreadBreakdown {
    private final int columns;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<long[]> weights = new ArrayList<>();
    private final List<long[]> counts = new ArrayList<>();

    public ThreadBreakdown(int columns) {
        this.columns = columns;
    }

    /** Returns a stable small id for a thread name, to be passed to {@link #add}. */
    public int thread(String name) {
        Integer id = index.get(name);
        if (id == null) {
            id = names.size();
            index.put(name, id);
            names.add(name);
            weights.add(new long[columns]);
            counts.add(new long[columns]);
        }
        return id;
    }

    public void add(int thread, int column, long weight, long count) {
        weights.get(thread)[column] += weight;
        counts.get(thread)[column] += count;
    }

    public void merge(ThreadBreakdown other, int[] columnMap) {
        for (int t = 0; t < other.names.size(); t++) {
            int mine = thread(other.names.get(t));
            for (int c = 0; c < other.columns; c++) {
                add(mine, columnMap[c], other.weights.get(t)[c], other.counts.get(t)[c]);
            }
        }
    }

    public int size() {
        return names.size();
    }

    public String name(int thread) {
        return names.get(thread);
    }

    public long weight(int thread, int column) {
        return weights.get(thread)[column];
    }

    public long count(int thread, int column) {
        return counts.get(thread)[column];
    }

    /** Keeps only the given columns, in the given order. */
    public ThreadBreakdown retain(int[] keptColumns) {
        ThreadBreakdown out = new ThreadBreakdown(keptColumns.length);
        for (int t = 0; t < names.size(); t++) {
            int id = out.thread(names.get(t));
            for (int i = 0; i < keptColumns.length; i++) {
                out.add(id, i, weights.get(t)[keptColumns[i]], counts.get(t)[keptColumns[i]]);
            }
        }
        return out;
    }
}
