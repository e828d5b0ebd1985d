package dev.evident.llm.client;

import java.util.Locale;

/**
 * The model providers evident can talk to. Ollama is reached through its OpenAI-compatible
 * endpoint ({@code /v1}): langchain4j's own Ollama module has no 1.19.0 release on Maven Central,
 * and the compatible endpoint supports the same JSON-schema output.
 *
 * @param defaultBaseUrl where the provider's API lives unless {@code --llm-base-url} says otherwise
 * @param defaultModel   the model used unless {@code --model} says otherwise
 * @param keyVariable    the provider's usual API-key variable, or {@code null} when it needs no key
 */
public enum Provider {
    OPENAI("https://api.openai.com/v1", "gpt-4.1-mini", "OPENAI_API_KEY"),
    ANTHROPIC("https://api.anthropic.com/v1/", "claude-sonnet-4-6", "ANTHROPIC_API_KEY"),
    OLLAMA("http://localhost:11434/v1", "llama3.1", null);

    private final String defaultBaseUrl;
    private final String defaultModel;
    private final String keyVariable;

    Provider(String defaultBaseUrl, String defaultModel, String keyVariable) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
        this.keyVariable = keyVariable;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public String defaultModel() {
        return defaultModel;
    }

    public String keyVariable() {
        return keyVariable;
    }

    /** Whether the API speaks OpenAI's chat-completions protocol. */
    public boolean openAiCompatible() {
        return this != ANTHROPIC;
    }

    /**
     * Whether a request without a key is pointless. Local OpenAI-compatible servers (vLLM, LM
     * Studio, llama.cpp) usually take none, so OpenAI needs one only at its own address.
     */
    public boolean keyRequired(String baseUrl) {
        return switch (this) {
            case OPENAI -> baseUrl.equals(defaultBaseUrl);
            case ANTHROPIC -> true;
            case OLLAMA -> false;
        };
    }

    public static Provider parse(String name) {
        for (Provider p : values()) {
            if (p.id().equalsIgnoreCase(name.strip())) {
                return p;
            }
        }
        throw new LlmConfigException("unknown --llm provider '" + name + "'; use openai (also any OpenAI-compatible "
                + "server with --llm-base-url), anthropic or ollama");
    }
}
