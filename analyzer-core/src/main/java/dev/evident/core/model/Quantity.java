package dev.evident.core.model;

/**
 * A named number with its unit, as stated by a piece of evidence. Units are plain strings such
 * as {@code samples}, {@code %}, {@code ns}, {@code bytes}, {@code s}.
 */
public record Quantity(String name, double value, String unit) {

    public static Quantity of(String name, double value, String unit) {
        return new Quantity(name, value, unit);
    }
}
