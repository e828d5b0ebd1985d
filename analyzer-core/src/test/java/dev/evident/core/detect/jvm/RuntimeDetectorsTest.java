package dev.evident.core.detect.jvm;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.AnalysisOptions;
import dev.evident.core.model.CodeCacheFull;
import dev.evident.core.model.CpuLoadSample;
import dev.evident.core.model.Deoptimization;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.GcPause;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.TimeWindow;
import dev.evident.core.model.VmOperation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logic tests with hand-built timelines for the runtime detectors whose pattern none of the sample
 * workloads can provoke reliably (a deoptimization storm, a full code cache, long safepoint
 * operations, a busy machine), plus the sliding GC window. The recorded samples cover the others.
 */
class RuntimeDetectorsTest {
    private static final long S = 1_000_000_000L;

    private static JvmTimeline timeline(List<GcPause> gc, List<VmOperation> ops, List<Deoptimization> deopts,
                                        List<CodeCacheFull> codeCache, List<CpuLoadSample> load) {
        return new JvmTimeline("test.jfr", "test JVM", new TimeWindow(0, 60 * S), Map.of(), gc, List.of(), load,
                List.of(), List.of(), ops, deopts, List.of(), List.of(), List.of(), codeCache);
    }

    private static List<Finding> run(dev.evident.core.detect.Detector d, JvmTimeline t) {
        return d.detect(EvidenceSet.ofProfiles(List.of(), List.of(t)), new AnalysisContext(AnalysisOptions.defaults()));
    }

    @Test
    void deoptimizationStormIsReportedWithTheTopMethod() {
        List<Deoptimization> storm = new ArrayList<>();
        for (int i = 0; i < 60 * 40; i++) {
            storm.add(new Deoptimization(i * S / 40, i % 3 == 0 ? "a.B.other" : "a.B.hot", 10, "class_check", "reinterpret"));
        }
        Finding f = run(new DeoptimizationDetector(), timeline(List.of(), List.of(), storm, List.of(), List.of())).get(0);
        assertThat(f.title()).isEqualTo("40.0 deoptimizations per second, most in B.hot");
        assertThat(f.score()).isBetween(40, 74);
        assertThat(run(new DeoptimizationDetector(), timeline(List.of(), List.of(), storm.subList(0, 60), List.of(), List.of())))
                .isEmpty(); // one per second is warm-up, not a storm
    }

    @Test
    void fullCodeCacheIsAWarning() {
        Finding f = run(new CodeCacheFullDetector(), timeline(List.of(), List.of(), List.of(),
                List.of(new CodeCacheFull(5 * S, "CodeHeap 'non-profiled nmethods'", 240L << 20, 1)), List.of())).get(0);
        assertThat(f.score()).isEqualTo(80);
        assertThat(f.example()).contains("-XX:ReservedCodeCacheSize");
        assertThat(run(new CodeCacheFullDetector(), timeline(List.of(), List.of(), List.of(), List.of(), List.of()))).isEmpty();
    }

    @Test
    void safepointOperationsOtherThanGcAreCounted() {
        List<VmOperation> ops = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ops.add(new VmOperation(i * S, 120_000_000L, "ThreadDump", true));
            ops.add(new VmOperation(i * S + 1, 500_000_000L, "G1CollectForAllocation", true)); // GC: not counted here
        }
        Finding f = run(new VmOperationDetector(), timeline(List.of(), ops, List.of(), List.of(), List.of())).get(0);
        assertThat(f.title()).isEqualTo("Safepoint operations (ThreadDump) stop the application 12.0% of the time");
        assertThat(f.score()).isGreaterThanOrEqualTo(75);
    }

    @Test
    void busyMachineNeverBecomesADominantFinding() {
        List<CpuLoadSample> load = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            load.add(new CpuLoadSample(i * S, 0.05, 0.01, 0.98));
        }
        Finding f = run(new CpuLoadDetector(), timeline(List.of(), List.of(), List.of(), List.of(), load)).get(0);
        assertThat(f.score()).isEqualTo((int) JvmThresholds.OTHER_LOAD_CAP.value()).isLessThan(50);
        assertThat(f.title()).isEqualTo("Other processes used 92.0% of the machine's CPU during the recording");
    }

    @Test
    void worstWindowFindsABurstOfPauses() {
        List<GcPause> pauses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pauses.add(new GcPause(100 * S + i * S, 600_000_000L, 600_000_000L, "G1New", "G1 Evacuation Pause"));
        }
        pauses.add(0, new GcPause(0, 10_000_000L, 10_000_000L, "G1New", "G1 Evacuation Pause"));
        double worst = GcPauseDetector.worstWindowRatio(pauses, 60 * S);
        assertThat(worst).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9)); // 6 s of pauses in a 60 s window
    }
}
