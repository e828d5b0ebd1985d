package dev.evident.cli;

import dev.evident.core.compare.CompareOptions;
import dev.evident.core.compare.Comparer;
import dev.evident.core.compare.Comparison;
import dev.evident.core.compare.ComparisonJson;
import dev.evident.core.compare.ComparisonMarkdown;
import dev.evident.core.detect.AnalysisOptions;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.report.Analyzer;
import dev.evident.ingest.Ingest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code evident compare BEFORE AFTER}: did a change make things faster, slower, or neither? */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        description = {"Compares two runs: latency (Mann-Whitney U, bootstrap intervals of p50/p95/p99, Welch t for the mean),",
                "profiles (per-method share deltas, normalized like pprof -diff_base -normalize) and findings.",
                "Each side is a directory or files; separate several files of one side with commas."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:comparison written",
                "1:a regression reached --fail-on-regression",
                "2:usage error",
                "3:a side has no readable artifact"})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BEFORE", description = "Artifacts of the run before the change (directory or files, comma-separated).")
    String before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "Artifacts of the run after the change.")
    String after;

    @Option(names = {"-f", "--format"}, defaultValue = "md", paramLabel = "FORMAT", description = "md (default), json or html.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--noise", paramLabel = "PERCENT", defaultValue = "2%",
            description = "Changes whose 95%% interval reaches inside ±PERCENT count as noise (default 2%%).")
    String noise;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05", description = "Significance level (default 0.05).")
    double alpha;

    @Option(names = "--fail-on-regression", paramLabel = "PERCENT",
            description = "Exit with code 1 when a statistic regressed by PERCENT or more (e.g. 5%%). For CI gates.")
    String failOnRegression;

    @Option(names = "--app-package", paramLabel = "PREFIX", description = "Package prefix of your own code (repeatable).")
    List<String> applicationPackages = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        double noiseBand = Outputs.fraction(noise);
        double fail = failOnRegression == null ? Double.NaN : Outputs.fraction(failOnRegression);
        if (!(noiseBand >= 0 && noiseBand < 1) || (failOnRegression != null && !(fail > 0)) || !(alpha > 0 && alpha < 1)) {
            err.println("--noise and --fail-on-regression take a percentage such as 2% or 5%, --alpha a probability "
                    + "such as 0.05");
            return ExitCodes.USAGE;
        }
        if (!format.equals("md") && !format.equals("markdown") && !format.equals("json") && !format.equals("html")) {
            err.println("unknown --format '" + format + "'; use md, json or html");
            return ExitCodes.USAGE;
        }
        Ingest ingest = new Ingest();
        EvidenceSet b = ingest.read(paths(before));
        EvidenceSet a = ingest.read(paths(after));
        for (var s : b.skipped()) {
            err.println("evident: skipped (before) " + s.path() + ": " + s.reason());
        }
        for (var s : a.skipped()) {
            err.println("evident: skipped (after) " + s.path() + ": " + s.reason());
        }
        if (b.artifacts().isEmpty() || a.artifacts().isEmpty()) {
            err.println("evident: " + (b.artifacts().isEmpty() ? "BEFORE" : "AFTER") + " has no readable artifact");
            err.flush();
            return ExitCodes.NO_READABLE_ARTIFACT;
        }
        Analyzer analyzer = new Analyzer(new AnalysisOptions(applicationPackages, 3));
        Comparison c = Comparer.compare(b, a, analyzer.analyze(b), analyzer.analyze(a),
                new CompareOptions(noiseBand, alpha, fail));
        Outputs.write(output, spec.commandLine().getOut(), out -> {
            if (format.equals("json")) {
                ComparisonJson.render(c, out);
            } else if (format.equals("html")) {
                dev.evident.core.render.ComparisonHtml.render(c, out);
            } else {
                ComparisonMarkdown.render(c, out);
            }
        });
        if (output != null) {
            err.println("evident: " + c.headline() + " Written to " + output);
        }
        err.flush();
        return c.failed() ? ExitCodes.FINDINGS_OVER_THRESHOLD : ExitCodes.OK;
    }

    static List<Path> paths(String side) {
        return Arrays.stream(side.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }
}
