package dev.evident.cli;

import dev.evident.core.detect.AnalysisOptions;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.report.Analyzer;
import dev.evident.core.report.Report;
import dev.evident.ingest.Ingest;
import dev.evident.llm.LlmBridge;
import dev.evident.llm.chat.ChatSession;
import dev.evident.llm.chat.Conversation;
import dev.evident.llm.client.LlmConfigException;
import dev.evident.llm.client.LlmSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code evident chat}: an interactive session over one analysis, in the manner of pprof's interactive mode. */
@Command(name = "chat",
        mixinStandardHelpOptions = true,
        description = {"Analyzes the inputs, then reads commands from standard input: findings, finding F1, evidence E1, "
                + "top, tree <method>, plan, help, quit. Any other line is a question for the model (with --llm), "
                + "answered from the same evidence and checked before it is shown.",
                "Works with piped input, e.g.: printf 'top 5\\nfinding F1\\n' | evident chat samples/contains-in-loop"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:session ended", "2:usage error", "3:none of the inputs could be read"})
final class ChatCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    EvidentCommand parent;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Artifact files or directories to analyze.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--app-package", paramLabel = "PREFIX", description = "Package prefix of your own code (repeatable).")
    List<String> applicationPackages = new ArrayList<>();

    @Mixin
    LlmFlags llm;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<LlmSettings> settings;
        try {
            settings = llm.settings(parent.environment());
        } catch (LlmConfigException e) {
            err.println("evident: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        EvidenceSet evidence = new Ingest().read(inputs);
        for (var skipped : evidence.skipped()) {
            err.println("evident: skipped " + skipped.path() + ": " + skipped.reason());
        }
        if (evidence.artifacts().isEmpty()) {
            err.println("evident: none of the inputs could be read");
            return ExitCodes.NO_READABLE_ARTIFACT;
        }
        Report report = new Analyzer(new AnalysisOptions(applicationPackages, 3)).analyze(evidence);
        Conversation conversation = settings
                .map(s -> LlmBridge.create(s, parent.environment(), message -> err.println("evident: " + message))
                        .conversation(report, llm.incident(report, List.of())))
                .orElse(null);
        BufferedReader in = new BufferedReader(new InputStreamReader(parent.input(), StandardCharsets.UTF_8));
        boolean interactive = System.console() != null && parent.input() == System.in;
        new ChatSession(report, evidence, conversation,
                "No model is configured, so questions cannot be answered; start chat with --llm (see docs/llm.md), "
                        + "or use the offline commands (help).")
                .run(in, out, interactive);
        err.flush();
        return ExitCodes.OK;
    }
}
