package dev.evident.ingest.sql;

/** A plan that does not have the expected shape, with the line where that was found. */
final class PlanFormatException extends Exception {
    private final int line;

    PlanFormatException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    int line() {
        return line;
    }
}
