package dev.evident.llm.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the API key: a file named by {@code --llm-key-file}, else {@code EVIDENT_LLM_API_KEY}, else the
 * provider's usual variable ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}). There is no flag that
 * takes the key itself: command lines end up in shell history and process listings.
 */
public final class KeyResolver {
    public static final String KEY_VARIABLE = "EVIDENT_LLM_API_KEY";

    private KeyResolver() {
    }

    public static Optional<ApiKey> resolve(Provider provider, Path keyFile, Map<String, String> environment) {
        if (keyFile != null) {
            String key;
            try {
                key = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new LlmConfigException("cannot read the API key file " + keyFile + " given with --llm-key-file ("
                        + e.getClass().getSimpleName() + ")");
            }
            if (key.isEmpty()) {
                throw new LlmConfigException("the API key file " + keyFile + " given with --llm-key-file is empty");
            }
            return Optional.of(new ApiKey(key, "the file " + keyFile));
        }
        String own = environment.get(KEY_VARIABLE);
        if (own != null && !own.isBlank()) {
            return Optional.of(new ApiKey(own.strip(), "the " + KEY_VARIABLE + " environment variable"));
        }
        if (provider.keyVariable() != null) {
            String theirs = environment.get(provider.keyVariable());
            if (theirs != null && !theirs.isBlank()) {
                return Optional.of(new ApiKey(theirs.strip(), "the " + provider.keyVariable() + " environment variable"));
            }
        }
        return Optional.empty();
    }
}
