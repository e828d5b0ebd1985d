package dev.evident.llm.client;

/** The LLM configuration cannot work; the message says which flag or variable to fix. */
public final class LlmConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LlmConfigException(String message) {
        super(message);
    }
}
