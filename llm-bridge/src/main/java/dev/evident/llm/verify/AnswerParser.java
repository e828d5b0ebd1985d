package dev.evident.llm.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a model's answer. Servers without schema enforcement sometimes wrap the JSON in a
 * Markdown fence or a sentence, so the outermost object is taken; anything else that does not fit
 * the shape is an {@link AnswerFormatException}, which the narrator treats like a failed check.
 */
public final class AnswerParser {
    /** Sections of a diagnosis answer, in the task order. */
    public static final List<String> DIAGNOSIS_SECTIONS = List.of("bottleneck", "impact", "plan", "validation");
    public static final String HYPOTHESIS = "hypothesis";
    public static final String CHAT_SECTION = "answer";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerParser() {
    }

    public static ModelAnswer parse(String text) throws AnswerFormatException {
        if (text == null || text.isBlank()) {
            throw new AnswerFormatException("the answer is empty");
        }
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new AnswerFormatException("the answer is not a JSON object");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            throw new AnswerFormatException("the answer is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        boolean insufficient = root.path("insufficientEvidence").asBoolean(false);
        List<AnswerClaim> claims = new ArrayList<>();
        String bound = null;
        String confidence = null;
        JsonNode hypothesis = root.get(HYPOTHESIS);
        if (hypothesis != null && hypothesis.isObject()) {
            bound = textOrNull(hypothesis.get("bound"));
            confidence = textOrNull(hypothesis.get("confidence"));
            String t = textOrNull(hypothesis.get("text"));
            if (t != null && !t.isBlank()) {
                claims.add(new AnswerClaim(HYPOTHESIS, 1, null, t, ids(hypothesis.get("evidence"))));
            }
        }
        List<String> sections = new ArrayList<>(DIAGNOSIS_SECTIONS);
        sections.add(CHAT_SECTION);
        for (String section : sections) {
            JsonNode array = root.get(section);
            if (array == null || array.isNull()) {
                continue;
            }
            if (!array.isArray()) {
                throw new AnswerFormatException("'" + section + "' must be a list of statements");
            }
            int index = 0;
            for (JsonNode node : array) {
                index++;
                String t = textOrNull(node.get("text"));
                if (t == null) {
                    throw new AnswerFormatException(section + " " + index + " has no 'text'");
                }
                claims.add(new AnswerClaim(section, index, textOrNull(node.get("title")), t, ids(node.get("evidence"))));
            }
        }
        return new ModelAnswer(insufficient, bound, confidence, claims);
    }

    private static List<String> ids(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode id : node) {
                if (id.isTextual() && !id.asText().isBlank()) {
                    out.add(id.asText().strip());
                }
            }
        }
        return out;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
