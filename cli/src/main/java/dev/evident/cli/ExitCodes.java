package dev.evident.cli;

/** Exit codes of every evident command. */
final class ExitCodes {
    static final int OK = 0;
    /** A finding scored at or above the --fail-on threshold. */
    static final int FINDINGS_OVER_THRESHOLD = 1;
    static final int USAGE = 2;
    /** None of the inputs could be read. */
    static final int NO_READABLE_ARTIFACT = 3;

    private ExitCodes() {
    }
}
