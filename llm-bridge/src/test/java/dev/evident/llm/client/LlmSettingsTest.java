package dev.evident.llm.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmSettingsTest {

    private static LlmOptions flags(String provider, String baseUrl) {
        return new LlmOptions(provider, null, baseUrl, null, null, null, null, true);
    }

    @Test
    void offUnlessConfigured() {
        assertThat(LlmSettings.resolve(LlmOptions.NONE, Map.of("OPENAI_API_KEY", "sk-x"))).isEmpty();
        assertThat(LlmSettings.resolve(flags("none", null), Map.of("EVIDENT_LLM", "openai"))).isEmpty();
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverDefaults() {
        LlmSettings s = LlmSettings.resolve(flags(null, null), Map.of("EVIDENT_LLM", "anthropic",
                "EVIDENT_LLM_MODEL", "claude-haiku-4-5-20251001", "ANTHROPIC_API_KEY", "sk-ant-1")).orElseThrow();
        assertThat(s.provider()).isEqualTo(Provider.ANTHROPIC);
        assertThat(s.model()).isEqualTo("claude-haiku-4-5-20251001");
        assertThat(s.baseUrl()).isEqualTo("https://api.anthropic.com/v1/");
        assertThat(s.apiKey().source()).isEqualTo("the ANTHROPIC_API_KEY environment variable");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.retries()).isEqualTo(2);
        assertThat(s.budgetTokens()).isEqualTo(8000);
        LlmSettings o = LlmSettings.resolve(flags("ollama", null), Map.of("EVIDENT_LLM", "anthropic")).orElseThrow();
        assertThat(o.provider()).isEqualTo(Provider.OLLAMA);
        assertThat(o.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(o.apiKey()).as("Ollama takes no key").isNull();
    }

    @Test
    void keysComeFromAFileOrTheEnvironmentAndNeverShowInText(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("k"), "  sk-from-file-123  \n");
        LlmSettings s = LlmSettings.resolve(new LlmOptions("openai", null, null, file, null, null, null, true),
                Map.of("OPENAI_API_KEY", "sk-env", "EVIDENT_LLM_API_KEY", "sk-own")).orElseThrow();
        assertThat(s.apiKey().reveal()).isEqualTo("sk-from-file-123");
        assertThat(s.apiKey().toString()).isEqualTo("ApiKey(from the file " + file + ")");
        assertThat(s.toString()).doesNotContain("sk-from-file-123");
        assertThat(LlmSettings.resolve(flags("openai", null), Map.of("OPENAI_API_KEY", "sk-env", "EVIDENT_LLM_API_KEY",
                "sk-own")).orElseThrow().apiKey().reveal()).isEqualTo("sk-own");
        assertThatThrownBy(() -> LlmSettings.resolve(new LlmOptions("openai", null, null, dir.resolve("missing"), null,
                null, null, true), Map.of())).hasMessageContaining("cannot read the API key file");
    }

    @Test
    void aLocalOpenAiCompatibleServerNeedsNoKeyButOpenAiItselfDoes() {
        assertThat(LlmSettings.resolve(flags("openai", "http://localhost:8000/v1"), Map.of()).orElseThrow().apiKey()).isNull();
        assertThatThrownBy(() -> LlmSettings.resolve(flags("openai", null), Map.of()))
                .isInstanceOf(LlmConfigException.class).hasMessageStartingWith("no API key for openai: set OPENAI_API_KEY");
        assertThatThrownBy(() -> LlmSettings.resolve(flags("anthropic", "http://localhost:9/v1/"), Map.of()))
                .hasMessageStartingWith("no API key for anthropic");
    }

    @Test
    void badValuesAreRejectedWithTheFlagToFix() {
        assertThatThrownBy(() -> LlmSettings.resolve(flags("openai", "ftp://x/v1"), Map.of()))
                .hasMessageContaining("--llm-base-url must be an http or https URL");
        assertThatThrownBy(() -> LlmSettings.resolve(new LlmOptions("ollama", null, null, null, 0, null, null, true),
                Map.of())).hasMessage("--llm-timeout takes a positive number, got 0");
        assertThatThrownBy(() -> LlmSettings.resolve(new LlmOptions("ollama", null, null, null, null, 11, null, true),
                Map.of())).hasMessage("--llm-retries takes 0 to 10, got 11");
        LlmSettings s = LlmSettings.resolve(flags("ollama", "http://gpu-box:11434/v1?token=abc"), Map.of()).orElseThrow();
        assertThat(s.author()).isEqualTo("ollama llama3.1 at http://gpu-box:11434/v1");
    }
}
