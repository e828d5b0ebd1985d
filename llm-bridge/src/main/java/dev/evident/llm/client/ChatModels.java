package dev.evident.llm.client;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the langchain4j chat model for a provider. Common choices: temperature 0 (and a fixed
 * seed where the API has one) so the same pack tends to give the same answer; strict JSON schema;
 * no request or response logging (the log would hold the prompt and headers); and no langchain4j
 * retries, because {@link ModelClient} retries itself, visibly and with its own backoff.
 */
public final class ChatModels {
    /** Any fixed value: it only makes sampling repeatable on servers that honour it. */
    static final int SEED = 20260227;

    private ChatModels() {
    }

    /**
     * @param http the HTTP client to use, or {@code null} for the JDK client; {@code --show-prompt}
     *             passes one that records the request instead of sending it
     * @param key  the key to send, or {@code null}
     */
    public static ChatModel create(LlmSettings s, HttpClientBuilder http, String key) {
        HttpClientBuilder client = http != null ? http : new JdkHttpClientBuilder();
        if (s.provider() == Provider.ANTHROPIC) {
            return AnthropicChatModel.builder()
                    .httpClientBuilder(client)
                    .baseUrl(s.baseUrl())
                    .apiKey(key)
                    .modelName(s.model())
                    .temperature(0.0)
                    .maxTokens(s.maxOutputTokens())
                    .timeout(s.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
        }
        return OpenAiChatModel.builder()
                .httpClientBuilder(client)
                .baseUrl(s.baseUrl())
                .apiKey(key)
                .modelName(s.model())
                .temperature(0.0)
                .seed(SEED)
                .maxTokens(s.maxOutputTokens())
                .strictJsonSchema(true)
                .timeout(s.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
    }
}
