package dev.evident.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void printsMarkdownByDefault() {
        int code = run("analyze", Samples.of("contains-in-loop/cpu.collapsed").toString());
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("# evident diagnosis").contains("## Findings").contains("## Evidence")
                .contains("OrderDeduplicator.distinctCustomerIds");
    }

    @Test
    void writesJsonToAFile(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("out/report.json");
        int code = run("analyze", Samples.of("lock-contention/lock.collapsed").toString(), "--format", "json", "-o",
                report.toString());
        assertThat(code).isZero();
        assertThat(Files.readString(report)).startsWith("{\n  \"tool\": \"evident ").contains("\"findings\": [");
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("report written to " + report);
    }

    @Test
    void failOnTurnsAStrongFindingIntoExitCodeOne() {
        assertThat(run("analyze", Samples.of("contains-in-loop/cpu.collapsed").toString(), "--fail-on", "90")).isEqualTo(1);
        assertThat(run("analyze", Samples.of("healthy-baseline/cpu.collapsed").toString(), "--fail-on", "90")).isZero();
    }

    @Test
    void unreadableInputGivesExitCodeThree(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jfr"), "not a recording\n");
        assertThat(run("analyze", text.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("skipped " + text).contains("not a supported artifact format")
                .contains("none of the inputs could be read");
    }

    @Test
    void usageErrorsGiveExitCodeTwo() {
        assertThat(run("analyze")).isEqualTo(2);
        assertThat(run("analyze", "x", "--format", "pdf")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown --format 'pdf'");
        assertThat(run("analyze", "x", "--fail-on", "101")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
    }

    @Test
    void helpAndVersionWork() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("evident ");
        assertThat(run("analyze", "--help")).isZero();
        assertThat(out.toString()).contains("--app-package").contains("Exit codes:");
    }
}
