package dev.evident.llm.client;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.List;
import java.util.function.Consumer;

/**
 * Sends one request to the model and returns the answer text, retrying rate limits (HTTP 429) and
 * server errors (5xx) with exponential backoff: 1 s, 2 s, 4 s, at most 8 s between attempts.
 * Authentication and not-found errors fail at once, and a timeout is not retried either (the
 * timeout is already the time the user agreed to wait).
 */
public final class ModelClient {
    static final long FIRST_DELAY_MILLIS = 1000;
    static final long MAX_DELAY_MILLIS = 8000;

    /** Waits between attempts; tests pass one that records the delays instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final ChatModel model;
    private final LlmSettings settings;
    private final Sleeper sleeper;
    private final Consumer<String> progress;

    public ModelClient(ChatModel model, LlmSettings settings, Sleeper sleeper, Consumer<String> progress) {
        this.model = model;
        this.settings = settings;
        this.sleeper = sleeper;
        this.progress = progress;
    }

    public static ModelClient of(LlmSettings settings, Consumer<String> progress) {
        String key = settings.apiKey() == null ? null : settings.apiKey().reveal();
        return new ModelClient(ChatModels.create(settings, null, key), settings, Thread::sleep, progress);
    }

    public String chat(List<ChatMessage> messages, ResponseFormat format) throws LlmCallException {
        ChatRequest request = ChatRequest.builder().messages(messages).responseFormat(format).build();
        int attempts = settings.retries() + 1;
        for (int attempt = 1; ; attempt++) {
            try {
                ChatResponse response = model.chat(request);
                String text = response.aiMessage() == null ? null : response.aiMessage().text();
                if (text == null || text.isBlank()) {
                    throw new LlmCallException("the model server at " + settings.displayUrl() + " returned an empty answer"
                            + (response.finishReason() == null ? "" : " (finish reason " + response.finishReason() + ")")
                            + ".");
                }
                return text;
            } catch (RuntimeException e) {
                if (!CallErrors.retriable(e) || attempt >= attempts) {
                    throw new LlmCallException(CallErrors.describe(e, settings, attempt));
                }
                long delay = delay(attempt);
                progress.accept("the model server answered " + (e instanceof dev.langchain4j.exception.RateLimitException
                        ? "HTTP 429 (rate limited)" : "with a server error") + "; retrying in "
                        + delay / 1000 + " s (attempt " + (attempt + 1) + " of " + attempts + ")");
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new LlmCallException("interrupted while waiting to retry the model call");
                }
            }
        }
    }

    static long delay(int attempt) {
        return Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << Math.min(attempt - 1, 10));
    }
}
