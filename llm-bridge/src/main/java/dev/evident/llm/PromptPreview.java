package dev.evident.llm;

import dev.evident.llm.client.ChatModels;
import dev.evident.llm.client.LlmSettings;
import dev.evident.llm.client.RequestCapture;
import dev.evident.llm.pack.EvidencePack;
import dev.evident.llm.prompt.AnswerSchemas;
import dev.evident.llm.prompt.Prompts;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code --show-prompt}: the first request of a narration exactly as the provider client would send
 * it (method, URL, headers, body), built by the real client with a capturing HTTP layer, so nothing
 * leaves the machine. The client is given a stand-in key, never the real one, and the credential
 * header is printed as a description of where the real key would come from.
 */
final class PromptPreview {
    static final String STAND_IN_KEY = "evident-show-prompt-no-key";
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "x-api-key", "api-key");

    private PromptPreview() {
    }

    static String render(LlmSettings settings, EvidencePack pack) {
        RequestCapture capture = new RequestCapture();
        // a stand-in only where the real call would send a key: the header set must match the real request
        String key = settings.apiKey() != null || settings.provider().keyRequired(settings.baseUrl()) ? STAND_IN_KEY : null;
        ChatModel model = ChatModels.create(settings, capture, key);
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(Prompts.diagnoseSystem()), UserMessage.from(Prompts.diagnoseUser(pack.json())))
                .responseFormat(AnswerSchemas.diagnosis(pack.ids()))
                .build();
        try {
            model.chat(request);
        } catch (RuntimeException expected) {
            // RequestCapture ends every call once it holds the request
        }
        HttpRequest captured = capture.request();
        if (captured == null) {
            throw new IllegalStateException("the provider client built no request");
        }
        StringBuilder out = new StringBuilder();
        out.append(captured.method()).append(' ').append(captured.url()).append('\n');
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(captured.headers());
        headers.forEach((name, values) -> {
            for (String value : values) {
                out.append(name).append(": ");
                if (CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    out.append(settings.apiKey() == null ? "(no key configured; the header would carry none)"
                            : "(the key from " + settings.apiKey().source() + "; not shown)");
                } else {
                    out.append(value);
                }
                out.append('\n');
            }
        });
        out.append('\n').append(captured.body() == null ? "" : captured.body()).append('\n');
        return out.toString();
    }
}
