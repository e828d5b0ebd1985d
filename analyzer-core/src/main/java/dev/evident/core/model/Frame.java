package dev.evident.core.model;

/**
 * One interned frame: a method (or type, for synthetic leaves), the kind of code it is, and the
 * source line when the format records one. The same method at two lines is two frames, so call
 * sites stay apart; detectors that think in methods compare {@link #name()} only.
 *
 * @param line source line, or 0 when unknown
 */
public record Frame(String name, FrameKind kind, int line) {

    /** "OrderDeduplicator.distinctCustomerIds:17", or the short name alone without a line. */
    public String shortLabel() {
        String s = JavaFrameNames.shortName(name);
        return line > 0 ? s + ":" + line : s;
    }
}
