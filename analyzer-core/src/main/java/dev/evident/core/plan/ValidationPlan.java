package dev.evident.core.plan;

import java.util.List;

/**
 * How to prove the fixes helped and keep them from regressing.
 *
 * @param baseline   the figures to beat, each citing evidence (latency percentiles, the hot share)
 * @param steps      commands for the before/after measurement, in order
 * @param loadTest   load-test parameters for verifying at scale
 * @param alertRules Prometheus alerting rules (YAML) with thresholds from the baseline, or {@code null}
 *                   when no latency baseline exists
 */
public record ValidationPlan(List<String> baseline, List<String> steps, String loadTest, String alertRules) {

    public ValidationPlan {
        baseline = List.copyOf(baseline);
        steps = List.copyOf(steps);
    }
}
