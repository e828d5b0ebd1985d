package dev.evident.cli;

import dev.evident.llm.client.LlmOptions;
import dev.evident.llm.client.LlmSettings;
import dev.evident.core.model.IncidentContext;
import dev.evident.core.model.Sla;
import dev.evident.core.report.Report;
import dev.evident.llm.pack.Incident;
import dev.evident.llm.pack.PackBuilder;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of the optional model narrative, shared by {@code analyze} and {@code chat}. There is
 * deliberately no option that takes an API key: keys come from the environment or a file.
 */
final class LlmFlags {

    @Option(names = "--llm", paramLabel = "PROVIDER",
            description = {"Ask a model to write a narrative from the evidence, then check it: openai (also any "
                    + "OpenAI-compatible server with --llm-base-url: vLLM, LM Studio, llama.cpp, Azure), anthropic, "
                    + "ollama, or none. Default: $EVIDENT_LLM, else off.",
                    "The key comes from --llm-key-file, $EVIDENT_LLM_API_KEY, $OPENAI_API_KEY or $ANTHROPIC_API_KEY. "
                            + "See docs/llm.md for what is sent."})
    String provider;

    @Option(names = "--model", paramLabel = "NAME",
            description = "Model name (default: $EVIDENT_LLM_MODEL, else gpt-4.1-mini, claude-sonnet-4-6, llama3.1).")
    String model;

    @Option(names = "--llm-base-url", paramLabel = "URL",
            description = "API root of the server, e.g. http://localhost:8000/v1 (default: $EVIDENT_LLM_BASE_URL, "
                    + "else the provider's own).")
    String baseUrl;

    @Option(names = "--llm-key-file", paramLabel = "FILE", description = "Read the API key from FILE.")
    Path keyFile;

    @Option(names = "--llm-timeout", paramLabel = "SECONDS",
            description = "Give up on a request after SECONDS (default " + LlmSettings.DEFAULT_TIMEOUT_SECONDS + ").")
    Integer timeoutSeconds;

    @Option(names = "--llm-retries", paramLabel = "N",
            description = "Retries after HTTP 429 or 5xx, with backoff (default " + LlmSettings.DEFAULT_RETRIES + ").")
    Integer retries;

    @Option(names = "--llm-budget", paramLabel = "TOKENS",
            description = "Token budget of the evidence pack; the lowest-impact evidence is cut first (default "
                    + PackBuilder.DEFAULT_BUDGET_TOKENS + ").")
    Integer budgetTokens;

    @Option(names = "--no-redact", negatable = false,
            description = "Send host names, user names, IPs, SQL literals, command lines as they are. API keys and "
                    + "secret environment values are removed regardless.")
    boolean noRedact;

    @Option(names = "--symptom", paramLabel = "TEXT", description = "What is observed, for the model, e.g. \"/dashboard takes 8 s\".")
    String symptom;

    @Option(names = "--stack", paramLabel = "TEXT", description = "Technology stack, for the model, e.g. \"Java 17, Spring, PostgreSQL\".")
    String stack;

    @Option(names = "--traffic", paramLabel = "TEXT", description = "Traffic volume, for the model, e.g. \"1200 requests per minute\".")
    String traffic;

    /** The configuration, or empty when no model is configured; throws {@code LlmConfigException} when it cannot work. */
    Optional<LlmSettings> settings(Map<String, String> environment) {
        return LlmSettings.resolve(new LlmOptions(provider, model, baseUrl, keyFile, timeoutSeconds, retries, budgetTokens,
                !noRedact), environment);
    }

    /**
     * What the user says about the incident: these flags and the analyze command's --sla objectives,
     * each missing value taken from the first incident.yaml among the inputs.
     */
    Incident incident(Report report, List<String> slas) {
        Incident flags = new Incident(symptom, stack, slas.isEmpty() ? null : String.join(", ", slas), traffic);
        if (report.latency() == null || report.latency().incidents().isEmpty()) {
            return flags;
        }
        IncidentContext file = report.latency().incidents().get(0);
        String fileSlas = file.slas().isEmpty() ? null : String.join(", ", file.slas().stream().map(Sla::text).toList());
        return flags.orElse(new Incident(file.symptom(), file.stack(), fileSlas, file.traffic()));
    }
}
