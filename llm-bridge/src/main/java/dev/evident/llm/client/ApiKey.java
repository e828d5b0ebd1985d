package dev.evident.llm.client;

/**
 * An API key and where it came from. The value is only handed to the provider client; every
 * other path (toString, messages, logs) sees the source alone, so a key cannot slip into output.
 */
public final class ApiKey {
    private final String value;
    private final String source;

    ApiKey(String value, String source) {
        this.value = value;
        this.source = source;
    }

    /** Where the key came from, e.g. "the OPENAI_API_KEY environment variable". */
    public String source() {
        return source;
    }

    /** The secret itself: for the provider client and for the redactor's exact-match rule only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiKey(from " + source + ")";
    }
}
