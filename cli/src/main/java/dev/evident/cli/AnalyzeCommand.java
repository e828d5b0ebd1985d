package dev.evident.cli;

import dev.evident.core.detect.AnalysisOptions;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.Sla;
import dev.evident.core.render.Renderer;
import dev.evident.core.report.Analyzer;
import dev.evident.core.report.Report;
import dev.evident.ingest.Ingest;
import dev.evident.llm.LlmBridge;
import dev.evident.llm.client.LlmConfigException;
import dev.evident.llm.client.LlmSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

/** {@code evident analyze}: read artifacts, run the detectors, write the report. */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        description = {"Reads every artifact under the given directories and files, and writes a diagnosis.",
                "Formats are detected by content. Unreadable files are listed with the reason and do not stop the run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:report written",
                "1:a finding scored at or above --fail-on",
                "2:usage error",
                "3:none of the inputs could be read"})
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    EvidentCommand parent;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Artifact files or directories to analyze.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-f", "--format"}, defaultValue = "md", paramLabel = "FORMAT",
            description = "Report format: md (Markdown, default), json, or html (one self-contained page with flame graphs).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--app-package", paramLabel = "PREFIX",
            description = "Package prefix of your own code (repeatable). Hot spots are attributed to the nearest frame under it.")
    List<String> applicationPackages = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for reading artifacts (default: one per CPU core).")
    Integer threads;

    @Option(names = "--digest", paramLabel = "WHICH", defaultValue = "default",
            description = "Which inputs get a SHA-256 digest in the report: default (files up to 64 MiB), all, or none.")
    Ingest.Digest digest;

    @Option(names = "--sla", paramLabel = "OBJECTIVE",
            description = "Latency objective, e.g. \"p95<500ms\", \"p99.9<1.2s\", \"mean<200ms\" (repeatable). "
                    + "The report leads with every breach. An incident.yaml among the inputs can add its own.")
    List<String> slas = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "SCORE",
            description = "Exit with code 1 when a finding scores SCORE or more (0-100). Useful in CI.")
    Integer failOn;

    @Mixin
    LlmFlags llm;

    @Option(names = "--show-prompt",
            description = "Print exactly what would be sent to the model (request line, headers with the key left out, "
                    + "body) instead of the report, and send nothing. Needs --llm.")
    boolean showPrompt;

    @Override
    public Integer call() throws IOException {
        Renderer renderer = renderer(format);
        if (renderer == null) {
            spec.commandLine().getErr().println("unknown --format '" + format + "'; use md, json or html");
            return ExitCodes.USAGE;
        }
        if (failOn != null && (failOn < 0 || failOn > 100)) {
            spec.commandLine().getErr().println("--fail-on takes a score from 0 to 100, got " + failOn);
            return ExitCodes.USAGE;
        }
        List<Sla> parsedSlas = new ArrayList<>();
        for (String text : slas) {
            try {
                parsedSlas.add(Sla.parse(text, "--sla"));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("--sla: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        long started = System.nanoTime();
        if (threads != null && threads < 1) {
            spec.commandLine().getErr().println("--threads takes a positive number, got " + threads);
            return ExitCodes.USAGE;
        }
        Optional<LlmSettings> llmSettings;
        try {
            llmSettings = llm.settings(parent.environment());
        } catch (LlmConfigException e) {
            spec.commandLine().getErr().println("evident: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (showPrompt && llmSettings.isEmpty()) {
            spec.commandLine().getErr().println("--show-prompt needs a provider to know what would be sent: "
                    + "--llm openai, anthropic or ollama");
            return ExitCodes.USAGE;
        }
        Ingest ingest = new Ingest(Ingest.loadReaders(),
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, digest);
        EvidenceSet evidence = ingest.read(inputs);
        Report report = new Analyzer(new AnalysisOptions(applicationPackages, 3, parsedSlas)).analyze(evidence);
        if (llmSettings.isPresent() && !evidence.artifacts().isEmpty()) {
            PrintWriter progress = spec.commandLine().getErr();
            LlmBridge bridge = LlmBridge.create(llmSettings.get(), parent.environment(),
                    message -> progress.println("evident: " + message));
            if (showPrompt) {
                spec.commandLine().getOut().print(bridge.showPrompt(report, llm.incident(report, slas)));
                spec.commandLine().getOut().flush();
                progress.println("evident: --show-prompt: nothing was sent");
                progress.flush();
                return ExitCodes.OK;
            }
            report = report.withNarrative(bridge.narrate(report, llm.incident(report, slas)));
        }
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                renderer.render(report, w);
            }
        } else {
            PrintWriter out = spec.commandLine().getOut();
            renderer.render(report, out);
            out.flush();
        }
        PrintWriter err = spec.commandLine().getErr();
        if (System.console() != null || output != null) {
            err.printf("evident: read %d artifact(s), skipped %d, %d finding(s) in %.1f s%s%n",
                    evidence.artifacts().size(), evidence.skipped().size(), report.findings().size(),
                    (System.nanoTime() - started) / 1e9, output != null ? "; report written to " + output : "");
        }
        for (var skipped : evidence.skipped()) {
            err.println("evident: skipped " + skipped.path() + ": " + skipped.reason());
        }
        err.flush();
        if (evidence.artifacts().isEmpty()) {
            err.println("evident: none of the inputs could be read");
            err.flush();
            return ExitCodes.NO_READABLE_ARTIFACT;
        }
        if (failOn != null && report.findings().stream().mapToInt(Finding::score).anyMatch(s -> s >= failOn)) {
            return ExitCodes.FINDINGS_OVER_THRESHOLD;
        }
        return ExitCodes.OK;
    }

    static Renderer renderer(String format) {
        for (Renderer r : ServiceLoader.load(Renderer.class, AnalyzeCommand.class.getClassLoader())) {
            if (r.format().equalsIgnoreCase(format) || ("markdown".equalsIgnoreCase(format) && r.format().equals("md"))) {
                return r;
            }
        }
        return null;
    }
}
