package dev.evident.core.compare;

import dev.evident.core.detect.latency.LatencyThresholds;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;
import dev.evident.core.stats.TwoProportion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares the profiles of two sides per metric. Weights are normalized to shares of each side's
 * total, so a longer recording does not look slower; a method's change of self share says how much
 * of the change in composition it explains. For sample metrics the two-proportion test uses the
 * sample counts; for weighted metrics (bytes, nanoseconds) it uses the weights as if they were
 * counts, which overstates significance, so the report marks those p-values as indicative.
 */
public final class ProfileComparer {
    private ProfileComparer() {
    }

    public static List<ProfileComparison> compare(EvidenceSet before, EvidenceSet after) {
        TreeSet<String> metricIds = new TreeSet<>();
        List<Metric> metrics = new ArrayList<>();
        for (Profile p : before.profiles()) {
            for (Metric m : p.metrics()) {
                if (after.profiles().stream().anyMatch(q -> q.metrics().contains(m)) && metricIds.add(m.id())) {
                    metrics.add(m);
                }
            }
        }
        metrics.sort(Comparator.comparing(Metric::id));
        List<ProfileComparison> out = new ArrayList<>();
        for (Metric m : metrics) {
            MethodWeights b = weights(before, m);
            MethodWeights a = weights(after, m);
            if (b.total <= 0 || a.total <= 0) {
                continue;
            }
            out.add(new ProfileComparison(m.id(), b.total, a.total, m.unit().symbol(), deltas(b, a),
                    diff(b.tree, a.tree, b.total, a.total)));
        }
        return out;
    }

    private static MethodWeights weights(EvidenceSet side, Metric m) {
        MethodWeights w = new MethodWeights();
        for (Profile p : side.profiles()) {
            w.add(p, m);
        }
        return w;
    }

    private static List<MethodDelta> deltas(MethodWeights b, MethodWeights a) {
        TreeSet<String> names = new TreeSet<>(b.byMethod.keySet());
        names.addAll(a.byMethod.keySet());
        List<MethodDelta> out = new ArrayList<>();
        double min = LatencyThresholds.PROFILE_MIN_DELTA.value();
        for (String name : names) {
            long[] wb = b.byMethod.getOrDefault(name, new long[2]);
            long[] wa = a.byMethod.getOrDefault(name, new long[2]);
            TwoProportion self = TwoProportion.test(wb[0], b.total, wa[0], a.total);
            TwoProportion total = TwoProportion.test(wb[1], b.total, wa[1], a.total);
            MethodDelta d = new MethodDelta(name, self.before(), self.after(), total.before(), total.after(), self.p(),
                    total.p());
            if (Math.abs(d.selfDelta()) >= min || Math.abs(d.totalDelta()) >= min) {
                out.add(d);
            }
        }
        out.sort(Comparator.comparingDouble((MethodDelta d) -> -Math.abs(d.selfDelta()))
                .thenComparingDouble(d -> -Math.abs(d.totalDelta())).thenComparing(MethodDelta::method));
        return out;
    }

    private static DiffNode diff(MethodWeights.NameTree b, MethodWeights.NameTree a, long totalB, long totalA) {
        double min = LatencyThresholds.FLAME_MIN_SHARE.value();
        TreeSet<String> names = new TreeSet<>();
        if (b != null) {
            names.addAll(b.children.keySet());
        }
        if (a != null) {
            names.addAll(a.children.keySet());
        }
        List<DiffNode> children = new ArrayList<>();
        for (String name : names) {
            MethodWeights.NameTree cb = b == null ? null : b.children.get(name);
            MethodWeights.NameTree ca = a == null ? null : a.children.get(name);
            double sb = cb == null ? 0 : (double) cb.total / totalB;
            double sa = ca == null ? 0 : (double) ca.total / totalA;
            if (Math.max(sb, sa) >= min) {
                children.add(diff(cb, ca, totalB, totalA));
            }
        }
        children.sort(Comparator.comparingDouble((DiffNode n) -> -Math.max(n.before(), n.after())).thenComparing(DiffNode::name));
        String name = b != null ? b.name : a.name;
        return new DiffNode(name, b == null ? 0 : (double) b.total / totalB, a == null ? 0 : (double) a.total / totalA,
                b == null ? 0 : (double) b.self / totalB, a == null ? 0 : (double) a.self / totalA, children);
    }
}
