package dev.evident.cli;

import dev.evident.core.detect.AnalysisOptions;
import dev.evident.core.report.Analyzer;
import dev.evident.ingest.Ingest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    @Test
    void sameInputGivesByteIdenticalJson() throws Exception {
        Path samples = Samples.of("contains-in-loop").getParent();
        List<Path> inputs = List.of(samples.resolve("contains-in-loop"), samples.resolve("lock-contention"),
                samples.resolve("allocation-churn"), samples.resolve("healthy-baseline"));
        String first = Diagnose.json(Diagnose.report(inputs.toArray(Path[]::new)));
        String second = Diagnose.json(Diagnose.report(inputs.toArray(Path[]::new)));
        assertThat(second).isEqualTo(first);
        assertThat(first).contains("\"findings\"").contains("\"E1\"");
    }

    @Test
    void parallelismDoesNotChangeTheReport() throws Exception {
        Path dir = Samples.of("allocation-churn");
        var analyzer = new Analyzer(AnalysisOptions.defaults());
        String oneThread = Diagnose.json(analyzer.analyze(new Ingest(Ingest.loadReaders(), 1).read(List.of(dir))));
        String fourThreads = Diagnose.json(analyzer.analyze(new Ingest(Ingest.loadReaders(), 4).read(List.of(dir))));
        assertThat(fourThreads).isEqualTo(oneThread);
    }
}
