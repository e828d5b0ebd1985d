package dev.evident.llm.verify;

import java.util.List;

/**
 * The verdict on one statement.
 *
 * @param claim     the statement
 * @param citations the ids it cites: its evidence list plus ids named in its text, in order
 * @param problems  why it is not supported; empty when it is
 */
public record ClaimCheck(AnswerClaim claim, List<String> citations, List<String> problems) {

    public ClaimCheck {
        citations = List.copyOf(citations);
        problems = List.copyOf(problems);
    }

    public boolean supported() {
        return problems.isEmpty();
    }
}
