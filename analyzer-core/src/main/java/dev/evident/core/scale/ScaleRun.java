package dev.evident.core.scale;

import dev.evident.core.model.EvidenceSet;

/**
 * One run of a growth series.
 *
 * @param n           the input size, or NaN when the series inside carry their own (parameter {@code n})
 * @param repetitions how many times the run repeated the work; costs are divided by it (1 when unknown)
 * @param label       where the run came from (file or manifest row)
 * @param evidence    what was read from it
 */
public record ScaleRun(double n, double repetitions, String label, EvidenceSet evidence) {
}
