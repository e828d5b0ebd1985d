package dev.evident.ingest.sql;

import dev.evident.core.model.SqlEvent;
import dev.evident.core.model.StatementAggregate;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An export of the {@code pg_stat_statements} view: CSV ({@code \copy (SELECT ...) TO ... CSV HEADER})
 * or a psql table ({@code SELECT ... FROM pg_stat_statements} in psql's aligned format, any border).
 * Columns are found by their header names, so any column order and subset works, and the names of
 * every version are accepted: PostgreSQL 12's {@code total_time}, {@code mean_time}, ... and 13+'s
 * {@code total_exec_time}, {@code mean_exec_time}, .... Each row becomes one {@link SqlEvent} that
 * stands for its {@code calls} executions (a {@link StatementAggregate}).
 */
public final class PgStatStatementsReader implements ArtifactReader {

    @Override
    public String format() {
        return "pg-stat-statements";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String text = TextContent.head(head, 16 * 1024);
        if (text.indexOf('\0') >= 0) {
            return Probe.NO;
        }
        String first = firstLine(text).toLowerCase(Locale.ROOT);
        boolean names = first.contains("calls") && first.contains("query")
                && (first.contains("total_exec_time") || first.contains("total_time"));
        return names ? Probe.CERTAIN : Probe.NO;
    }

    private static String firstLine(String text) {
        for (String l : text.split("\n", 20)) {
            if (!l.isBlank()) {
                return l;
            }
        }
        return "";
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        StatementRows rows;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input.openStream(), StandardCharsets.UTF_8))) {
            rows = StatementRows.read(reader);
        } catch (IOException e) {
            throw new ArtifactException("pg_stat_statements: cannot read the file: " + e.getMessage(), e);
        }
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < rows.header().size(); i++) {
            col.put(rows.header().get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        Integer query = col.get("query");
        Integer calls = col.get("calls");
        Integer total = first(col, "total_exec_time", "total_time");
        if (query == null || calls == null || total == null) {
            throw new ArtifactException("pg_stat_statements: line 1: expected the columns query, calls and total_exec_time "
                    + "(or total_time before PostgreSQL 13); found " + rows.header());
        }
        Integer mean = first(col, "mean_exec_time", "mean_time");
        Integer min = first(col, "min_exec_time", "min_time");
        Integer max = first(col, "max_exec_time", "max_time");
        Integer stddev = first(col, "stddev_exec_time", "stddev_time");
        SqlFingerprints fingerprints = new SqlFingerprints();
        int emitted = 0;
        int bad = 0;
        String firstBad = null;
        for (StatementRows.Row row : rows.rows()) {
            List<String> cells = row.cells();
            try {
                long n = (long) number(cells, calls);
                double totalMs = number(cells, total);
                String text = cells.get(query).strip();
                if (text.isEmpty()) {
                    continue;
                }
                StatementAggregate aggregate = new StatementAggregate(n, optional(cells, min), optional(cells, max),
                        mean != null ? number(cells, mean) : (n > 0 ? totalMs / n : 0), optional(cells, stddev),
                        whole(cells, col.get("shared_blks_hit")), whole(cells, col.get("shared_blks_read")),
                        whole(cells, col.get("temp_blks_written")));
                SqlFingerprints.Result r = fingerprints.of(text);
                long resultRows = whole(cells, col.get("rows"));
                sink.sqlEvent(new SqlEvent(input.displayPath(), row.line(), -1, totalMs, text, r.fingerprint(), null, null,
                        null, resultRows, r.shape(), aggregate, "PostgreSQL"));
                emitted++;
            } catch (RuntimeException e) {
                if (bad++ == 0) {
                    firstBad = "line " + row.line() + ": " + e.getMessage();
                }
            }
        }
        if (bad > 0) {
            sink.warning(bad + " rows could not be read (first at " + firstBad + "); expected numbers in calls and "
                    + "total_exec_time and " + rows.header().size() + " columns");
        }
        if (emitted == 0) {
            throw new ArtifactException("pg_stat_statements: no statement row" + (firstBad != null ? "; " + firstBad : ""));
        }
        sink.producer("pg_stat_statements (" + (col.containsKey("total_exec_time") ? "PostgreSQL 13+" : "PostgreSQL 12 or older")
                + " columns, " + (rows.csv() ? "CSV" : "psql table") + ")");
    }

    private static Integer first(Map<String, Integer> col, String... names) {
        for (String n : names) {
            if (col.containsKey(n)) {
                return col.get(n);
            }
        }
        return null;
    }

    private static double number(List<String> cells, int i) {
        if (i >= cells.size()) {
            throw new IllegalArgumentException("the row has " + cells.size() + " cells, column " + (i + 1) + " is missing");
        }
        String v = cells.get(i).strip();
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + (i + 1) + " holds \"" + v + "\", not a number");
        }
    }

    private static double optional(List<String> cells, Integer i) {
        return i == null || i >= cells.size() || cells.get(i).isBlank() ? Double.NaN : number(cells, i);
    }

    private static long whole(List<String> cells, Integer i) {
        return i == null || i >= cells.size() || cells.get(i).isBlank() ? -1 : (long) number(cells, i);
    }
}
