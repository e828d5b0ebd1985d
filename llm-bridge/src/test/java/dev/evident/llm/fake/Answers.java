package dev.evident.llm.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds model answers in the shape of evident's answer schemas, as a model would write them. */
public final class Answers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();

    private Answers() {
        root.put("insufficientEvidence", false);
    }

    /** A diagnosis answer with empty sections. */
    public static Answers diagnosis() {
        Answers a = new Answers();
        for (String section : new String[] {"bottleneck", "impact", "plan", "validation"}) {
            a.root.putArray(section);
        }
        return a;
    }

    /** A chat answer with no statements yet. */
    public static Answers chat() {
        Answers a = new Answers();
        a.root.putArray("answer");
        return a;
    }

    public Answers hypothesis(String bound, String confidence, String text, String... ids) {
        ObjectNode h = root.putObject("hypothesis");
        h.put("bound", bound).put("confidence", confidence).put("text", text);
        ids(h, ids);
        return this;
    }

    /** A statement in {@code section} (bottleneck, impact, validation, answer). */
    public Answers say(String section, String text, String... ids) {
        ObjectNode claim = ((ArrayNode) root.get(section)).addObject();
        claim.put("text", text);
        ids(claim, ids);
        return this;
    }

    public Answers plan(String title, String text, String... ids) {
        ObjectNode item = ((ArrayNode) root.get("plan")).addObject();
        item.put("title", title).put("text", text);
        ids(item, ids);
        return this;
    }

    public Answers insufficient() {
        root.put("insufficientEvidence", true);
        return this;
    }

    public String json() {
        return root.toString();
    }

    private static void ids(ObjectNode node, String... ids) {
        ArrayNode array = node.putArray("evidence");
        for (String id : ids) {
            array.add(id);
        }
    }
}
