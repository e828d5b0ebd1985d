package dev.evident.llm.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of checking one answer.
 *
 * @param answer         the parsed answer, or {@code null} when it could not be parsed
 * @param checks         one per statement
 * @param answerProblems problems of the answer as a whole (not JSON, no statements, wrong bound)
 */
public record Verdict(ModelAnswer answer, List<ClaimCheck> checks, List<String> answerProblems) {

    public Verdict {
        checks = List.copyOf(checks);
        answerProblems = List.copyOf(answerProblems);
    }

    public boolean passed() {
        return answerProblems.isEmpty() && checks.stream().allMatch(ClaimCheck::supported);
    }

    public boolean declined() {
        return answer != null && answer.insufficientEvidence() && answer.claims().isEmpty();
    }

    public List<ClaimCheck> failures() {
        return checks.stream().filter(c -> !c.supported()).toList();
    }

    /** Every problem, one line each, as the re-prompt lists them. */
    public List<String> problemLines() {
        List<String> out = new ArrayList<>(answerProblems);
        for (ClaimCheck c : failures()) {
            for (String p : c.problems()) {
                out.add(c.claim().label() + ": " + p);
            }
        }
        return out;
    }
}
