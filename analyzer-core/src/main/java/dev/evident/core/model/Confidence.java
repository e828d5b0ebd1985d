package dev.evident.core.model;

/** How sure a finding is, and the reason in words (sample count, interval width, agreement). */
public record Confidence(Level level, String reason) {

    public enum Level {
        HIGH, MEDIUM, LOW;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
