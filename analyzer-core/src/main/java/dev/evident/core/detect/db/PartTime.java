package dev.evident.core.detect.db;

import dev.evident.core.model.EvidenceSet;
import org.apache.commons.math3.stat.StatUtils;

import java.util.Collection;

/**
 * The time a finding is about, as the sum of {@code units} similar pieces (executions of a
 * statement, iterations of an N+1 loop) with their spread. The spread is what makes a fraction of
 * request time uncertain on the part's side: a statement that takes 20 ms one time and 90 ms the
 * next says less about its average than one that always takes 57 ms.
 *
 * @param ms           total over all units
 * @param units        number of units (0 when unknown)
 * @param unitVariance variance of one unit, ms² (NaN when unknown)
 */
record PartTime(double ms, long units, double unitVariance) {

    /** A total whose pieces are not known individually (a statistics view's sum, a share of a plan). */
    static PartTime total(double ms) {
        return new PartTime(ms, 0, Double.NaN);
    }

    /** The sum of these unit times, with their sample variance. */
    static PartTime ofUnits(double[] times) {
        if (times.length == 0) {
            return new PartTime(0, 0, Double.NaN); // StatUtils gives NaN for no values
        }
        double sum = StatUtils.sum(times);
        return new PartTime(sum, times.length, times.length < 2 ? Double.NaN : StatUtils.variance(times));
    }

    /** The logged single executions of these statements; a statistics view's total when no log has them. */
    static PartTime executions(EvidenceSet evidence, Collection<String> fingerprints) {
        double[] times = evidence.sqlEvents().stream()
                .filter(e -> e.aggregate() == null && e.fingerprint() != null && fingerprints.contains(e.fingerprint()))
                .mapToDouble(e -> Math.max(0, e.durationMs())).toArray();
        PartTime logged = ofUnits(times);
        return logged.ms() > 0 ? logged : total(DbImpact.statementMs(evidence, fingerprints));
    }

    /** This part scaled by a share (a plan node's share of its statement). */
    PartTime scaled(double share) {
        return new PartTime(ms * share, units, unitVariance * share * share);
    }

    /**
     * Variance of the part within one of {@code requests} requests: {@code units / requests} units
     * per request, summed as independent pieces; a part that only some requests have (fewer units
     * than requests) also varies by being there or not. 0 when the spread is unknown.
     */
    double perRequestVariance(long requests) {
        if (units < 2 || requests < 1 || Double.isNaN(unitVariance)) {
            return 0;
        }
        double perRequest = (double) units / requests;
        double mean = ms / units;
        double presence = perRequest < 1 ? perRequest * (1 - perRequest) * mean * mean : 0;
        return perRequest * unitVariance + presence;
    }
}
