package dev.evident.core.detect.jvm;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.model.Category;
import dev.evident.core.model.Deoptimization;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.JavaFrameNames;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.Quantity;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The JIT repeatedly throwing away compiled code: a deoptimization storm and the methods in it. */
public final class DeoptimizationDetector implements Detector {

    @Override
    public String id() {
        return "deoptimization";
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> out = new ArrayList<>();
        for (JvmTimeline t : evidence.timelines()) {
            double seconds = JvmEvidence.seconds(t);
            if (t.deoptimizations().isEmpty() || seconds <= 0) {
                continue;
            }
            double rate = t.deoptimizations().size() / seconds;
            int score = JvmThresholds.DEOPT_RATE.scoreInt(rate);
            if (score < 10) {
                continue;
            }
            Map<String, Integer> byMethod = new HashMap<>();
            Map<String, Integer> byReason = new HashMap<>();
            for (Deoptimization d : t.deoptimizations()) {
                byMethod.merge(d.method(), 1, Integer::sum);
                byReason.merge(d.reason(), 1, Integer::sum);
            }
            Map.Entry<String, Integer> topMethod = top(byMethod);
            Map.Entry<String, Integer> topReason = top(byReason);
            String statement = t.deoptimizations().size() + " deoptimizations in " + Fmt.decimal(seconds, 1) + " s ("
                    + Fmt.decimal(rate, 1) + " per second); most in " + topMethod.getKey() + " (" + topMethod.getValue()
                    + "), most common reason " + topReason.getKey() + " (" + topReason.getValue() + ")";
            var fact = JvmEvidence.fact("deoptimization", t, "deopt", statement, List.of(
                    Quantity.of("deoptimizations", t.deoptimizations().size(), "events"),
                    Quantity.of("rate", rate, "per s"),
                    Quantity.of("top_method", topMethod.getValue(), "events"),
                    Quantity.of("top_reason", topReason.getValue(), "events")));
            out.add(new Finding(null, "deoptimization", id(), Category.RUNTIME,
                    Fmt.decimal(rate, 1) + " deoptimizations per second, most in " + JavaFrameNames.shortName(topMethod.getKey()),
                    score, JvmEvidence.confidence(t.deoptimizations().size(), "deoptimizations", null),
                    t.deoptimizations().size(), List.of(fact),
                    "Compiled code that is thrown away runs interpreted until it is compiled again; a steady stream of "
                            + "deoptimizations costs CPU in the compiler and in slow code. " + statement + ".",
                    "Look at the reason: 'class_check' or 'bimorphic' point to call sites that see many receiver types "
                            + "(make the hot call monomorphic), 'unstable_if' to branches whose profile changed, 'null_check' "
                            + "to unexpected nulls. Warm up with the production mix of types before measuring.", null));
        }
        return out;
    }

    private static Map.Entry<String, Integer> top(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).findFirst().orElseThrow();
    }
}
