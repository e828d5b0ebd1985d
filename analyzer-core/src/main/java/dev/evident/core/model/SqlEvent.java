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
 * @param shape        tables and predicate columns of the statement, or {@code null} when unknown
 * @param aggregate    for a row of a statistics view ({@code pg_stat_statements}): the summed
 *                     figures of all its executions; {@code null} for one execution
 * @param engine       the database that ran it ("PostgreSQL", "MySQL", "MariaDB"), or {@code null} when
 *                     unknown; detectors use it for the syntax of the SQL they suggest
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
        long rows,
        StatementShape shape,
        StatementAggregate aggregate,
        String engine) {

    /** An event whose engine is not known (written before events carried one). */
    public SqlEvent(String source, long line, long epochNanos, double durationMs, String text, String fingerprint,
            String session, String transaction, String parameters, long rows, StatementShape shape,
            StatementAggregate aggregate) {
        this(source, line, epochNanos, durationMs, text, fingerprint, session, transaction, parameters, rows, shape,
                aggregate, null);
    }

    /** How many executions this event stands for: 1, or the calls of an aggregate. */
    public long calls() {
        return aggregate == null ? 1 : aggregate.calls();
    }
}
