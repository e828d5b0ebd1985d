package dev.evident.llm.client;

import dev.evident.llm.pack.PackBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A complete, validated LLM configuration.
 *
 * @param provider        who serves the model
 * @param model           the model name
 * @param baseUrl         the API root
 * @param apiKey          the key, or {@code null} for servers that take none
 * @param timeout         connect and read timeout of one request
 * @param retries         extra attempts after HTTP 429 or 5xx
 * @param maxOutputTokens cap on the answer's length
 * @param budgetTokens    the evidence pack's token budget
 * @param redact          whether the pattern redaction rules run (exact secrets are always removed)
 */
public record LlmSettings(Provider provider, String model, String baseUrl, ApiKey apiKey, Duration timeout, int retries,
                          int maxOutputTokens, int budgetTokens, boolean redact) {
    public static final String PROVIDER_VARIABLE = "EVIDENT_LLM";
    public static final String MODEL_VARIABLE = "EVIDENT_LLM_MODEL";
    public static final String BASE_URL_VARIABLE = "EVIDENT_LLM_BASE_URL";
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;
    public static final int DEFAULT_RETRIES = 2;
    /** Enough for a 700-word answer in JSON, with room to spare. */
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;

    /**
     * The settings from flags, then {@code EVIDENT_LLM*} variables, then the provider's defaults; empty
     * when no provider is configured (the default: no model is involved) or {@code --llm none}.
     *
     * @throws LlmConfigException when the configuration cannot work, with what to fix
     */
    public static Optional<LlmSettings> resolve(LlmOptions flags, Map<String, String> environment) {
        String providerName = first(flags.provider(), environment.get(PROVIDER_VARIABLE));
        if (providerName == null || providerName.isBlank() || providerName.strip().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        Provider provider = Provider.parse(providerName);
        String model = first(flags.model(), environment.get(MODEL_VARIABLE), provider.defaultModel());
        String baseUrl = first(flags.baseUrl(), environment.get(BASE_URL_VARIABLE), provider.defaultBaseUrl()).strip();
        checkUrl(baseUrl);
        ApiKey key = KeyResolver.resolve(provider, flags.keyFile(), environment).orElse(null);
        if (key == null && provider.keyRequired(baseUrl)) {
            throw new LlmConfigException("no API key for " + provider.id() + ": set " + provider.keyVariable() + " or "
                    + KeyResolver.KEY_VARIABLE + ", or name a file holding it with --llm-key-file "
                    + "(keys are never taken on the command line)");
        }
        int timeout = positive(flags.timeoutSeconds(), DEFAULT_TIMEOUT_SECONDS, "--llm-timeout");
        int retries = flags.retries() == null ? DEFAULT_RETRIES : flags.retries();
        if (retries < 0 || retries > 10) {
            throw new LlmConfigException("--llm-retries takes 0 to 10, got " + retries);
        }
        int budget = positive(flags.budgetTokens(), PackBuilder.DEFAULT_BUDGET_TOKENS, "--llm-budget");
        return Optional.of(new LlmSettings(provider, model, baseUrl, key, Duration.ofSeconds(timeout), retries,
                DEFAULT_MAX_OUTPUT_TOKENS, budget, flags.redact()));
    }

    /** Who writes the narrative, for the report: provider, model, server; never the key. */
    public String author() {
        return provider.id() + " " + model + " at " + displayUrl();
    }

    /** The base URL without query or credentials, for messages: scheme, host, port and path. */
    public String displayUrl() {
        return display(baseUrl);
    }

    static String display(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                return "(an invalid URL)";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (java.net.URISyntaxException e) {
            return "(an invalid URL)";
        }
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new LlmConfigException("--llm-base-url must be an http or https URL such as "
                        + "http://localhost:8000/v1, got " + display(url));
            }
            if (uri.getUserInfo() != null) {
                throw new LlmConfigException("--llm-base-url must not carry credentials; put the key in "
                        + KeyResolver.KEY_VARIABLE + " or a --llm-key-file");
            }
        } catch (java.net.URISyntaxException e) {
            throw new LlmConfigException("--llm-base-url is not a valid URL");
        }
    }

    private static int positive(Integer value, int fallback, String flag) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new LlmConfigException(flag + " takes a positive number, got " + value);
        }
        return value;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
