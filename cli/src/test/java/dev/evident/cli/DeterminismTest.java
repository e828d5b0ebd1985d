package dev.evident.cli;

import dev.evident.core.detect.AnalysisOptions;
import dev.evident.core.report.Analyzer;
import dev.evident.ingest.Ingest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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

    /**
     * Two JVMs, not two runs in one: the JDK's immutable sets and maps iterate in an order seeded per
     * JVM, so a report that depends on it is stable within one JVM and differs between runs (which is
     * how a tie between two equally heavy frames once named either of them).
     */
    @Test
    void separateJvmsGiveByteIdenticalJsonOnEverySample(@TempDir Path out) throws Exception {
        Path samples = Samples.of("contains-in-loop").getParent();
        byte[] first = runInNewJvm(samples, out.resolve("first.json"));
        byte[] second = runInNewJvm(samples, out.resolve("second.json"));
        assertThat(first.length).isGreaterThan(100_000);
        assertThat(Arrays.equals(first, second)).as("the two JVMs' reports differ").isTrue();
    }

    private static byte[] runInNewJvm(Path input, Path report) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "analyze", input.toString(), "--format", "json", "-o", report.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isIn(0, 1);
        return Files.readAllBytes(report);
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
