package dev.evident.llm.client;

/**
 * A model call failed for good (after any retries). The message is meant for the user: it names
 * the server and what to check, and it never contains the API key.
 */
public final class LlmCallException extends Exception {
    private static final long serialVersionUID = 1L;

    public LlmCallException(String message) {
        super(message);
    }
}
