package dev.evident.core.model;

import java.util.List;

/**
 * What a SQL statement touches, as an index advisor needs it: the tables and, per table, the
 * columns compared for equality, compared by range, used to join, and sorted by. Computed once per
 * fingerprint by the readers (which parse SQL); detectors only read it.
 *
 * @param command  the statement's verb in upper case ("SELECT", "UPDATE", ...)
 * @param tables   real table names, in order of appearance (aliases resolved)
 * @param equality columns compared with {@code =}, {@code IN} or {@code IS NULL} to a value or parameter
 * @param range    columns compared with {@code <}, {@code <=}, {@code >}, {@code >=}, {@code BETWEEN} or {@code LIKE 'prefix%'}
 * @param join     columns compared to a column of another table
 * @param orderBy  ORDER BY columns in their order, with {@link ColumnRef#descending()} set
 * @param limited  whether the statement has a LIMIT / FETCH FIRST
 * @param parsed   false when the statement could not be parsed and only the tables were guessed
 */
public record StatementShape(
        String command,
        List<String> tables,
        List<ColumnRef> equality,
        List<ColumnRef> range,
        List<ColumnRef> join,
        List<ColumnRef> orderBy,
        boolean limited,
        boolean parsed) {

    public StatementShape {
        tables = List.copyOf(tables);
        equality = List.copyOf(equality);
        range = List.copyOf(range);
        join = List.copyOf(join);
        orderBy = List.copyOf(orderBy);
    }

    /** A shape that knows nothing beyond the command (statements that could not be parsed). */
    public static StatementShape unknown(String command) {
        return new StatementShape(command, List.of(), List.of(), List.of(), List.of(), List.of(), false, false);
    }

    /**
     * A column of a table.
     *
     * @param table      the real table name, or {@code null} when the statement does not say which
     * @param column     column name as written, lower-cased unless quoted
     * @param descending for ORDER BY columns: sorted descending
     */
    public record ColumnRef(String table, String column, boolean descending) {
        public static ColumnRef of(String table, String column) {
            return new ColumnRef(table, column, false);
        }
    }
}
