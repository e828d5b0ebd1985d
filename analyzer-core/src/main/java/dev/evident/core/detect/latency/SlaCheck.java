package dev.evident.core.detect.latency;

import dev.evident.core.model.Evidence;
import dev.evident.core.model.Sla;

/**
 * One objective checked against one series' baseline.
 *
 * @param sla      the objective
 * @param baseline the measured series
 * @param measured the measured value of the objective's percentile, ms
 * @param low      lower bound of its 95% interval, or NaN
 * @param high     upper bound, or NaN
 * @param evidence the statement of the check
 */
public record SlaCheck(Sla sla, LatencyBaseline baseline, double measured, double low, double high, Evidence evidence) {

    public boolean breached() {
        return measured > sla.limitMs();
    }

    /** measured / limit − 1: 0.62 means 62% over. */
    public double excess() {
        return measured / sla.limitMs() - 1;
    }

    public SlaCheck withEvidence(Evidence numbered, LatencyBaseline numberedBaseline) {
        return new SlaCheck(sla, numberedBaseline, measured, low, high, numbered);
    }
}
