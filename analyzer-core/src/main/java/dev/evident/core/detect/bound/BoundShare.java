package dev.evident.core.detect.bound;

import dev.evident.core.model.Evidence;

/**
 * One measurement of how much of the workload's time goes to one bound.
 *
 * @param bound    the kind of time
 * @param share    fraction of the measured time, 0..1
 * @param events   samples or events behind the share (for confidence)
 * @param evidence the fact it comes from, cited by the classification
 */
public record BoundShare(Bound bound, double share, long events, Evidence evidence) {
}
