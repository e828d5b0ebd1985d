package dev.evident.core.plan;

import dev.evident.core.detect.bound.Bound;
import dev.evident.core.detect.bound.BoundClassification;
import dev.evident.core.detect.bound.BoundShare;
import dev.evident.core.model.Category;
import dev.evident.core.model.Confidence;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.Finding;
import dev.evident.core.model.Impact;
import dev.evident.core.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlannerTest {
    private static final Confidence HIGH = new Confidence(Confidence.Level.HIGH, "many samples");
    private static final Confidence MEDIUM = new Confidence(Confidence.Level.MEDIUM, "few samples");

    @Test
    void gainAppliesAmdahlToTheIntervalEndsWithTheRemedysSpeedups() {
        Remedy remedy = new Remedy("r", "do it", new Remedy.Speedup(2, 4, 8), 3, "test");
        Finding f = finding("F1", "cpu|a.B.c", Category.CPU, 80, "r", impact(0.5, 0.4, 0.6, "e1"), "E1");

        Gain gain = Planner.gain(f, remedy);

        assertThat(gain.conservative()).isCloseTo(0.4 * (1 - 1 / 2.0), within(1e-12));
        assertThat(gain.realistic()).isCloseTo(0.5 * (1 - 1 / 4.0), within(1e-12));
        assertThat(gain.optimistic()).isCloseTo(0.6 * (1 - 1 / 8.0), within(1e-12));
        assertThat(gain.evidenceIds()).containsExactly("E1");
        assertThat(gain.measured()).isEqualTo("50.0% (95% interval 40.0–60.0%, E1) of CPU samples in x.jfr");
        assertThat(gain.basis()).contains("×2 / ×4 / ×8");
    }

    @Test
    void findingsAboutTheSameMethodWithTheSameFixBecomeOneItem() {
        Finding cpu = finding("F1", "cpu|a.B.loop", Category.CPU, 90, "java-linear-list-search",
                impact(0.6, 0.55, 0.65, "e1"), "E1");
        Finding alloc = finding("F2", "allocation|a.B.loop|java-linear-list-search", Category.MEMORY, 40,
                "java-linear-list-search", impact(0.3, 0.2, 0.4, "e2"), "E2");
        Finding otherFix = finding("F3", "allocation|a.B.loop", Category.MEMORY, 30, "reduce-allocation",
                impact(0.3, 0.2, 0.4, "e3"), "E3");

        List<PlanItem> items = new Planner().items(List.of(cpu, alloc, otherFix), null);

        assertThat(items).extracting(PlanItem::findingIds).containsExactly(List.of("F1", "F2"), List.of("F3"));
        assertThat(items.get(0).title()).isEqualTo("Replace the list lookup with a hash lookup in B.loop");
        // the CPU fraction was cited first and nothing says another quantity matters more
        assertThat(items.get(0).gain().of()).isEqualTo("CPU samples in x.jfr");
        assertThat(items.get(0).gain().realistic()).isCloseTo(0.6 * (1 - 1 / 50.0), within(1e-12));
    }

    @Test
    void theBoundingResourcesFractionIsPreferredWithinAnItem() {
        Finding alloc = finding("F1", "allocation|a.B.loop", Category.MEMORY, 90, "java-boxing-on-hot-path",
                new Impact("allocated bytes", false, 0.8, 0.7, 0.9, "e1"), "E1");
        Finding cpu = finding("F2", "cpu|a.B.loop", Category.CPU, 50, "java-boxing-on-hot-path",
                new Impact("CPU samples", true, 0.2, 0.1, 0.3, "e2"), "E2");

        PlanItem item = new Planner().items(List.of(alloc, cpu), cpuBound()).get(0);

        assertThat(item.gain().of()).isEqualTo("CPU samples");
    }

    @Test
    void itemsAreOrderedByRealisticGainPerHourAndUnestimatedItemsComeLast() {
        // 16 h generic fix of a 90% share: 0.9 × (1 − 1/2) × 100 / 16 = 2.8 %/h
        Finding big = finding("F1", "cpu|a.B.big", Category.CPU, 95, "optimize-code", impact(0.9, 0.85, 0.95, "e1"), "E1");
        // 1 h regex fix of a 30% share: 0.3 × (1 − 1/8) × 100 / 1 = 26.3 %/h
        Finding regex = finding("F2", "cpu|a.B.re", Category.CPU, 70, "java-regex-compiled-per-call",
                impact(0.3, 0.25, 0.35, "e2"), "E2");
        Finding leak = finding("F3", "heap-growth", Category.MEMORY, 99, "fix-leak", null, "E3");

        List<PlanItem> items = new Planner().items(List.of(leak, big, regex), cpuBound());

        assertThat(items).extracting(PlanItem::findingIds).containsExactly(List.of("F2"), List.of("F1"), List.of("F3"));
        assertThat(items).extracting(PlanItem::id).containsExactly("P1", "P2", "P3");
        assertThat(items.get(0).priority()).isCloseTo(0.3 * (1 - 1 / 8.0) * 100, within(1e-9));
        assertThat(items.get(2).gain()).isNull();
        assertThat(items.get(2).priority()).isZero();
        assertThat(items.get(2).verify()).contains("F3 should no longer be reported");
    }

    @Test
    void gainsInTimeComeBeforeGainsInBytes() {
        Finding bytes = finding("F1", "allocation|a.B.fmt", Category.MEMORY, 90, "java-regex-compiled-per-call",
                new Impact("allocated bytes", false, 0.9, 0.85, 0.95, "e1"), "E1");
        Finding time = finding("F2", "cpu|a.B.sum", Category.CPU, 50, "optimize-code", impact(0.1, 0.05, 0.15, "e2"), "E2");

        List<PlanItem> items = new Planner().items(List.of(bytes, time), cpuBound());

        assertThat(items.get(1).priority()).isGreaterThan(items.get(0).priority());
        assertThat(items).extracting(PlanItem::findingIds).containsExactly(List.of("F2"), List.of("F1"));
    }

    @Test
    void quickWinsTakeLessThanADayAndRemoveMoreThanThirtyPercent() {
        Finding quick = finding("F1", "cpu|a.B.re", Category.CPU, 90, "java-regex-compiled-per-call",
                impact(0.5, 0.45, 0.55, "e1"), "E1"); // 1 h, realistic 43.75%
        Finding small = finding("F2", "cpu|a.B.fmt", Category.CPU, 60, "java-regex-compiled-per-call",
                impact(0.2, 0.15, 0.25, "e2"), "E2"); // realistic 17.5%
        Finding slow = finding("F3", "cpu|a.B.money", Category.CPU, 80, "java-bigdecimal-arithmetic",
                impact(0.6, 0.55, 0.65, "e3"), "E3"); // 8 h is not under a day

        OptimizationPlan plan = new Planner().plan(List.of(quick, small, slow), cpuBound(), List.of());

        assertThat(plan.items()).filteredOn(PlanItem::quickWin).extracting(PlanItem::findingIds)
                .containsExactly(List.of("F1"));
        assertThat(plan.quickWins()).hasSize(1);

        Finding bytes = finding("F1", "allocation|a.B.re", Category.MEMORY, 90, "java-regex-compiled-per-call",
                new Impact("allocated bytes", false, 0.5, 0.45, 0.55, "e1"), "E1");
        assertThat(new Planner().items(List.of(bytes), cpuBound()).get(0).quickWin()).isFalse();
    }

    @Test
    void findingsBelowWorthReadingAreNotPlanned() {
        Finding weak = finding("F1", "cpu|a.B.c", Category.CPU, Planner.PLAN_MIN_SCORE - 1, "optimize-code",
                impact(0.2, 0.1, 0.3, "e1"), "E1");
        Finding enough = finding("F2", "cpu|a.B.d", Category.CPU, Planner.PLAN_MIN_SCORE, "optimize-code",
                impact(0.2, 0.1, 0.3, "e2"), "E2");
        assertThat(new Planner().items(List.of(weak, enough), null)).extracting(PlanItem::findingIds)
                .containsExactly(List.of("F2"));
    }

    @Test
    void overlappingFractionsOfTimeUseTheBroadestAndPreferTimeOverBytes() {
        Finding humongous = finding("F1", "humongous-allocation", Category.MEMORY, 90, "reduce-allocation",
                new Impact("wall-clock time", true, 0.03, 0.03, 0.03, "e1"), "E1").withSubject("a.B.resize");
        Finding pauses = finding("F2", "gc-pauses", Category.MEMORY, 60, "reduce-allocation",
                new Impact("wall-clock time", true, 0.10, 0.10, 0.12, "e2"), "E2").withSubject("a.B.resize");
        Finding bytes = finding("F3", "allocation|a.B.resize", Category.MEMORY, 50, "reduce-allocation",
                new Impact("allocated bytes", false, 0.66, 0.6, 0.7, "e3"), "E3");

        List<PlanItem> items = new Planner().items(List.of(humongous, pauses, bytes), cpuBound());

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.findingIds()).containsExactly("F1", "F2", "F3");
            assertThat(item.gain().evidenceIds()).containsExactly("E2");
            assertThat(item.title()).isEqualTo("Allocate less on the hot path in B.resize");
        });
    }

    @Test
    void noFindingWithoutARemedyBecomesAPlanItem() {
        Finding context = finding("F1", "cpu-load", Category.CPU, 45, null, null, "E1");
        assertThat(new Planner().items(List.of(context), null)).isEmpty();
    }

    @Test
    void hypothesisIsAsSureAsTheBoundAndTheTopFindingWhenTheyAgree() {
        Finding top = finding("F1", "cpu|a.B.c", Category.CPU, 90, "optimize-code", impact(0.6, 0.5, 0.7, "e1"), "E1");

        Hypothesis h = Hypotheses.of(List.of(top), cpuBound());

        assertThat(h.bound()).isEqualTo("CPU-bound");
        assertThat(h.confidence().level()).isEqualTo(Confidence.Level.HIGH);
        assertThat(h.statement()).startsWith("The workload is CPU-bound; the main cause is").contains("(F1)");
        assertThat(h.reasons()).anyMatch(r -> r.contains("E9"));
    }

    @Test
    void hypothesisLosesALevelWhenTheTopFindingIsNotAboutTheBound() {
        Finding top = finding("F1", "cpu|a.B.c", Category.CPU, 90, "optimize-code", impact(0.6, 0.5, 0.7, "e1"), "E1");
        BoundClassification db = new BoundClassification(Bound.DATABASE, HIGH,
                List.of(new BoundShare(Bound.DATABASE, 0.7, 1000, evidence("E9", "bound"))), "the database takes 70%");

        Hypothesis h = Hypotheses.of(List.of(top), db);

        assertThat(h.confidence().level()).isEqualTo(Confidence.Level.MEDIUM);
        assertThat(h.confidence().reason()).contains("while the workload is database-bound");
    }

    @Test
    void hypothesisWithoutBoundMeasurementIsAtMostMedium() {
        Finding top = finding("F1", "cpu|a.B.c", Category.CPU, 90, "optimize-code", impact(0.6, 0.5, 0.7, "e1"), "E1");
        assertThat(Hypotheses.of(List.of(top), null).confidence().level()).isEqualTo(Confidence.Level.MEDIUM);
        Finding weak = finding("F1", "cpu|a.B.c", Category.CPU, 30, "optimize-code", null, "E1");
        Hypothesis none = Hypotheses.of(List.of(weak), cpuBound());
        assertThat(none.confidence().level()).isEqualTo(Confidence.Level.LOW);
        assertThat(none.statement()).isEqualTo("No single cause dominates; the workload is CPU-bound.");
    }

    @Test
    void remainingShareIsTheAddressedPartOfTheNewTotal() {
        // 50% of the time made 10× faster: 5 of 55 remaining units
        assertThat(Planner.remainingShare(0.5, 10)).isCloseTo(5.0 / 55, within(1e-12));
    }

    @Test
    void aFindingThatCitesAnImpactFromEvidenceItDoesNotCarryIsAnError() {
        Finding broken = finding("F1", "cpu|a.B.c", Category.CPU, 90, "optimize-code", impact(0.6, 0.5, 0.7, "other"), "E1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Planner.gain(broken, RemedyTable.GENERIC))
                .hasMessageContaining("does not cite");
    }

    private static BoundClassification cpuBound() {
        return new BoundClassification(Bound.CPU, HIGH, List.of(new BoundShare(Bound.CPU, 0.9, 1000,
                evidence("E9", "bound"))), "the workload is CPU-bound: cpu 90%");
    }

    private static Impact impact(double share, double low, double high, String key) {
        return new Impact("CPU samples in x.jfr", true, share, low, high, key);
    }

    private static Finding finding(String id, String key, Category category, int score, String remedy, Impact impact,
                                   String evidenceId) {
        String evidenceKey = impact == null ? "e-" + id : impact.evidenceKey().equals("other") ? "e1" : impact.evidenceKey();
        return new Finding(id, key, "test", category, "Thing " + id + " is slow", score, score >= 80 ? HIGH : MEDIUM, 100,
                List.of(new Evidence(evidenceId, evidenceKey, "test", "fact", List.of(Quantity.of("share", 50, "%")), "x.jfr",
                        null)), "because", "fix " + id, null, remedy, impact, null);
    }

    private static Evidence evidence(String id, String key) {
        return new Evidence(id, key, "bound", "bound fact", List.of(), "x.jfr", null);
    }
}
