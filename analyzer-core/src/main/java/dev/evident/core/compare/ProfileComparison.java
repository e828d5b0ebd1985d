package dev.evident.core.compare;

import java.util.List;

/**
 * One metric (CPU, wall, allocation, lock) compared across the profiles of both sides.
 *
 * @param metric       metric id, e.g. {@code cpu-samples}
 * @param totalBefore  summed weight before
 * @param totalAfter   summed weight after
 * @param unit         weight unit
 * @param methods      methods whose self or total share moved by at least the minimum delta, the
 *                     largest self-share change first (these explain the change)
 * @param flameGraph   the differential flame graph data set
 */
public record ProfileComparison(String metric, long totalBefore, long totalAfter, String unit, List<MethodDelta> methods,
                                DiffNode flameGraph) {

    public ProfileComparison {
        methods = List.copyOf(methods);
    }
}
