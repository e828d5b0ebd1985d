package dev.evident.core.detect.jvm;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.model.Category;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.Quantity;
import dev.evident.core.model.VmOperation;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Time the JVM stopped every Java thread for operations other than garbage collection (thread
 * dumps, deoptimization, biased-lock revocation, class redefinition): JMC's ApplicationHalts minus GC.
 */
public final class VmOperationDetector implements Detector {

    @Override
    public String id() {
        return "vm-operations";
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> out = new ArrayList<>();
        for (JvmTimeline t : evidence.timelines()) {
            double seconds = JvmEvidence.seconds(t);
            List<VmOperation> halts = t.vmOperations().stream()
                    .filter(o -> o.safepoint() && !isGc(o.name())).toList();
            if (halts.isEmpty() || seconds <= 0) {
                continue;
            }
            long total = halts.stream().mapToLong(VmOperation::durationNanos).sum();
            double ratio = total / (seconds * 1e9);
            int score = JvmThresholds.HALT_RATIO.scoreInt(ratio);
            if (score < 10) {
                continue;
            }
            Map<String, Long> byName = new HashMap<>();
            halts.forEach(o -> byName.merge(o.name(), o.durationNanos(), Long::sum));
            var top = byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).findFirst().orElseThrow();
            long longest = halts.stream().mapToLong(VmOperation::durationNanos).max().orElse(0);
            String statement = halts.size() + " safepoint operations other than GC stopped the application for "
                    + Fmt.duration(total) + " (" + Fmt.percent(ratio) + " of " + Fmt.decimal(seconds, 1) + " s); most time in "
                    + top.getKey() + " (" + Fmt.duration(top.getValue()) + "), longest " + Fmt.duration(longest);
            var fact = JvmEvidence.fact("vm-operations", t, "safepoints", statement, List.of(
                    Quantity.of("operations", halts.size(), "operations"), Quantity.of("total", total / 1e6, "ms"),
                    Quantity.of("ratio", ratio * 100, "%"), Quantity.of("longest", longest / 1e6, "ms")));
            out.add(new Finding(null, "vm-operations", id(), Category.RUNTIME,
                    "Safepoint operations (" + top.getKey() + ") stop the application " + Fmt.percent(ratio) + " of the time",
                    score, JvmEvidence.confidence(halts.size(), "operations", null), halts.size(), List.of(fact),
                    "During a safepoint operation every Java thread is stopped. " + statement + ".",
                    "Find who requests " + top.getKey() + ": frequent thread dumps or heap inspections from monitoring "
                            + "agents, class redefinition by instrumentation, or deoptimization; reduce their frequency.",
                    null));
        }
        return out;
    }

    /** GC operations are reported by the GC detectors. */
    private static boolean isGc(String name) {
        return name.contains("GC") || name.contains("Collect") || name.startsWith("G1") || name.contains("Z")
                && name.contains("Mark");
    }
}
