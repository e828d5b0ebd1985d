package dev.evident.core.detect.db;

import java.util.List;

/**
 * The SQL a database finding suggests, in the dialect of the database the evidence came from
 * ({@code QueryPlan.engine()}, {@code SqlEvent.engine()}). PostgreSQL is the default when the engine
 * is unknown, as it was before readers recorded it.
 */
enum SqlSyntax {
    POSTGRESQL("PostgreSQL"),
    MYSQL("MySQL"),
    MARIADB("MariaDB");

    private final String label;

    SqlSyntax(String label) {
        this.label = label;
    }

    static SqlSyntax of(String engine) {
        if (engine == null) {
            return POSTGRESQL;
        }
        return switch (engine) {
            case "MySQL" -> MYSQL;
            case "MariaDB" -> MARIADB;
            default -> POSTGRESQL;
        };
    }

    /** The database's name for sentences ("lets MySQL read only ..."). */
    String label() {
        return label;
    }

    boolean isMysqlFamily() {
        return this != POSTGRESQL;
    }

    /** A CREATE INDEX that does not block writes while it builds. */
    String createIndex(String name, String table, List<String> columns) {
        String base = "CREATE INDEX " + (isMysqlFamily() ? "" : "CONCURRENTLY ") + name + " ON " + table + " ("
                + String.join(", ", columns) + ")";
        return base + (isMysqlFamily() ? " ALGORITHM=INPLACE LOCK=NONE;" : ";");
    }

    /** Why the CREATE INDEX above has its extra words. */
    String onlineIndexNote() {
        return isMysqlFamily()
                ? "ALGORITHM=INPLACE LOCK=NONE builds it online in InnoDB, and makes the statement fail rather than lock the "
                + "table if it cannot."
                : "CONCURRENTLY avoids blocking writes while it builds.";
    }

    /** Refreshing a table's optimizer statistics. */
    String analyze(String table) {
        return (isMysqlFamily() ? "ANALYZE TABLE " : "ANALYZE ") + table + ";";
    }

    /**
     * Statistics on the columns a filter combines, so the optimizer stops guessing their selectivity:
     * PostgreSQL's extended statistics, MySQL's histograms, MariaDB's engine-independent column
     * statistics.
     */
    String columnStatistics(String table, List<String> columns, String name) {
        return switch (this) {
            case POSTGRESQL -> "CREATE STATISTICS " + name + " (dependencies, ndistinct) ON " + String.join(", ", columns)
                    + " FROM " + table + ";";
            case MYSQL -> "ANALYZE TABLE " + table + " UPDATE HISTOGRAM ON " + String.join(", ", columns) + " WITH 100 BUCKETS;";
            case MARIADB -> "ANALYZE TABLE " + table + " PERSISTENT FOR COLUMNS (" + String.join(", ", columns) + ") INDEXES ();";
        };
    }

    /** What {@link #columnStatistics} gives the optimizer, in words. */
    String columnStatisticsWords() {
        return switch (this) {
            case POSTGRESQL -> "extended statistics";
            case MYSQL -> "histograms";
            case MARIADB -> "persistent column statistics";
        };
    }

    /** How to keep statistics fresh on a table that changes quickly. */
    String freshStatisticsAdvice(String table) {
        return isMysqlFamily()
                ? "if the table changes quickly, keep InnoDB's persistent statistics current (STATS_AUTO_RECALC=1, a larger "
                + "STATS_SAMPLE_PAGES on " + table + ")"
                : "if the table changes quickly, lower its autovacuum_analyze_scale_factor";
    }

    /** The statement that shows a query's measured plan. */
    String explainAnalyze() {
        return switch (this) {
            case POSTGRESQL -> "EXPLAIN (ANALYZE, BUFFERS)";
            case MYSQL -> "EXPLAIN ANALYZE";
            case MARIADB -> "ANALYZE FORMAT=JSON";
        };
    }
}
