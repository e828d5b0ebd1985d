package dev.evident.ingest.sql;

/**
 * How statement text is tokenized: the lexical rules that differ between the databases evident reads
 * logs of. Everything else (literals to {@code ?}, IN lists, case, whitespace) is shared.
 */
public enum SqlDialect {
    /** PostgreSQL: {@code "name"} quotes a name, backslashes are literal except in {@code E'...'}. */
    POSTGRESQL,
    /**
     * MySQL and MariaDB with the default {@code sql_mode}: {@code "text"} is a string, a backslash
     * escapes inside strings, {@code #} starts a comment, {@code `name`} quotes a name.
     */
    MYSQL
}
