package dev.evident.core.model;

/** The unit of a metric's weight. */
public enum Unit {
    SAMPLES("samples", "samples"),
    NANOSECONDS("nanoseconds", "ns"),
    BYTES("bytes", "bytes"),
    EVENTS("events", "events");

    private final String id;
    private final String symbol;

    Unit(String id, String symbol) {
        this.id = id;
        this.symbol = symbol;
    }

    public String id() {
        return id;
    }

    public String symbol() {
        return symbol;
    }
}
