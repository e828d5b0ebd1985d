package dev.evident.core.report;

/**
 * A kind of evidence the input lacks, what the diagnosis cannot tell without it, and the exact
 * command that collects it.
 */
public record EvidenceGap(String missing, String consequence, String command) {
}
