package dev.evident.core.report;

import dev.evident.core.model.Category;
import dev.evident.core.model.Confidence;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.detect.AnalysisOptions;
import dev.evident.core.detect.Detector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzerTest {

    private static Evidence fact(String key, String source) {
        return new Evidence(null, key, "test", "fact " + key, List.of(), source, null);
    }

    private static Finding finding(String key, int score, Confidence.Level level, long support, Evidence... evidence) {
        return new Finding(null, key, "d", Category.CPU, "title " + key + " " + score, score,
                new Confidence(level, "reason"), support, List.of(evidence), "why", "fix", null);
    }

    private static Report run(List<Finding> findings) {
        Detector fixed = new Detector() {
            public String id() {
                return "fixed";
            }

            public List<Finding> detect(EvidenceSet e, dev.evident.core.detect.AnalysisContext c) {
                return findings;
            }
        };
        return new Analyzer(List.of(fixed), AnalysisOptions.defaults())
                .analyze(EvidenceSet.empty());
    }

    @Test
    void sameSubjectFromTwoArtifactsIsOneFindingScoredByTheBestSupportedOne() {
        Report r = run(List.of(
                finding("cpu|x", 70, Confidence.Level.HIGH, 281, fact("a", "jdk.jfr")),
                finding("cpu|x", 37, Confidence.Level.HIGH, 540, fact("b", "ap.jfr"))));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.score()).isEqualTo(37);
            assertThat(f.title()).isEqualTo("title cpu|x 37");
            assertThat(f.evidenceIds()).containsExactly("E1", "E2");
            assertThat(f.confidence().level()).isEqualTo(Confidence.Level.MEDIUM); // 70 vs 37: they disagree
            assertThat(f.confidence().reason()).contains("2 artifacts (ap.jfr, jdk.jfr)").contains("scores 37 to 70");
        });
    }

    @Test
    void knownCostBeatsLargerSampleWithUnknownCost() {
        Report r = run(List.of(
                finding("alloc|x", 40, Confidence.Level.MEDIUM, 5000, fact("a", "alloc.collapsed")),
                finding("alloc|x", 82, Confidence.Level.HIGH, 2000, fact("b", "jdk.jfr"))));
        assertThat(r.findings().get(0).score()).isEqualTo(82);
        assertThat(r.findings().get(0).confidence().level()).isEqualTo(Confidence.Level.HIGH);
    }

    @Test
    void findingsAreOrderedByScoreAndEvidenceNumberedInCitationOrder() {
        Evidence shared = fact("shared", "s");
        Report r = run(List.of(
                finding("low", 30, Confidence.Level.HIGH, 100, fact("l", "s"), shared),
                finding("high", 90, Confidence.Level.HIGH, 100, shared, fact("h", "s"))));
        assertThat(r.findings()).extracting(Finding::id).containsExactly("F1", "F2");
        assertThat(r.findings().get(0).key()).isEqualTo("high");
        assertThat(r.findings().get(0).evidenceIds()).containsExactly("E1", "E2");
        assertThat(r.findings().get(1).evidenceIds()).containsExactly("E3", "E1");
        assertThat(r.headline()).startsWith("F1 (score 90, high confidence): title high 90 [E1, E2]");
    }

    @Test
    void headlineSaysWhenNothingDominates() {
        Report r = run(List.of(finding("a", 45, Confidence.Level.HIGH, 100, fact("a", "s"))));
        assertThat(r.headline()).startsWith("No dominant problem: the strongest finding (F1, score 45) is below 50");
    }

    @Test
    void failingDetectorBecomesAWarning() {
        Detector broken = new Detector() {
            public String id() {
                return "broken";
            }

            public List<Finding> detect(EvidenceSet e, dev.evident.core.detect.AnalysisContext c) {
                throw new IllegalStateException("boom");
            }
        };
        Report r = new Analyzer(List.of(broken), AnalysisOptions.defaults())
                .analyze(EvidenceSet.empty());
        assertThat(r.warnings()).singleElement().asString().contains("detector broken failed").contains("boom");
    }
}
