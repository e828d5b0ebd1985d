package dev.evident.core.compare;

/** The outcome of comparing one metric (or a whole side) before and after a change. */
public enum Verdict {
    IMPROVED("improved"),
    REGRESSED("regressed"),
    NO_SIGNIFICANT_CHANGE("no significant change"),
    WITHIN_NOISE("within the noise band"),
    TOO_FEW_MEASUREMENTS("too few measurements"),
    NOT_TESTABLE("no test possible (tool printed summary numbers only)"),
    NO_LATENCY("no latency series on both sides");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
