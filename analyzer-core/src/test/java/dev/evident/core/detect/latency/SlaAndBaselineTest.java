package dev.evident.core.detect.latency;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.AnalysisOptions;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.LatencyDistribution;
import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.Sla;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaAndBaselineTest {

    static LatencySeries series(double... ms) {
        return new LatencySeries("run.tsv", "GET /x", "ab", LatencyDistribution.ofSamples(ms), List.of(), Double.NaN,
                ms.length, 0, null, Double.NaN, Map.of());
    }

    static double[] ramp(int n, double top) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = top * (i + 1) / n;
        }
        return x;
    }

    @Test
    void objectivesParseWithUnits() {
        assertThat(Sla.parse("p95<500ms", "--sla").limitMs()).isEqualTo(500);
        assertThat(Sla.parse("p99.9 < 1.2s", "--sla").percentile()).isEqualTo(99.9);
        assertThat(Sla.parse("p99.9 < 1.2s", "--sla").limitMs()).isEqualTo(1200);
        assertThat(Sla.parse("mean<200us", "--sla").limitMs()).isEqualTo(0.2);
        assertThat(Sla.parse("median<80", "--sla").metricName()).isEqualTo("p50");
        assertThatThrownBy(() -> Sla.parse("p95 > 500ms", "--sla")).hasMessageContaining("e.g. p95<500ms");
    }

    @Test
    void breachIsAFindingWithTheExcessAndItsInterval() {
        EvidenceSet e = new EvidenceSet(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(series(ramp(1000, 1000))));
        AnalysisContext ctx = new AnalysisContext(new AnalysisOptions(List.of(), 3, List.of(Sla.parse("p95<800ms", "--sla"))));
        List<Finding> findings = new SlaBreachDetector().detect(e, ctx);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.title()).isEqualTo("p95 of ab GET /x is 950 ms, 18.8% over the objective p95<800ms");
            assertThat(f.evidence().get(0).statement()).contains("over the objective p95<800ms (--sla) by 150 ms (+18.8%)");
            assertThat(f.confidence().level().label()).isEqualTo("high");
            assertThat(f.score()).isBetween(50, 75);
        });
    }

    @Test
    void metObjectiveIsNoFinding() {
        EvidenceSet e = new EvidenceSet(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(series(ramp(1000, 1000))));
        AnalysisContext ctx = new AnalysisContext(new AnalysisOptions(List.of(), 3, List.of(Sla.parse("p99<2s", "--sla"))));
        assertThat(new SlaBreachDetector().detect(e, ctx)).isEmpty();
    }

    @Test
    void baselineStatesEveryNumberWithMethod() {
        LatencyBaseline b = LatencyBaselines.of(series(ramp(200, 100)));
        assertThat(b.p50()).isEqualTo(50);
        assertThat(b.p99()).isEqualTo(99);
        assertThat(b.tailRatio()).isEqualTo(99 / 50.0);
        assertThat(b.p95Low()).isLessThanOrEqualTo(95).isGreaterThan(80);
        assertThat(b.evidence().statement()).startsWith("ab GET /x: p50 50.0 ms, p90 90.0 ms, p95 95.0 ms (95% CI ")
                .contains("95% bootstrap");
    }
}
