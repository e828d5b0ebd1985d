package dev.evident.core.report;

import dev.evident.core.detect.profile.MetricText;
import dev.evident.core.model.CallTree;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.FrameTable;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the drawable call trees of every profile metric. */
final class FlameGraphs {
    /** Nodes under this share of the metric's total are left out of the drawing... */
    static final double MIN_SHARE = 0.0005;
    /** ...and the share is raised until at most this many nodes remain, so big profiles stay drawable. */
    static final int MAX_NODES = 8000;

    private FlameGraphs() {
    }

    /** CPU graphs first (what most readers open first), then wall clock, allocation, ...; by source within. */
    static List<FlameGraph> of(EvidenceSet evidence) {
        List<Profile> profiles = new ArrayList<>(evidence.profiles());
        profiles.sort(java.util.Comparator.comparing(Profile::source));
        List<FlameGraph> graphs = new ArrayList<>();
        for (MetricKind kind : MetricKind.values()) {
            for (Profile p : profiles) {
                for (int c = 0; c < p.metrics().size(); c++) {
                    if (p.metrics().get(c).kind() == kind && p.totalWeight(c) > 0) {
                        graphs.add(of(p, c));
                    }
                }
            }
        }
        return graphs;
    }

    static FlameGraph of(Profile profile, int column) {
        Merged merged = Merged.of(profile, column);
        long rootTotal = merged.totals[0];
        double minShare = MIN_SHARE;
        boolean[] keep = merged.keep((long) Math.ceil(rootTotal * minShare));
        while (count(keep) > MAX_NODES) {
            minShare *= 2;
            keep = merged.keep((long) Math.ceil(rootTotal * minShare));
        }
        int kept = count(keep);
        int[] newIndex = new int[merged.size];
        String[] names = new String[kept];
        String[] kinds = new String[kept];
        int[] parents = new int[kept];
        long[] totals = new long[kept];
        long[] selfs = new long[kept];
        int k = 0;
        for (int n = 0; n < merged.size; n++) {
            if (keep[n]) {
                newIndex[n] = k;
                names[k] = merged.names[n];
                kinds[k] = merged.kinds[n];
                parents[k] = n == 0 ? -1 : newIndex[merged.parents[n]];
                totals[k] = merged.totals[n];
                selfs[k] = merged.selfs[n];
                k++;
            }
        }
        var metric = profile.metrics().get(column);
        return new FlameGraph(profile.source(), MetricText.weight(metric), metric.unit().symbol(), names, kinds, parents,
                totals, selfs, merged.size - kept, minShare);
    }

    private static int count(boolean[] keep) {
        int n = 0;
        for (boolean b : keep) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The call tree with same-named siblings merged (a method's lines become one node). */
    private static final class Merged {
        int size;
        String[] names;
        String[] kinds;
        int[] parents;
        long[] totals;
        long[] selfs;

        static Merged of(Profile profile, int column) {
            CallTree tree = profile.tree();
            FrameTable frames = profile.frames();
            Merged m = new Merged();
            int capacity = Math.max(16, tree.size());
            m.names = new String[capacity];
            m.kinds = new String[capacity];
            m.parents = new int[capacity];
            m.selfs = new long[capacity];
            m.names[0] = "all";
            m.kinds[0] = "root";
            m.parents[0] = -1;
            m.size = 1;
            int[] mergedOf = new int[tree.size()];
            Map<Long, Integer> childByName = new HashMap<>();
            Map<String, Integer> nameIds = new HashMap<>();
            for (int n = 1; n < tree.size(); n++) {
                if (tree.totalWeight(column, n) <= 0) {
                    mergedOf[n] = -1;
                    continue;
                }
                int parent = mergedOf[tree.parent(n)];
                if (parent < 0) {
                    mergedOf[n] = -1; // cannot happen: a parent weighs at least its children
                    continue;
                }
                String name = frames.name(tree.frame(n));
                int nameId = nameIds.computeIfAbsent(name, x -> nameIds.size());
                long key = ((long) parent << 32) | nameId;
                Integer existing = childByName.get(key);
                int target;
                if (existing != null) {
                    target = existing;
                } else {
                    target = m.size++;
                    m.names[target] = name;
                    m.kinds[target] = frames.kind(tree.frame(n)).name().toLowerCase(Locale.ROOT);
                    m.parents[target] = parent;
                    childByName.put(key, target);
                }
                mergedOf[n] = target;
                m.selfs[target] += tree.selfWeight(column, n);
            }
            m.selfs[0] = tree.selfWeight(column, CallTree.ROOT);
            m.totals = Arrays.copyOf(m.selfs, m.size);
            for (int n = m.size - 1; n > 0; n--) {
                m.totals[m.parents[n]] += m.totals[n];
            }
            return m;
        }

        /** Nodes whose total reaches the minimum (their parents always do too). */
        boolean[] keep(long minimum) {
            boolean[] keep = new boolean[size];
            keep[0] = true;
            for (int n = 1; n < size; n++) {
                keep[n] = totals[n] >= minimum && keep[parents[n]];
            }
            return keep;
        }
    }
}
