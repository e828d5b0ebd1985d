package dev.evident.core.detect.db;

import dev.evident.core.detect.Threshold;
import dev.evident.core.stats.ScoreCurve;

import java.util.List;

/** Thresholds of the database detectors: query plans and SQL logs. */
public final class DbThresholds {
    private DbThresholds() {
    }

    public static final Threshold NODE_SHARE_INFO = new Threshold("plan.node-share.info", 0.10, "share",
            "share of a plan's execution time one node takes exclusively that scores 25 (PEV2 marks the node 'slow')",
            "PEV2 node.ts durationClass: >10% / >40% / >90% of execution time; explain.depesz.com (as re-implemented by pgAdmin): >10 / >50 / >90%");
    public static final Threshold NODE_SHARE_WARNING = new Threshold("plan.node-share.warning", 0.40, "share",
            "exclusive share of execution time that scores 75", "PEV2 node.ts durationClass, second level");
    public static final Threshold ESTIMATE_FACTOR_INFO = new Threshold("plan.estimate-factor.info", 10, "factor",
            "planner row mis-estimate (actual/planned or planned/actual) from which a node is flagged",
            "PEV2 node.ts estimationClass and explain.depesz.com 'rows x' column: >10 / >100 / >1000");
    public static final Threshold ESTIMATE_FACTOR_WARNING = new Threshold("plan.estimate-factor.warning", 1000, "factor",
            "row mis-estimate factor that scores 75", "PEV2 / explain.depesz.com third level (>1000)");
    public static final Threshold ROWS_REMOVED_WARNING = new Threshold("plan.rows-removed.warning", 0.50, "share",
            "share of rows a scan's filter discards from which an index is worth considering",
            "PEV2 node.ts rowsRemovedClass: >50% (c-3) / >90% (c-4)");
    public static final Threshold ROWS_REMOVED_SEVERE = new Threshold("plan.rows-removed.severe", 0.90, "share",
            "share of rows discarded by the filter from which evident proposes CREATE INDEX",
            "PEV2 node.ts rowsRemovedClass, highest level (>90%)");
    public static final Threshold LARGE_RELATION_ROWS = new Threshold("plan.large-relation.rows", 10_000, "rows",
            "rows a scan must read (returned plus removed, all loops) before evident proposes an index for it",
            "evident: pgMustard avoids scoring tiny scans with a 'very low minimum threshold' (pgMustard issue #52); below 10,000 rows a sequential scan is cheap");
    public static final Threshold HEAP_FETCHES_WARNING = new Threshold("plan.heap-fetches.warning", 0.40, "share",
            "heap fetches / rows of an Index Only Scan from which VACUUM is suggested",
            "PEV2 node.ts heapFetchesClass: >0 / >40% / >90%");
    public static final Threshold JIT_SHARE_WARNING = new Threshold("plan.jit-share.warning", 0.10, "share",
            "JIT compilation time / execution time from which raising jit_above_cost is suggested",
            "evident, after pgMustard's JIT tip (pgMustard issue #56: JIT 'becomes a significant proportion of the total time')");
    public static final Threshold BUFFER_READ_SHARE = new Threshold("plan.buffer-read.share", 0.50, "share",
            "shared blocks read / (read + hit) of a plan from which cold-cache reads are reported",
            "evident, after pgMustard's 'Cache Performance' tip (its thresholds are not public)");
    public static final Threshold BUFFER_READ_MIN_BLOCKS = new Threshold("plan.buffer-read.min-blocks", 1_000, "blocks",
            "fewest shared blocks (8 KiB each) read before cache misses are reported", "evident: 1,000 blocks = 8 MB");
    public static final Threshold NESTED_LOOP_LOOPS = new Threshold("plan.nested-loop.loops", 10, "loops",
            "times the inner side of a Nested Loop must run, each reading rows its join discards, before evident reports the repeated inner scan",
            "evident: the in-database form of an N+1 (Sentry's n-plus-one.count is 5); 10 leaves room for the small rescans planners choose on purpose");
    public static final Threshold SPILL_MEMORY_FACTOR = new Threshold("plan.spill.memory-factor", 2, "factor",
            "work_mem suggested for a spilling sort or hash: this times the disk space it used, rounded up to a power of two in MB",
            "evident: tuples take more room in memory than in PostgreSQL's compact on-disk sort runs");
    public static final Threshold N_PLUS_ONE_COUNT = new Threshold("n-plus-one.count", 5, "statements",
            "repetitions of one fingerprint in a row, in one transaction or session window after a different statement, that make an N+1",
            "Sentry NPlusOneDBSpanDetector: performance.issues.n_plus_one_db.count_threshold default 5");
    public static final Threshold N_PLUS_ONE_DURATION = new Threshold("n-plus-one.duration", 50, "ms",
            "time of the repeated statements in one window for an N+1, as the application sees it (the run's span in the log's timestamps)",
            "Sentry performance.issues.n_plus_one_db.duration_threshold default 50 ms (100 ms in older versions)");
    public static final Threshold SLOW_STATEMENT_MS = new Threshold("slow-statement.duration", 500, "ms",
            "single execution time from which a statement is slow",
            "Sentry SlowDBQueryDetector: slow_db_query.duration_threshold default 500 ms (1000 ms in older versions)");
    public static final Threshold DB_SHARE_INFO = new Threshold("db-time.share.info", 0.10, "share",
            "share of all logged database time one fingerprint takes that scores 25", "evident, same scale as plan.node-share");
    public static final Threshold DB_SHARE_WARNING = new Threshold("db-time.share.warning", 0.40, "share",
            "share of logged database time that scores 75", "evident, same scale as plan.node-share");
    public static final Threshold CACHE_REPEATS = new Threshold("cache.repeats", 5, "executions",
            "executions of the same statement with the same parameters before it is a cache candidate",
            "evident, after jOOQ's DiagnosticsListener.repeatedStatements and Sentry's N+1 count of 5");
    public static final Threshold LARGE_RESULT_ROWS = new Threshold("large-result.rows", 1000, "rows",
            "mean rows a repeated SELECT returns per execution from which the application is taken to reduce them itself",
            "evident: a page or an API answer shows tens of rows; thousands per call on a statement that runs with every "
                    + "request are filtered, counted or ranked in the application (compare jOOQ's DiagnosticsListener."
                    + "tooManyRowsFetched, which flags rows fetched but not read)");
    public static final Threshold LARGE_RESULT_CALLS = new Threshold("large-result.calls", 10, "executions",
            "executions before a large result counts as part of the request path rather than a one-off export", "evident");
    public static final Threshold MIN_SAVING_MS = new Threshold("db.min-saving", 10, "ms",
            "estimated time saved below which no database finding is reported", "evident");

    public static final List<Threshold> ALL = List.of(NODE_SHARE_INFO, NODE_SHARE_WARNING, ESTIMATE_FACTOR_INFO,
            ESTIMATE_FACTOR_WARNING, ROWS_REMOVED_WARNING, ROWS_REMOVED_SEVERE, LARGE_RELATION_ROWS, HEAP_FETCHES_WARNING,
            JIT_SHARE_WARNING, BUFFER_READ_SHARE, BUFFER_READ_MIN_BLOCKS, NESTED_LOOP_LOOPS, SPILL_MEMORY_FACTOR, N_PLUS_ONE_COUNT,
            N_PLUS_ONE_DURATION, SLOW_STATEMENT_MS, DB_SHARE_INFO, DB_SHARE_WARNING, CACHE_REPEATS, LARGE_RESULT_ROWS,
            LARGE_RESULT_CALLS, MIN_SAVING_MS);

    static final ScoreCurve SHARE_CURVE = new ScoreCurve(NODE_SHARE_INFO.value(), NODE_SHARE_WARNING.value());
    static final ScoreCurve DB_SHARE_CURVE = new ScoreCurve(DB_SHARE_INFO.value(), DB_SHARE_WARNING.value());
    static final ScoreCurve ESTIMATE_CURVE = new ScoreCurve(Math.log10(ESTIMATE_FACTOR_INFO.value()),
            Math.log10(ESTIMATE_FACTOR_WARNING.value()));
}
