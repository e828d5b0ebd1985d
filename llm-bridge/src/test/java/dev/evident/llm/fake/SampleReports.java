package dev.evident.llm.fake;

import dev.evident.core.detect.AnalysisOptions;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.report.Analyzer;
import dev.evident.core.report.Report;
import dev.evident.ingest.Ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real reports of the committed samples, built as {@code evident analyze} builds them. */
public final class SampleReports {
    private SampleReports() {
    }

    public static Path sample(String relative) {
        String root = System.getProperty("evident.repo.root");
        Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("samples").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample " + relative + " not found above " + start);
    }

    public static EvidenceSet evidence(String relative) {
        return new Ingest().read(List.of(sample(relative)));
    }

    public static Report report(String relative) {
        return new Analyzer(AnalysisOptions.defaults()).analyze(evidence(relative));
    }
}
