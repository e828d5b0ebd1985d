package dev.evident.core.model;

/**
 * An input that could not be used, and why: the reason names the place in the file and what was
 * expected there, so the user can act on it.
 */
public record SkippedArtifact(String path, long sizeBytes, String reason) {
}
