package dev.evident.core.plan;

import dev.evident.core.model.Confidence;

import java.util.List;

/**
 * The root-cause hypothesis: what bounds the workload, what causes it, how sure, and why.
 *
 * @param statement  one or two sentences
 * @param bound      "CPU-bound", "database-bound", ... or {@code null} when unknown
 * @param confidence high/medium/low with the reason
 * @param reasons    the facts it rests on, each citing evidence
 */
public record Hypothesis(String statement, String bound, Confidence confidence, List<String> reasons) {

    public Hypothesis {
        reasons = List.copyOf(reasons);
    }
}
