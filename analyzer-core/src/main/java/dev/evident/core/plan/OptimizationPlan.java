package dev.evident.core.plan;

import java.util.List;

/**
 * The prioritized plan: hypothesis, fixes ordered by expected gain per hour, validation, and the
 * evidence that was missing.
 *
 * @param quickWins ids of the items that are quick wins
 */
public record OptimizationPlan(Hypothesis hypothesis, List<PlanItem> items, List<String> quickWins,
                               ValidationPlan validation) {

    public OptimizationPlan {
        items = List.copyOf(items);
        quickWins = List.copyOf(quickWins);
    }
}
