package dev.evident.core.compare;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-method self and total weight of one metric, summed over the profiles of one side. A method
 * counts once per stack for its total (recursion is not counted twice); frames are grouped by
 * name, so the same method at two lines is one method. Also builds the side's call tree by names,
 * for the differential flame graph.
 */
final class MethodWeights {
    final Map<String, long[]> byMethod = new TreeMap<>(); // name -> {self, total}
    final NameTree tree = new NameTree("all");
    long total;

    void add(Profile profile, Metric metric) {
        int column = profile.column(metric);
        if (column < 0) {
            return;
        }
        CallTree t = profile.tree();
        total += profile.totalWeight(column);
        int size = t.size();
        NameTree[] nodes = new NameTree[size];
        nodes[CallTree.ROOT] = tree;
        tree.total += profile.totalWeight(column);
        for (int n = 1; n < size; n++) {
            String name = profile.frames().name(t.frame(n));
            long self = t.selfWeight(column, n);
            long inclusive = t.totalWeight(column, n);
            NameTree node = nodes[t.parent(n)].child(name);
            node.total += inclusive;
            node.self += self;
            nodes[n] = node;
            if (inclusive == 0) {
                continue;
            }
            long[] w = byMethod.computeIfAbsent(name, k -> new long[2]);
            w[0] += self;
            if (!onPathAbove(profile, t, n, name)) {
                w[1] += inclusive;
            }
        }
    }

    private static boolean onPathAbove(Profile profile, CallTree t, int node, String name) {
        for (int p = t.parent(node); p > 0; p = t.parent(p)) {
            if (profile.frames().name(t.frame(p)).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A call tree keyed by frame names, merged over profiles. */
    static final class NameTree {
        final String name;
        long total;
        long self;
        final Map<String, NameTree> children = new HashMap<>();

        NameTree(String name) {
            this.name = name;
        }

        NameTree child(String childName) {
            return children.computeIfAbsent(childName, NameTree::new);
        }
    }
}
