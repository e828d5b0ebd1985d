package dev.evident.llm.prompt;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;

import java.util.List;

/**
 * The JSON schemas the model must answer in. Every evidence list is an array of an enum of the
 * pack's real ids, so a server that enforces schemas (OpenAI strict mode, Anthropic structured
 * outputs, vLLM and Ollama grammars) cannot even emit an id that does not exist; the verifier checks
 * anyway, for servers that do not enforce. All properties are required and no others allowed, as
 * OpenAI's strict mode demands.
 */
public final class AnswerSchemas {
    public static final List<String> BOUNDS = List.of("cpu", "io", "lock", "gc", "database", "unknown");
    public static final List<String> CONFIDENCE = List.of("high", "medium", "low");

    private AnswerSchemas() {
    }

    /** hypothesis, bottleneck, impact, plan, validation: the diagnosis in the task order. */
    public static ResponseFormat diagnosis(List<String> ids) {
        JsonObjectSchema hypothesis = JsonObjectSchema.builder()
                .addEnumProperty("bound", BOUNDS, "what limits the workload, as the pack's bound says")
                .addEnumProperty("confidence", CONFIDENCE)
                .addStringProperty("text", "the baseline metric and the root-cause hypothesis")
                .addProperty("evidence", evidence(ids))
                .required("bound", "confidence", "text", "evidence")
                .additionalProperties(false)
                .build();
        JsonObjectSchema planItem = JsonObjectSchema.builder()
                .addStringProperty("title", "the change, in a few words")
                .addStringProperty("text", "what to do and why, from the finding it addresses")
                .addProperty("evidence", evidence(ids))
                .required("title", "text", "evidence")
                .additionalProperties(false)
                .build();
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addBooleanProperty("insufficientEvidence", "true when the pack cannot support a diagnosis")
                .addProperty("hypothesis", hypothesis)
                .addProperty("bottleneck", statements(ids))
                .addProperty("impact", statements(ids))
                .addProperty("plan", JsonArraySchema.builder().items(planItem).build())
                .addProperty("validation", statements(ids))
                .required("insufficientEvidence", "hypothesis", "bottleneck", "impact", "plan", "validation")
                .additionalProperties(false)
                .build();
        return format("evident_diagnosis", root);
    }

    /** A chat answer: a list of statements. */
    public static ResponseFormat chat(List<String> ids) {
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addBooleanProperty("insufficientEvidence", "true when the pack cannot answer the question")
                .addProperty("answer", statements(ids))
                .required("insufficientEvidence", "answer")
                .additionalProperties(false)
                .build();
        return format("evident_chat_answer", root);
    }

    private static JsonArraySchema statements(List<String> ids) {
        return JsonArraySchema.builder().items(JsonObjectSchema.builder()
                        .addStringProperty("text")
                        .addProperty("evidence", evidence(ids))
                        .required("text", "evidence")
                        .additionalProperties(false)
                        .build())
                .build();
    }

    private static JsonArraySchema evidence(List<String> ids) {
        return JsonArraySchema.builder()
                .description("ids of the pack items this rests on")
                .items(JsonEnumSchema.builder().enumValues(ids).build())
                .build();
    }

    private static ResponseFormat format(String name, JsonObjectSchema root) {
        return ResponseFormat.builder().type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name(name).rootElement(root).build())
                .build();
    }
}
