package dev.evident.ingest;

/**
 * A file that cannot be used at all. The message says where (offset or line) and what was
 * expected, so the user can act on it; the run goes on with the other files.
 */
public class ArtifactException extends Exception {
    public ArtifactException(String message) {
        super(message);
    }

    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
