package dev.evident.core.plan;

import dev.evident.core.detect.catalog.PatternCatalog;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/planner.md must show every remedy with the numbers the planner uses. */
class PlanDocumentationTest {

    @Test
    void everyRemedyIsDocumentedWithItsNumbers() throws Exception {
        Path root = Path.of(System.getProperty("evident.repo.root", "..")).toAbsolutePath();
        List<String> lines = Files.readAllLines(root.resolve("docs/planner.md"));
        for (Remedy r : RemedyTable.ALL) {
            String row = lines.stream().filter(l -> l.startsWith("| `" + r.id() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/planner.md has no row for " + r.id()));
            String[] cells = row.split("\\|");
            assertThat(cells[2].trim()).as(r.id() + " action").isEqualTo(r.action());
            assertThat(Double.parseDouble(cells[3].trim())).as(r.id() + " conservative").isEqualTo(r.speedup().conservative());
            assertThat(Double.parseDouble(cells[4].trim())).as(r.id() + " realistic").isEqualTo(r.speedup().realistic());
            assertThat(Double.parseDouble(cells[5].trim())).as(r.id() + " optimistic").isEqualTo(r.speedup().optimistic());
            assertThat(Double.parseDouble(cells[6].trim())).as(r.id() + " effort").isEqualTo(r.effortHours());
        }
        assertThat(lines.stream().filter(l -> l.startsWith("| `")).count()).isEqualTo(RemedyTable.ALL.size());
    }

    @Test
    void everyPlannedCatalogPatternHasItsOwnRemedy() {
        for (var p : PatternCatalog.load().patterns()) {
            if (p.remedy() != null) {
                assertThat(RemedyTable.of(p.remedy())).as(p.id()).isNotSameAs(RemedyTable.GENERIC);
            }
        }
    }

    @Test
    void quickWinLimitsAreTheDocumentedOnes() throws Exception {
        Path root = Path.of(System.getProperty("evident.repo.root", "..")).toAbsolutePath();
        String doc = Files.readString(root.resolve("docs/planner.md"));
        assertThat(doc).contains("effort under " + (int) Planner.QUICK_WIN_MAX_HOURS + " hours")
                .contains("realistic gain over " + Math.round(Planner.QUICK_WIN_MIN_GAIN * 100) + "%")
                .contains("at least " + Hypotheses.CAUSE_MIN_SCORE + " (`CAUSE_MIN_SCORE`)")
                .contains("findings scoring under " + Planner.PLAN_MIN_SCORE + " (`PLAN_MIN_SCORE`");
    }
}
