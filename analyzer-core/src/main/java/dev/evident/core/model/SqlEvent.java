package dev.evident.core.model;

/**
 * One executed statement from a database log or trace.
 *
 * @param source       artifact path
 * @param line         line in the artifact where the entry starts
 * @param epochNanos   when it ran (log timestamp), or -1 when unknown
 * @param durationMs   how long it took
 * @param text         the statement as logged (with literals; reports show the fingerprint instead)
 * @param fingerprint  the statement with literals replaced by {@code ?} and IN lists collapsed
 * @param session      session or connection key (pid, session id, connection id), or {@code null}
 * @param transaction  transaction key, or {@code null}
 * @param parameters   bind values as logged ("$1 = '42'"), or {@code null}; used to tell identical
 *                     executions apart, never shown
 * @param rows         rows returned or affected, or -1 when unknown
 */
public record SqlEvent(
        String source,
        long line,
        long epochNanos,
        double durationMs,
        String text,
        String fingerprint,
        String session,
        String transaction,
        String parameters,
        long rows) {
}
