package dev.evident.llm.client;

import java.nio.file.Path;

/**
 * The LLM settings as the user gave them on the command line; {@code null} means "not given".
 * {@link LlmSettings#resolve} fills the gaps from the environment and the provider's defaults.
 *
 * @param provider      {@code --llm}: openai, anthropic, ollama, or none
 * @param model         {@code --model}
 * @param baseUrl       {@code --llm-base-url}
 * @param keyFile       {@code --llm-key-file}
 * @param timeoutSeconds {@code --llm-timeout}
 * @param retries       {@code --llm-retries}: extra attempts after HTTP 429 or 5xx
 * @param budgetTokens  {@code --llm-budget}: the evidence pack's token budget
 * @param redact        false with {@code --no-redact}
 */
public record LlmOptions(String provider, String model, String baseUrl, Path keyFile, Integer timeoutSeconds,
                         Integer retries, Integer budgetTokens, boolean redact) {

    public static final LlmOptions NONE = new LlmOptions(null, null, null, null, null, null, null, true);
}
