package dev.evident.llm.verify;

import java.util.List;

/**
 * A model's structured answer, parsed.
 *
 * @param insufficientEvidence the model said the pack does not support a diagnosis
 * @param bound                the bound the hypothesis names ({@code cpu}, {@code io}, {@code lock}, {@code gc},
 *                             {@code database}, {@code unknown}), or {@code null} for chat answers
 * @param confidence           the hypothesis's confidence ({@code high}, {@code medium}, {@code low}), or {@code null}
 * @param claims               every statement, in section order
 */
public record ModelAnswer(boolean insufficientEvidence, String bound, String confidence, List<AnswerClaim> claims) {

    public ModelAnswer {
        claims = List.copyOf(claims);
    }

    public List<AnswerClaim> claims(String section) {
        return claims.stream().filter(c -> c.section().equals(section)).toList();
    }
}
