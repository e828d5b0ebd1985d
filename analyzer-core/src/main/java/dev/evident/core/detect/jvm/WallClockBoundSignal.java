package dev.evident.core.detect.jvm;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.bound.Bound;
import dev.evident.core.detect.bound.BoundShare;
import dev.evident.core.detect.bound.BoundSignal;
import dev.evident.core.detect.profile.CallSite;
import dev.evident.core.model.CallTree;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.FrameTable;
import dev.evident.core.model.Metric;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Profile;
import dev.evident.core.model.Quantity;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the threads' wall-clock time goes, from a wall-clock profile: every sample of a working (not
 * idle) thread is on CPU, waiting for a lock, waiting for I/O, or waiting for a database call,
 * judged by the innermost waiting frame on its stack.
 */
public final class WallClockBoundSignal implements BoundSignal {

    @Override
    public String id() {
        return "jvm-wall-clock";
    }

    @Override
    public List<BoundShare> measure(EvidenceSet evidence, AnalysisContext context) {
        List<BoundShare> out = new ArrayList<>();
        for (Profile p : evidence.profiles()) {
            int column = p.column(Metric.WALL_SAMPLES);
            if (column < 0) {
                continue;
            }
            Map<Bound, long[]> byBound = classify(p, column, context);
            long total = byBound.values().stream().mapToLong(v -> v[0]).sum();
            long events = byBound.values().stream().mapToLong(v -> v[1]).sum();
            if (total <= 0) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            List<Quantity> values = new ArrayList<>();
            for (var e : byBound.entrySet()) {
                double share = (double) e.getValue()[0] / total;
                parts.add(e.getKey().name().toLowerCase(java.util.Locale.ROOT) + " " + Fmt.percent(share));
                values.add(Quantity.of(e.getKey().name().toLowerCase(java.util.Locale.ROOT), share * 100, "%"));
            }
            values.add(Quantity.of("samples", total, "samples"));
            var fact = new dev.evident.core.model.Evidence(null, "bound-wall|" + p.source(), "bound-wall",
                    "Working threads' wall-clock samples in " + p.source() + " (" + Fmt.count(total)
                            + " samples, idle waiting excluded): " + String.join(", ", parts), values, p.source(), "wall");
            for (var e : byBound.entrySet()) {
                out.add(new BoundShare(e.getKey(), (double) e.getValue()[0] / total, events, fact));
            }
        }
        return out;
    }

    /** Weight and count per bound of the non-idle wall-clock samples. */
    static Map<Bound, long[]> classify(Profile p, int column, AnalysisContext context) {
        CallTree tree = p.tree();
        FrameTable frames = p.frames();
        var attribution = context.attribution(p, column);
        boolean anyIdle = attribution.sites().stream().anyMatch(CallSite::idle);
        boolean[] idle = anyIdle ? idleNodes(p, context) : new boolean[tree.size()];
        Map<Bound, long[]> byBound = new EnumMap<>(Bound.class);
        for (int n = 1; n < tree.size(); n++) {
            long w = tree.selfWeight(column, n);
            if (w == 0 || idle[n]) {
                continue;
            }
            Bound bound = Bound.CPU;
            boolean waitingIo = false;
            for (int a = n; a > 0; a = tree.parent(a)) {
                String name = frames.name(tree.frame(a));
                if (WaitFrames.lock(name)) {
                    bound = Bound.LOCK;
                    break;
                }
                if (!waitingIo && WaitFrames.io(name)) {
                    waitingIo = true;
                    bound = Bound.IO;
                }
                if (waitingIo && WaitFrames.databaseDriver(name)) {
                    bound = Bound.DATABASE;
                    break;
                }
            }
            long[] v = byBound.computeIfAbsent(bound, b -> new long[2]);
            v[0] += w;
            v[1] += tree.selfCount(column, n);
        }
        return byBound;
    }

    private static boolean[] idleNodes(Profile p, AnalysisContext context) {
        return dev.evident.core.detect.profile.IdleNodes.of(p, context.classifier(p));
    }
}
