package dev.evident.core.detect;

import dev.evident.core.detect.db.DbThresholds;
import dev.evident.core.detect.latency.LatencyThresholds;
import dev.evident.core.detect.profile.ProfileThresholds;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/detectors.md must list every threshold the code uses, with the same value. */
class ThresholdDocumentationTest {

    @Test
    void everyThresholdIsDocumentedWithItsValue() throws Exception {
        Path root = Path.of(System.getProperty("evident.repo.root", "..")).toAbsolutePath();
        List<String> lines = Files.readAllLines(root.resolve("docs/detectors.md"));
        List<Threshold> all = new java.util.ArrayList<>(ProfileThresholds.ALL);
        all.addAll(dev.evident.core.detect.jvm.JvmThresholds.ALL);
        all.addAll(dev.evident.core.detect.bound.BoundClassifier.ALL);
        all.addAll(DbThresholds.ALL);
        all.addAll(LatencyThresholds.ALL);
        for (Threshold t : all) {
            String row = lines.stream().filter(l -> l.startsWith("| `" + t.id() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/detectors.md has no row for " + t.id()));
            double documented = Double.parseDouble(row.split("\\|")[2].trim());
            assertThat(documented).as(t.id()).isEqualTo(t.value());
            assertThat(t.source()).as(t.id() + " source").isNotBlank();
        }
    }

    @Test
    void everyCatalogPatternIsDocumented() throws Exception {
        Path root = Path.of(System.getProperty("evident.repo.root", "..")).toAbsolutePath();
        String doc = Files.readString(root.resolve("docs/detectors.md"));
        for (var p : dev.evident.core.detect.catalog.PatternCatalog.load().patterns()) {
            assertThat(doc).as(p.id()).contains("| `" + p.id() + "` |");
        }
    }
}
