package dev.evident.core.detect.jvm;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.model.Category;
import dev.evident.core.model.CpuLoadSample;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.Quantity;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.List;

/**
 * CPU used on the machine by other processes while the JVM ran. A busy machine slows everything,
 * but it is context, not the application's bottleneck: this finding never scores as a dominant
 * problem, so it cannot outrank an in-process cause (JMC's competing-CPU warning often does).
 */
public final class CpuLoadDetector implements Detector {

    @Override
    public String id() {
        return "cpu-load";
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> out = new ArrayList<>();
        for (JvmTimeline t : evidence.timelines()) {
            List<CpuLoadSample> load = t.cpuLoad();
            if (load.size() < 2) {
                continue;
            }
            double jvm = load.stream().mapToDouble(l -> l.jvmUser() + l.jvmSystem()).average().orElse(0);
            double machine = load.stream().mapToDouble(CpuLoadSample::machineTotal).average().orElse(0);
            double others = Math.max(0, machine - jvm);
            int score = Math.min((int) JvmThresholds.OTHER_LOAD_CAP.value(),
                    (int) Math.round(25 * others / JvmThresholds.OTHER_LOAD_INFO.value()));
            if (score < 10) {
                continue;
            }
            String statement = "Over " + load.size() + " CPU-load readings the JVM used " + Fmt.percent(jvm)
                    + " of the machine's CPU on average and the whole machine " + Fmt.percent(machine) + ", so other "
                    + "processes used " + Fmt.percent(others);
            var fact = JvmEvidence.fact("cpu-load", t, "cpu-load", statement, List.of(
                    Quantity.of("jvm", jvm * 100, "%"), Quantity.of("machine", machine * 100, "%"),
                    Quantity.of("other_processes", others * 100, "%"), Quantity.of("readings", load.size(), "readings")));
            out.add(new Finding(null, "cpu-load", id(), Category.CPU,
                    "Other processes used " + Fmt.percent(others) + " of the machine's CPU during the recording", score,
                    JvmEvidence.confidence(load.size(), "readings", null), load.size(), List.of(fact),
                    "CPU taken by other processes slows the application down and makes measurements noisy, but it "
                            + "does not explain where the application itself spends its time. " + statement + ".",
                    "Check what else runs on the machine (top, pidstat) before drawing conclusions from timings; "
                            + "the in-process findings above stand regardless.", null));
        }
        return out;
    }
}
