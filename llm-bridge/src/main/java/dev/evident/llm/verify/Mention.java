package dev.evident.llm.verify;

/**
 * A number as written in text, with its unit.
 *
 * @param text      the characters, e.g. "1.2k" or "90.7 %"
 * @param value     the number with any count suffix applied (1.2k → 1200)
 * @param tolerance half a unit of the last written digit, in the same units as {@code value}: what
 *                  "within rounding" allows (90.7 → 0.05; 1,200 → 50; 91 → 0.5)
 * @param unit      its unit
 */
record Mention(String text, double value, double tolerance, NumberUnit unit) {

    Dimension dimension() {
        return unit.dimension();
    }

    /**
     * Whether this number, as written in a claim, is the evidence number {@code fact} rounded to
     * the claim's precision. Same dimension: compared in base units, under every reading of
     * ambiguous units (MB). A claim number without a unit is compared with the evidence number as
     * the evidence wrote it ("8 threads", "line 17").
     */
    boolean matches(Mention fact) {
        double epsilon = 1e-9 * Math.max(1, Math.abs(value));
        if (dimension() == Dimension.NONE) {
            return Math.abs(value - fact.value()) <= tolerance + epsilon;
        }
        if (dimension() != fact.dimension()) {
            return false;
        }
        for (double mine : unit.factors()) {
            for (double theirs : fact.unit().factors()) {
                if (Math.abs(value * mine - fact.value() * theirs) <= (tolerance + epsilon) * mine) {
                    return true;
                }
            }
        }
        return false;
    }
}
