package dev.evident.core.detect.profile;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.AnalysisOptions;
import dev.evident.core.model.Confidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;
import dev.evident.core.model.TimeWindow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HotMethodDetectorTest {

    private static List<Finding> detect(Profile p) {
        EvidenceSet set = EvidenceSet.ofProfiles(List.of(p), List.of());
        return new HotMethodDetector().detect(set, new AnalysisContext(AnalysisOptions.defaults()));
    }

    @Test
    void dominantCallSiteIsAStrongFindingNamingMethodAndCall() {
        Profile p = TestProfiles.of(Metric.CPU_SAMPLES,
                "shop.Main.main;shop.Orders.dedupe:17;java.util.ArrayList.contains;java.util.ArrayList.indexOfRange 900",
                "shop.Main.main;shop.Orders.load:30;java.util.Random.nextInt 100");
        List<Finding> findings = detect(p);
        Finding top = findings.get(0);
        assertThat(top.title()).isEqualTo("Orders.dedupe takes 90.0% of CPU samples in ArrayList.contains");
        assertThat(top.score()).isGreaterThanOrEqualTo(90);
        assertThat(top.confidence().level()).isEqualTo(Confidence.Level.HIGH);
        assertThat(top.support()).isEqualTo(1000);
        assertThat(top.evidence().get(0).statement())
                .contains("shop.Orders.dedupe: 90.0% of CPU samples (900 of 1,000 samples; 95% CI 88.0–91.7%)")
                .contains("java.util.ArrayList.contains (called at line 17) 90.0%");
        assertThat(top.fix()).contains("Orders.dedupe (line 17)").contains("ArrayList.contains");
    }

    @Test
    void evenlySpreadWorkHasNoDominantFinding() {
        Profile p = TestProfiles.of(Metric.CPU_SAMPLES,
                "svc.Handler.handle;svc.Handler.parse 200", "svc.Handler.handle;svc.Handler.validate 200",
                "svc.Handler.handle;svc.Handler.price 200", "svc.Handler.handle;svc.Handler.sign 200",
                "svc.Handler.handle;svc.Handler.render 200");
        assertThat(detect(p)).allSatisfy(f -> assertThat(f.score()).isLessThan(50));
    }

    @Test
    void tooFewEventsMakeNoFinding() {
        Profile p = TestProfiles.of(Metric.CPU_SAMPLES, "shop.Orders.dedupe;java.util.ArrayList.contains 12");
        assertThat(detect(p)).isEmpty();
    }

    @Test
    void lockConcentrationWithoutDurationsIsCapped() {
        Profile p = TestProfiles.of(Metric.LOCK_SAMPLES,
                "shop.Ledger.record;java.util.Collections$SynchronizedMap.compute;[T]java.util.Collections$SynchronizedMap 500");
        Finding f = detect(p).get(0);
        assertThat(f.score()).isEqualTo(40);
        assertThat(f.confidence().level()).isEqualTo(Confidence.Level.MEDIUM);
        assertThat(f.title()).startsWith("Threads wait for Collections$SynchronizedMap in Ledger.record → Collections$SynchronizedMap.compute");
    }

    @Test
    void lockWaitIsScoredByItsShareOfRecordingTime() {
        TimeWindow tenSeconds = new TimeWindow(0, 10_000_000_000L);
        long waited = 30_000_000_000L; // 30 thread-seconds in 10 s: threads mostly queue
        Profile heavy = TestProfiles.of(Metric.LOCK_NANOS, tenSeconds,
                "shop.Ledger.record;[T]java.lang.Object " + waited);
        assertThat(detect(heavy).get(0).score()).isGreaterThan(90);
        Profile light = TestProfiles.of(Metric.LOCK_NANOS, tenSeconds,
                "shop.Ledger.record;[T]java.lang.Object " + 100_000_000L);
        assertThat(detect(light)).isEmpty(); // 0.1 s in 10 s: below the reporting score
    }

    @Test
    void ownCodeAroundOneDominantCalleeNamesTheCallee() {
        // what the JDK recorder shows for an inlined List.contains: samples on the loop's closing line
        Profile p = TestProfiles.of(Metric.CPU_SAMPLES,
                "shop.Main.main;shop.Orders.dedupe:20 850",
                "shop.Main.main;shop.Orders.dedupe:17;java.util.ArrayList.contains;java.util.ArrayList.indexOfRange 55",
                "shop.Main.main;shop.Orders.dedupe:18;java.util.ArrayList.add 5",
                "shop.Main.main;shop.Orders.load:9 90");
        Finding f = detect(p).get(0);
        assertThat(f.title()).isEqualTo("Orders.dedupe takes 91.0% of CPU samples, mostly around its calls to ArrayList.contains");
        assertThat(f.explanation()).contains("mostly line 20").contains("safepoint poll");
        assertThat(f.fix()).contains("line 17");
    }
}
