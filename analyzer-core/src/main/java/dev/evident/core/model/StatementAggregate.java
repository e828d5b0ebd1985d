package dev.evident.core.model;

/**
 * Figures of a statement summed over many executions, as {@code pg_stat_statements} keeps them.
 * A {@link SqlEvent} carrying one of these stands for {@code calls} executions; its
 * {@code durationMs} is the total execution time.
 *
 * @param calls             executions
 * @param minMs             fastest execution, or NaN when not kept
 * @param maxMs             slowest execution, or NaN
 * @param meanMs            mean execution time
 * @param stddevMs          standard deviation, or NaN
 * @param sharedBlocksHit   shared buffer hits, or -1
 * @param sharedBlocksRead  shared blocks read from disk or OS cache, or -1
 * @param tempBlocksWritten temporary-file blocks written (sorts and hashes that spilled), or -1
 */
public record StatementAggregate(
        long calls,
        double minMs,
        double maxMs,
        double meanMs,
        double stddevMs,
        long sharedBlocksHit,
        long sharedBlocksRead,
        long tempBlocksWritten) {
}
