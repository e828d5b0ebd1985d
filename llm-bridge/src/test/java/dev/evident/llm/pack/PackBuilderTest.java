package dev.evident.llm.pack;

import dev.evident.core.model.Evidence;
import dev.evident.core.model.Finding;
import dev.evident.core.report.Report;
import dev.evident.llm.fake.SampleReports;
import dev.evident.llm.redact.RedactionContext;
import dev.evident.llm.redact.RedactionMap;
import dev.evident.llm.redact.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PackBuilderTest {
    private static final Report REPORT = SampleReports.report("contains-in-loop");
    private final Redactor redactor = Redactor.standard(RedactionContext.none());

    private EvidencePack build(int budget, Incident incident) {
        return PackBuilder.standard(budget, redactor).build(REPORT, incident, new RedactionMap());
    }

    /**
     * The order the pack promises: findings and plan items, then bound evidence, then each finding's
     * evidence, then the rest.
     */
    private static List<String> priority(Report report) {
        Set<String> ids = new LinkedHashSet<>();
        report.findings().forEach(f -> ids.add(f.id()));
        report.plan().items().forEach(i -> ids.add(i.id()));
        report.bound().shares().forEach(s -> ids.add(s.evidence().id()));
        report.findings().forEach(f -> ids.addAll(f.evidenceIds()));
        report.evidence().forEach(e -> ids.add(e.id()));
        return new ArrayList<>(ids);
    }

    @Test
    void aGenerousBudgetKeepsEverythingInTheDiagnosisOrder() {
        EvidencePack pack = build(100_000, new Incident("/dedupe is slow", "Java 17 batch job", null, null));
        assertThat(pack.omitted().count()).isZero();
        List<String> expected = new ArrayList<>(List.of("U1", "U2"));
        expected.addAll(priority(REPORT));
        assertThat(pack.ids()).containsExactlyElementsOf(expected);
        assertThat(pack.json()).doesNotContain("\"omitted\"");
        // stages in the seed's order, evidence last
        String json = pack.json();
        assertThat(json.indexOf("\"baseline\"")).isLessThan(json.indexOf("\"bottleneck\""));
        assertThat(json.indexOf("\"bottleneck\"")).isLessThan(json.indexOf("\"impact\""));
        assertThat(json.indexOf("\"impact\"")).isLessThan(json.indexOf("\"plan\""));
        assertThat(json.indexOf("\"plan\"")).isLessThan(json.indexOf("\"validation\""));
        assertThat(json.indexOf("\"validation\"")).isLessThan(json.indexOf("\"evidence\": ["));
        assertThat(json).contains("\"statement\": \"/dedupe is slow\"").contains(PlanSource.GAINS)
                .contains("\"P1\"").contains("Replace the list lookup with a hash lookup");
        // the pack carries the report's own words and numbers: every finding title, every evidence statement
        for (Finding f : REPORT.findings()) {
            assertThat(json).contains(f.title());
        }
        for (Evidence e : REPORT.evidence()) {
            assertThat(json).contains(e.statement().replace("\"", "\\\""));
        }
    }

    @Test
    void aTightBudgetCutsTheLowestImpactEvidenceAndSaysSo() {
        EvidencePack pack = build(5000, Incident.NONE);
        List<String> priority = priority(REPORT);
        assertThat(pack.omitted().count()).isGreaterThan(0);
        // what is kept is a prefix of the priority order, what is cut the rest
        List<String> kept = pack.ids();
        assertThat(priority.subList(0, kept.size())).containsExactlyElementsOf(kept);
        assertThat(pack.omitted().ids()).containsExactlyElementsOf(priority.subList(kept.size(), priority.size()));
        assertThat(kept).contains("F1", "F6", "E1");
        assertThat(pack.estimatedTokens()).isLessThanOrEqualTo(5000);
        assertThat(pack.json()).contains("\"omitted\"").contains("these ids are not citable")
                .contains("\"" + pack.omitted().ids().get(0) + "\"");
        // a finding no longer points at evidence that was cut
        for (PackItem item : pack.items()) {
            assertThat(kept).containsAll(item.refs());
        }
    }

    @Test
    void theSameReportGivesTheSamePack() {
        assertThat(build(3500, Incident.NONE).json()).isEqualTo(build(3500, Incident.NONE).json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"contains-in-loop", "lock-contention", "slow-remote-calls", "pool-starvation", "allocation-churn"})
    void redactionLeavesEvidentsOwnTextAlone(String sample) {
        RedactionMap map = new RedactionMap();
        PackBuilder.standard(100_000, redactor).build(SampleReports.report(sample), Incident.NONE, map);
        assertThat(map.counts()).as("placeholders handed out on %s", sample).isEmpty();
    }
}
