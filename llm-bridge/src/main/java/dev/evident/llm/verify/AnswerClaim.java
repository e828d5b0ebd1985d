package dev.evident.llm.verify;

import java.util.List;

/**
 * One statement of a model's answer, as the schema shapes it.
 *
 * @param section  {@code hypothesis}, {@code bottleneck}, {@code impact}, {@code plan}, {@code validation}, or {@code answer} (chat)
 * @param index    position within its section, from 1
 * @param title    a plan step's title, or {@code null}
 * @param text     the statement
 * @param evidence the ids it says it rests on
 */
public record AnswerClaim(String section, int index, String title, String text, List<String> evidence) {

    public AnswerClaim {
        evidence = List.copyOf(evidence);
    }

    /** Where it is, for messages: "bottleneck 2". */
    public String label() {
        return section + " " + index;
    }

    /** Title and text together: both are checked. */
    public String fullText() {
        return title == null || title.isBlank() ? text : title + ": " + text;
    }
}
