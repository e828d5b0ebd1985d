package dev.evident.core.compare;

/**
 * How one method's share of a metric changed, normalized to each side's total (like
 * {@code pprof -diff_base -normalize}).
 *
 * @param method      frame name
 * @param selfBefore  self share before, 0..1
 * @param selfAfter   self share after
 * @param totalBefore total (inclusive) share before
 * @param totalAfter  total share after
 * @param selfP       two-proportion test of the self shares
 * @param totalP      two-proportion test of the total shares
 */
public record MethodDelta(String method, double selfBefore, double selfAfter, double totalBefore, double totalAfter,
                          double selfP, double totalP) {

    public double selfDelta() {
        return selfAfter - selfBefore;
    }

    public double totalDelta() {
        return totalAfter - totalBefore;
    }
}
