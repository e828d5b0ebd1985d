package dev.evident.ingest.pprof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns the label sets of samples while decoding, before the string table is known: a set is
 * its sorted (key, str, num, num_unit) tuples of string indexes and numbers. Set 0 is "no labels".
 * At most {@link #MAX_SETS} distinct sets are kept; a label like a request id would otherwise
 * make one set per sample.
 */
final class LabelSets {
    static final int MAX_SETS = 10_000;

    private final Map<Key, Integer> ids = new HashMap<>();
    final List<long[]> sets = new ArrayList<>();
    long overflowSamples;
    private final Key probe = new Key(null);

    LabelSets() {
        sets.add(new long[0]);
    }

    /** Id of the set in {@code tuples[0, 4 * n)}, sorted in place; 0 when over the cap. */
    int intern(long[] tuples, int n) {
        sortTuples(tuples, n);
        probe.tuples = tuples;
        probe.length = n * 4;
        probe.hash = hash(tuples, n * 4);
        Integer id = ids.get(probe);
        if (id != null) {
            return id;
        }
        if (sets.size() > MAX_SETS) {
            overflowSamples++;
            return 0;
        }
        long[] copy = Arrays.copyOf(tuples, n * 4);
        Key key = new Key(copy);
        ids.put(key, sets.size());
        sets.add(copy);
        return sets.size() - 1;
    }

    private static void sortTuples(long[] t, int n) {
        for (int i = 1; i < n; i++) { // insertion sort: label sets are small
            for (int j = i; j > 0 && compare(t, j - 1, j) > 0; j--) {
                for (int k = 0; k < 4; k++) {
                    long x = t[(j - 1) * 4 + k];
                    t[(j - 1) * 4 + k] = t[j * 4 + k];
                    t[j * 4 + k] = x;
                }
            }
        }
    }

    private static int compare(long[] t, int a, int b) {
        for (int k = 0; k < 4; k++) {
            int c = Long.compare(t[a * 4 + k], t[b * 4 + k]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int hash(long[] t, int length) {
        int h = 1;
        for (int i = 0; i < length; i++) {
            h = 31 * h + Long.hashCode(t[i]);
        }
        return h;
    }

    private static final class Key {
        long[] tuples;
        int length;
        int hash;

        Key(long[] tuples) {
            this.tuples = tuples;
            if (tuples != null) {
                this.length = tuples.length;
                this.hash = LabelSets.hash(tuples, tuples.length);
            }
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.length == length && Arrays.equals(tuples, 0, length, k.tuples, 0, k.length);
        }
    }
}
