package dev.evident.cli;

import dev.evident.core.plan.OptimizationPlan;
import dev.evident.core.plan.PlanItem;
import dev.evident.core.model.Confidence;
import dev.evident.core.render.MarkdownRenderer;
import dev.evident.core.render.Words;
import dev.evident.core.report.Report;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan on the recorded JVM workloads: the injected cause is the first fix, with a cited estimate. */
class PlanSampleTest {

    @Test
    void listLookupInALoopIsTheFirstFixAndAQuickWin() {
        Report report = Diagnose.report(Samples.of("contains-in-loop"));
        OptimizationPlan plan = report.plan();
        PlanItem first = plan.items().get(0);

        assertThat(first.remedy().id()).isEqualTo("java-linear-list-search");
        assertThat(first.title()).isEqualTo("Replace the list lookup with a hash lookup in OrderDeduplicator.distinctCustomerIds");
        assertThat(first.quickWin()).isTrue();
        assertThat(first.findingIds()).contains("F1");
        // 89.1% of the CPU samples (interval 86.8–91.0%) at speedups 10 / 50 / 200
        assertThat(first.gain().conservative()).isBetween(0.75, 0.85);
        assertThat(first.gain().realistic()).isBetween(0.85, 0.90);
        assertThat(first.gain().optimistic()).isBetween(0.88, 0.92);
        String cited = first.gain().evidenceIds().get(0);
        assertThat(report.evidence()).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo(cited);
            assertThat(e.statement()).contains("OrderDeduplicator.distinctCustomerIds").contains("java-linear-list-search");
        });
        assertThat(plan.hypothesis().bound()).isEqualTo("CPU-bound");
        assertThat(plan.hypothesis().confidence().level()).isEqualTo(Confidence.Level.HIGH);
    }

    @Test
    void sharedSynchronizedMapIsTheFirstFixOfTheLockBoundWorkload() {
        OptimizationPlan plan = Diagnose.report(Samples.of("lock-contention")).plan();

        assertThat(plan.items().get(0).remedy().id()).isEqualTo("java-synchronized-collection");
        assertThat(plan.items().get(0).title()).endsWith("in StockLedger.record");
        assertThat(plan.items().get(0).gain().of()).startsWith("lock wait time");
        assertThat(plan.hypothesis().bound()).isEqualTo("lock-bound");
    }

    @Test
    void gcFindingsJoinTheAllocationFixOfTheMethodThatAllocatesMost() {
        OptimizationPlan plan = Diagnose.report(Samples.of("gc-causes")).plan();

        PlanItem allocation = plan.items().stream().filter(i -> i.remedy().id().equals("reduce-allocation")).findFirst()
                .orElseThrow();
        assertThat(plan.items()).filteredOn(i -> i.remedy().id().equals("reduce-allocation")).hasSize(1);
        assertThat(allocation.title()).isEqualTo("Allocate less on the hot path in ImageResizer.resize");
        assertThat(allocation.findingIds()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(allocation.gain().of()).startsWith("wall-clock time");
        assertThat(plan.items()).anySatisfy(i -> assertThat(i.remedy().id()).isEqualTo("remove-explicit-gc"));
    }

    @Test
    void healthyBaselineHasNoCauseAndNoQuickWin() {
        OptimizationPlan plan = Diagnose.report(Samples.of("healthy-baseline")).plan();

        assertThat(plan.hypothesis().statement()).startsWith("No single cause dominates");
        assertThat(plan.hypothesis().confidence().level()).isEqualTo(Confidence.Level.LOW);
        assertThat(plan.quickWins()).isEmpty();
    }

    @Test
    void markdownHeadlinePartStaysWithinSevenHundredWords() throws Exception {
        StringBuilder md = new StringBuilder();
        new MarkdownRenderer().render(Diagnose.report(Samples.of("contains-in-loop")), md);
        String head = md.substring(0, md.indexOf("# Appendix"));

        assertThat(Words.count(head)).isBetween(300, 700);
        assertThat(head).contains("## Diagnosis", "## Plan", "## What to change first", "## How to validate",
                "Set<K> seen = new LinkedHashSet<>();", "evident compare before/ after/ --fail-on-regression 5%");
        assertThat(md.substring(md.indexOf("# Appendix"))).contains("## Findings", "## Evidence");
    }
}
