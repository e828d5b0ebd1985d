package dev.evident.core.detect.bound;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.AnalysisOptions;
import dev.evident.core.detect.jvm.GcPauseBoundSignal;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.GcPause;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.LatencyDistribution;
import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.SqlEvent;
import dev.evident.core.model.TimeWindow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyBoundSignalsTest {
    private final AnalysisContext context = new AnalysisContext(AnalysisOptions.defaults());

    private static EvidenceSet set(List<JvmTimeline> timelines, List<SqlEvent> sql, List<LatencySeries> latencies) {
        return new EvidenceSet(List.of(), List.of(), List.of(), timelines, List.of(), sql, latencies);
    }

    private static JvmTimeline timeline(long seconds, long pauseMsEach, int pauses) {
        List<GcPause> gc = new ArrayList<>();
        for (int i = 0; i < pauses; i++) {
            gc.add(new GcPause(i * 1_000_000L, pauseMsEach * 1_000_000L, pauseMsEach * 1_000_000L, "G1New", "G1 Evacuation Pause"));
        }
        return new JvmTimeline("app.jfr", "OpenJDK 17", new TimeWindow(0, seconds * 1_000_000_000L), Map.of(), gc, List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** 1,000 requests of 10 ms each: 10 s of request time. */
    private static LatencySeries requests() {
        double[] ms = new double[1000];
        java.util.Arrays.fill(ms, 10.0);
        return new LatencySeries("wrk.txt", "GET /x", "ab", LatencyDistribution.ofSamples(ms), List.of(), Double.NaN, 1000, 0,
                null, Double.NaN, Map.of());
    }

    private static List<SqlEvent> statements(int n, double ms) {
        List<SqlEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new SqlEvent("pg.log", i + 1, -1, ms, "select 1", "select ?", "1", null, null, 1, null, null));
        }
        return out;
    }

    @Test
    void gcShareIsPauseTimeOverRecordedTime() {
        List<BoundShare> shares = new GcPauseBoundSignal().measure(set(List.of(timeline(10, 50, 40)), List.of(), List.of()), context);
        assertThat(shares).singleElement().satisfies(s -> {
            assertThat(s.bound()).isEqualTo(Bound.GC);
            assertThat(s.share()).isCloseTo(0.2, within(1e-9));
            assertThat(s.evidence().statement()).isEqualTo("GC pauses in app.jfr: 2.00 s of 10.0 s (20.0%)");
        });
        assertThat(new GcPauseBoundSignal().measure(set(List.of(), List.of(), List.of()), context)).isEmpty();
    }

    @Test
    void databaseShareIsStatementTimeOverRequestTime() {
        List<BoundShare> shares = new DatabaseTimeSignal().measure(set(List.of(), statements(4000, 2.0), List.of(requests())), context);
        assertThat(shares).singleElement().satisfies(s -> {
            assertThat(s.bound()).isEqualTo(Bound.DATABASE);
            assertThat(s.share()).isCloseTo(0.8, within(1e-9));
            assertThat(s.evidence().statement()).startsWith("4,000 logged statements took 8.00 s against 10.00 s of request time");
        });
        // without request times there is nothing to compare database time with
        assertThat(new DatabaseTimeSignal().measure(set(List.of(), statements(10, 2.0), List.of()), context)).isEmpty();
    }

    @Test
    void databaseBoundWinsTheClassificationAndASmallShareNamesNoBound() {
        BoundClassifier classifier = new BoundClassifier(List.of(new GcPauseBoundSignal(), new DatabaseTimeSignal()));
        BoundClassification db = classifier.classify(set(List.of(timeline(10, 5, 20)), statements(4000, 2.0), List.of(requests())),
                context);
        assertThat(db.bound()).isEqualTo(Bound.DATABASE);
        assertThat(db.confidence().level().label()).isEqualTo("high");
        BoundClassification small = classifier.classify(set(List.of(timeline(10, 5, 20)), List.of(), List.of()), context);
        assertThat(small.bound()).isNull();
        assertThat(small.statement()).startsWith("No measured bound dominates: gc 1.0%");
    }
}
