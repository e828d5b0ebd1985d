package dev.evident.cli;

import dev.evident.core.detect.AnalysisOptions;
import dev.evident.core.model.Category;
import dev.evident.core.model.Finding;
import dev.evident.core.render.JsonRenderer;
import dev.evident.core.report.Analyzer;
import dev.evident.core.report.Report;
import dev.evident.ingest.Ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs ingest and analysis in-process, as {@code evident analyze} does. */
final class Diagnose {
    private Diagnose() {
    }

    static Report report(Path... inputs) {
        return new Analyzer(AnalysisOptions.defaults()).analyze(new Ingest().read(List.of(inputs)));
    }

    static Finding topIn(Report report, Category category) {
        return report.findings().stream().filter(f -> f.category() == category).findFirst()
                .orElseThrow(() -> new AssertionError("no " + category + " finding in " + report.findings()));
    }

    static String json(Report report) throws IOException {
        StringBuilder out = new StringBuilder();
        new JsonRenderer().render(report, out);
        return out.toString();
    }
}
