package dev.evident.core.detect.db;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.model.Category;
import dev.evident.core.model.Confidence;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.Quantity;
import dev.evident.core.model.SqlEvent;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SELECT that runs again and again and returns thousands of rows each time, without aggregating
 * them: the application filters, counts, sums or ranks the rows itself, paying for every row on the
 * wire and in its own memory. The database can do the reduction next to the data and return the
 * answer. Row counts come from {@code pg_stat_statements} (rows ÷ calls) or from log entries that
 * state them; the time is the statement's logged time.
 */
public final class LargeResultDetector implements Detector {
    private static final Pattern AGGREGATING = Pattern.compile(
            "\\b(group by|count|sum|avg|min|max|string_agg|array_agg|json_agg|distinct)\\b|\\blimit\\b|\\bfetch first\\b");
    private static final Pattern SELECT_LIST = Pattern.compile("(?is)^\\s*select\\s+(.*?)\\s+from\\s+(.*)$");
    private static final Pattern MEASURE = Pattern.compile(
            "(?i).*(quantity|qty|amount|total|price|cents|count|value|size|bytes|duration|score|weight).*");

    @Override
    public String id() {
        return "large-result";
    }

    /** Rows and calls of one statement, from whichever sources state them. */
    private static final class Tally {
        long calls;
        long rows;
        SqlEvent sample;
        final TreeSet<String> sources = new TreeSet<>();
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        // A statistics view and a log may both cover the statement: the view's totals win. Two exports of
        // one view (CSV and a psql table) count the same executions, so each view is kept apart and the one
        // with the most calls speaks; logs of separate runs add up.
        Map<String, Tally> viewed = new TreeMap<>();
        Map<String, Tally> logged = new TreeMap<>();
        for (SqlEvent e : evidence.sqlEvents()) {
            if (e.fingerprint() == null || e.rows() < 0 || !e.fingerprint().startsWith("select")
                    || AGGREGATING.matcher(e.fingerprint()).find()) {
                continue;
            }
            Tally t = e.aggregate() != null ? viewed.computeIfAbsent(e.fingerprint() + "\n" + e.source(), k -> new Tally())
                    : logged.computeIfAbsent(e.fingerprint(), k -> new Tally());
            t.calls += e.calls();
            t.rows += e.rows();
            t.sources.add(e.source());
            if (t.sample == null) {
                t.sample = e;
            }
        }
        Map<String, Tally> byStatement = new TreeMap<>();
        viewed.forEach((key, t) -> byStatement.merge(key.substring(0, key.indexOf('\n')), t,
                (a, b) -> b.calls > a.calls ? b : a));
        logged.forEach(byStatement::putIfAbsent);
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, Tally> entry : byStatement.entrySet()) {
            Tally t = entry.getValue();
            double perCall = (double) t.rows / Math.max(1, t.calls);
            if (t.calls >= DbThresholds.LARGE_RESULT_CALLS.value() && perCall >= DbThresholds.LARGE_RESULT_ROWS.value()) {
                finding(entry.getKey(), t, perCall, evidence).ifPresent(out::add);
            }
        }
        return out;
    }

    private Optional<Finding> finding(String fingerprint, Tally t, double perCall, EvidenceSet evidence) {
        PartTime statementTime = PartTime.executions(evidence, List.of(fingerprint));
        double statementMs = statementTime.ms();
        if (statementMs < DbThresholds.MIN_SAVING_MS.value()) {
            return Optional.empty();
        }
        double dbTotal = DbImpact.loggedMs(evidence);
        double share = dbTotal > 0 ? statementMs / dbTotal : 0;
        String key = "large-result|" + fingerprint;
        String statement = "\"" + fingerprint + "\" returned " + DbText.rows(t.rows) + " rows in " + Fmt.count(t.calls)
                + " executions, " + DbText.rows(perCall) + " per execution, without aggregating them; its logged time is "
                + DbText.ms(statementMs) + " (" + Fmt.percent(share) + " of the logged database time)";
        Evidence fact = new Evidence(null, key, "sql-rows", statement, List.of(
                Quantity.of("executions", t.calls, "executions"), Quantity.of("rows", t.rows, "rows"),
                Quantity.of("rows per execution", perCall, "rows"), Quantity.of("statement time", statementMs, "ms"),
                Quantity.of("share of logged database time", share * 100, "%")),
                t.sources.first(), "rows ÷ calls" + (t.sources.size() > 1 ? "; also in " + (t.sources.size() - 1) + " more" : ""));
        List<Evidence> cited = new ArrayList<>(List.of(fact));
        Optional<DbImpact> impact = DbImpact.ofStatementTime(evidence, key, statementTime,
                "the statement that ships " + DbText.rows(perCall) + " rows per execution");
        impact.ifPresent(i -> cited.add(i.evidence()));
        int score = Math.max(25, DbThresholds.DB_SHARE_CURVE.scoreInt(share));
        Confidence confidence = new Confidence(t.calls >= 100 ? Confidence.Level.HIGH : Confidence.Level.MEDIUM,
                Fmt.count(t.calls) + " executions with " + DbText.rows(perCall) + " rows each on average; whether the "
                        + "application reduces them (sums, counts, top N) is inferred from the size, not seen in the code");
        String title = "\"" + DbText.shortSql(fingerprint) + "\" returns " + DbText.rows(perCall) + " rows per execution ("
                + Fmt.count(t.calls) + " executions): reduce them in the database";
        String explanation = "A statement that runs with every request and returns " + DbText.rows(perCall)
                + " rows each time is rarely shown row by row: the application sums, counts, groups or ranks them. Every row "
                + "is read, sent, decoded and turned into objects before that happens. " + statement + ".";
        String fix = "Find the code that runs this statement and see what it does with the rows. If it aggregates or keeps "
                + "the top N, write that into the SQL (GROUP BY, an aggregate, ORDER BY … LIMIT) and fetch only the answer; "
                + "an index that serves the filter keeps the aggregate cheap. If it really needs every row, stream them "
                + "(setFetchSize) or page with a key range instead of loading them all, and consider caching the result.";
        return Optional.of(new Finding(null, key, id(), Category.DATABASE, title, score, confidence, t.calls, cited,
                explanation, fix, example(t.sample), "push-aggregation-to-database", impact.map(DbImpact::impact).orElse(null),
                "statement " + fingerprint));
    }

    /**
     * An aggregate in SQL built from the statement's own columns and filter: the last key column as
     * the group, the first column that looks like a measure summed (else a count). It is an example
     * of the shape, stated as such: what to compute is the application's logic.
     */
    static String example(SqlEvent sample) {
        Matcher m = SELECT_LIST.matcher(sample.text().strip().replaceAll(";\\s*$", ""));
        if (!m.matches()) {
            return null;
        }
        String[] columns = m.group(1).split("\\s*,\\s*");
        String group = null;
        String measure = null;
        for (String c : columns) {
            String name = c.strip();
            if (name.toLowerCase(Locale.ROOT).endsWith("_id") || name.equalsIgnoreCase("id")) {
                group = name;
            } else if (measure == null && MEASURE.matcher(name).matches()) {
                measure = name;
            }
        }
        if (group == null) {
            return null;
        }
        String value = measure == null ? "count(*)" : "sum(" + measure + ")";
        return "```sql\n-- instead of fetching every row:\n--   " + sample.text().strip().replaceAll("\\s+", " ")
                + "\n-- let the database reduce them, for example to the ten largest totals per " + group + ":\n"
                + "SELECT " + group + ", " + value + " AS total\nFROM " + m.group(2).strip().replaceAll("\\s+", " ")
                + "\nGROUP BY " + group + "\nORDER BY total DESC\nLIMIT 10;\n```";
    }
}
