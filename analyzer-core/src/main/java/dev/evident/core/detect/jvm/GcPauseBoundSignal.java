package dev.evident.core.detect.jvm;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.bound.Bound;
import dev.evident.core.detect.bound.BoundShare;
import dev.evident.core.detect.bound.BoundSignal;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.Quantity;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.List;

/** The share of time the garbage collector stopped the application. */
public final class GcPauseBoundSignal implements BoundSignal {

    @Override
    public String id() {
        return "jvm-gc-pauses";
    }

    @Override
    public List<BoundShare> measure(EvidenceSet evidence, AnalysisContext context) {
        List<BoundShare> out = new ArrayList<>();
        for (JvmTimeline t : evidence.timelines()) {
            double seconds = JvmEvidence.seconds(t);
            if (!t.gcRecorded() || seconds <= 0) {
                continue;
            }
            double ratio = t.totalPauseNanos() / (seconds * 1e9);
            Evidence fact = new Evidence(null, "bound-gc|" + t.source(), "bound-gc", "GC pauses in " + t.source() + ": "
                    + Fmt.duration(t.totalPauseNanos()) + " of " + Fmt.decimal(seconds, 1) + " s (" + Fmt.percent(ratio) + ")",
                    List.of(Quantity.of("gc_pause_ratio", ratio * 100, "%"), Quantity.of("collections", t.gcPauses().size(),
                            "collections")), t.source(), "gc");
            out.add(new BoundShare(Bound.GC, ratio, t.gcPauses().size(), fact));
        }
        return out;
    }
}
