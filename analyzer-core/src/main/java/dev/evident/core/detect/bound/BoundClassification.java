package dev.evident.core.detect.bound;

import dev.evident.core.model.Confidence;

import java.util.List;

/**
 * What bounds the workload, with confidence and the measurements behind it.
 *
 * @param bound     the leading bound, or {@code null} when no signal could measure anything
 * @param confidence how sure, and why
 * @param shares    the strongest measurement per bound, largest first
 * @param statement one sentence for the report
 */
public record BoundClassification(Bound bound, Confidence confidence, List<BoundShare> shares, String statement) {

    public BoundClassification {
        shares = List.copyOf(shares);
    }
}
