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
import dev.evident.core.model.StatementShape;
import dev.evident.core.model.StatementShape.ColumnRef;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * N+1 queries, detected as Sentry does for spans: within one window (a transaction, or a session
 * when the log has no transactions), a "parent" statement is followed by the same fingerprint
 * {@link DbThresholds#N_PLUS_ONE_COUNT} or more times in a row, together taking at least
 * {@link DbThresholds#N_PLUS_ONE_DURATION} as the application sees them: from the start of the first
 * repeat to the end of the last in the log's timestamps (Sentry times spans in the application, so
 * round trips count), or the statements' summed durations when the log has no timestamps. All windows with the same parent and repeated
 * fingerprints form one finding. Batching the n lookups into one query saves about
 * (n − 1) × the per-query latency per window.
 */
public final class NPlusOneDetector implements Detector {

    @Override
    public String id() {
        return "n-plus-one";
    }

    /** One window's run of repeats. */
    record Run(String source, String window, SqlEvent parent, List<SqlEvent> repeats, double totalMs) {

        /**
         * How long the loop took as the application saw it, from the log's timestamps. PostgreSQL
         * logs a statement when it ends, so from the first repeat's end to the last one's are n − 1
         * iterations (round trip, execution and the application's work in between); the loop is n
         * of them. The durations alone miss the round trips. NaN without timestamps.
         */
        double spanMs() {
            SqlEvent first = repeats.get(0);
            SqlEvent last = repeats.get(repeats.size() - 1);
            if (first.epochNanos() < 0 || last.epochNanos() < 0) {
                return Double.NaN;
            }
            int n = repeats.size();
            double span = (last.epochNanos() - first.epochNanos()) / 1e6 * n / (n - 1);
            // log timestamps have millisecond resolution: never less than the statements' own time
            return Math.max(span, totalMs);
        }
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> findings = new ArrayList<>();
        Map<String, StatementSubjects.Related> related = StatementSubjects.of(evidence).related();
        for (List<Run> runs : runsByFingerprint(evidence).values()) {
            findings.add(finding(runs, evidence, related.get(runs.get(0).repeats().get(0).fingerprint())));
        }
        return findings;
    }

    /** Every qualifying run, grouped by the repeated fingerprint. */
    static Map<String, List<Run>> runsByFingerprint(EvidenceSet evidence) {
        Map<String, List<SqlEvent>> windows = new TreeMap<>();
        for (SqlEvent e : evidence.sqlEvents()) {
            if (e.aggregate() != null || e.fingerprint() == null) {
                continue;
            }
            String window = e.source() + "|" + (e.session() == null ? "?" : e.session()) + "|"
                    + (e.transaction() == null ? "" : e.transaction());
            windows.computeIfAbsent(window, k -> new ArrayList<>()).add(e);
        }
        Map<String, List<Run>> byPattern = new TreeMap<>();
        for (Map.Entry<String, List<SqlEvent>> w : windows.entrySet()) {
            List<SqlEvent> events = w.getValue();
            events.sort(Comparator.comparingLong(SqlEvent::line));
            for (Run run : runs(w.getKey(), events)) {
                byPattern.computeIfAbsent(run.repeats().get(0).fingerprint(), k -> new ArrayList<>()).add(run);
            }
        }
        return byPattern;
    }

    /** Maximal runs of one fingerprint that follow a different statement and pass both thresholds. */
    static List<Run> runs(String window, List<SqlEvent> events) {
        List<Run> out = new ArrayList<>();
        int i = 0;
        while (i < events.size()) {
            int j = i;
            while (j + 1 < events.size() && events.get(j + 1).fingerprint().equals(events.get(i).fingerprint())) {
                j++;
            }
            int n = j - i + 1;
            SqlEvent parent = i > 0 ? events.get(i - 1) : null;
            if (n >= DbThresholds.N_PLUS_ONE_COUNT.value() && parent != null && isQuery(events.get(i))) {
                List<SqlEvent> repeats = events.subList(i, j + 1);
                double total = repeats.stream().mapToDouble(SqlEvent::durationMs).sum();
                Run run = new Run(events.get(i).source(), window, parent, List.copyOf(repeats), total);
                // Sentry measures spans in the application, round trips included; the log's timestamps
                // give the same view (the loop's span), its durations only the server's part
                double seen = Double.isNaN(run.spanMs()) ? total : run.spanMs();
                if (seen >= DbThresholds.N_PLUS_ONE_DURATION.value()) {
                    out.add(run);
                }
            }
            i = j + 1;
        }
        return out;
    }

    private static boolean isQuery(SqlEvent e) {
        // Sentry also requires a space: "BEGIN" or "SAVEPOINT x" repeated are not lookups
        String f = e.fingerprint();
        return f.startsWith("select") || f.startsWith("with") || f.startsWith("update") || f.startsWith("delete")
                || f.startsWith("insert");
    }

    private Finding finding(List<Run> runs, EvidenceSet evidence, StatementSubjects.Related related) {
        long statements = 0;
        double total = 0;
        int maxRepeats = 0;
        Map<String, Integer> parents = new LinkedHashMap<>();
        for (Run r : runs) {
            statements += r.repeats().size();
            total += r.totalMs();
            maxRepeats = Math.max(maxRepeats, r.repeats().size());
            parents.merge(r.parent().fingerprint(), 1, Integer::sum);
        }
        SqlEvent sample = runs.get(0).repeats().get(0);
        String fingerprint = sample.fingerprint();
        double perQuery = total / statements;
        double perWindow = (double) statements / runs.size();
        double saving = 0;
        for (Run r : runs) {
            saving += (r.repeats().size() - 1) * (r.totalMs() / r.repeats().size());
        }
        String parent = parents.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse("?");
        double dbTotal = DbImpact.loggedMs(evidence);
        double share = dbTotal > 0 ? total / dbTotal : 0;

        List<Quantity> values = new ArrayList<>();
        values.add(Quantity.of("windows", runs.size(), "windows"));
        values.add(Quantity.of("repeated statements", statements, "statements"));
        values.add(Quantity.of("repetitions per window", perWindow, "statements"));
        values.add(Quantity.of("most repetitions in one window", maxRepeats, "statements"));
        values.add(Quantity.of("total time", total, "ms"));
        values.add(Quantity.of("per-query latency", perQuery, "ms"));
        values.add(Quantity.of("estimated saving", saving, "ms"));
        values.add(Quantity.of("share of logged database time", share * 100, "%"));
        String windowWord = runs.get(0).window().endsWith("|") ? "session" : "transaction";
        String statement = "\"" + fingerprint + "\" ran " + Fmt.decimal(perWindow, 1) + " times per " + windowWord
                + " in a row (up to " + maxRepeats + ") after \"" + DbText.shortSql(parent) + "\", in " + Fmt.count(runs.size())
                + " " + windowWord + "s: " + Fmt.count(statements) + " statements, " + DbText.ms(total) + " in total ("
                + Fmt.percent(share) + " of the logged database time), " + DbText.ms(perQuery) + " each; batching saves about "
                + DbText.ms(saving);
        Run first = runs.get(0);
        Evidence ev = new Evidence(null, "n-plus-one|" + fingerprint, "sql-pattern", statement, values,
                first.source(), "first at line " + first.repeats().get(0).line() + " (" + windowWord + " "
                + first.window().substring(first.window().indexOf('|') + 1) + ")");

        double[] spans = runs.stream().mapToDouble(Run::spanMs).toArray();
        boolean timed = java.util.Arrays.stream(spans).noneMatch(Double::isNaN);
        PartTime loops = PartTime.ofUnits(timed ? spans : runs.stream().mapToDouble(Run::totalMs).toArray());
        double span = timed ? loops.ms() : Double.NaN;
        Optional<DbImpact> impact = DbImpact.ofStatementTime(evidence, "n-plus-one|" + fingerprint, loops,
                Double.isNaN(span) ? "the repeated statements' own time (the log has no timestamps to measure the round trips)"
                        : "the N+1 loops in the log's timestamps, n iterations each (" + DbText.ms(total)
                        + " in the statements, " + DbText.ms(Math.max(0, span - total)) + " between them: round trips and "
                        + "application work)");
        // the server's share undercounts an N+1: most of its cost is round trips, which the share of
        // request time (from the loop's span) includes
        double impactShare = impact.map(i -> i.impact().share()).orElse(0.0);
        int score = DbThresholds.DB_SHARE_CURVE.scoreInt(Math.max(share, impactShare));
        Confidence confidence = new Confidence(runs.size() >= 3 ? Confidence.Level.HIGH
                : runs.size() == 2 ? Confidence.Level.MEDIUM : Confidence.Level.LOW,
                Fmt.count(runs.size()) + " " + windowWord + "s show the pattern, each with at least "
                        + (int) DbThresholds.N_PLUS_ONE_COUNT.value() + " repeats and "
                        + (int) DbThresholds.N_PLUS_ONE_DURATION.value() + " ms (Sentry's N+1 defaults)");
        String title = "N+1 queries: \"" + DbText.shortSql(fingerprint) + "\" runs " + Fmt.decimal(perWindow, 1)
                + " times per " + windowWord + " (" + DbText.ms(total) + " in total)";
        String explanation = "After \"" + DbText.shortSql(parent) + "\" the application issues the same statement once per "
                + "row it got back, " + Fmt.decimal(perWindow, 1) + " times per " + windowWord + " on average across "
                + Fmt.count(runs.size()) + " " + windowWord + "s. Each costs " + DbText.ms(perQuery)
                + " on the server (plus a network round trip the log does not see). One batched query returns the same rows; "
                + "it saves about (n − 1) × the per-query time, " + DbText.ms(saving) + " over this log."
                + (related == null ? "" : " Each of these queries also " + related.description() + ".");
        Batch batch = Batch.of(sample.shape(), fingerprint, SqlSyntax.of(sample.engine()));
        String fix = "Load the rows for all parents at once: " + batch.description()
                + " With JPA/Hibernate, fetch the association in the parent query (JOIN FETCH or an entity graph) or set "
                + "hibernate.default_batch_fetch_size; with jOOQ or JDBC, collect the keys and run one IN query. Then count "
                + "statements per request again: it should be 2, not n + 1.";
        List<Evidence> cited = new ArrayList<>(List.of(ev));
        if (related != null) {
            cited.add(related.evidence());
        }
        impact.ifPresent(i -> cited.add(i.evidence()));
        return new Finding(null, "n-plus-one|" + fingerprint, id(), Category.DATABASE, title, score, confidence,
                statements, cited, explanation, fix, batch.example(), "batch-queries", impact.map(DbImpact::impact).orElse(null),
                "statement " + fingerprint);
    }

    /** The batched rewrite of the repeated statement, built from its shape. */
    record Batch(String description, String example) {
        /** PostgreSQL binds all keys as one array ({@code = any(?)}); MySQL and MariaDB have no arrays, so an IN list. */
        static Batch of(StatementShape shape, String fingerprint, SqlSyntax sql) {
            ColumnRef key = null;
            String table = null;
            if (shape != null && shape.parsed() && !shape.equality().isEmpty()) {
                key = shape.equality().get(0);
                table = key.table() != null ? key.table() : shape.tables().isEmpty() ? null : shape.tables().get(0);
            }
            if (key == null || table == null) {
                return new Batch("replace the per-row statement by one statement over all keys (IN list or JOIN).",
                        "```sql\n-- instead of n times:\n" + fingerprint + "\n-- once, for all n keys: the same statement with "
                                + "its key compared using = ANY(?) (an array) or IN (...)\n```");
            }
            String column = key.column();
            if (sql.isMysqlFamily()) {
                return inList(table, column, fingerprint);
            }
            String batched = fingerprint.replaceFirst("(\\b[a-z_][a-z0-9_]*\\.)?" + java.util.regex.Pattern.quote(column)
                    + " = \\?", "$1" + column + " = any(?)");
            String entity = camel(table);
            String example = "```sql\n-- now, once per key:\n" + fingerprint + "\n-- batched: all keys in one array parameter "
                    + "(or IN (...)); the rows come back tagged with their " + column + "\n" + batched
                    + "\n```\n\n```java\n// JDBC: one round trip for all keys\nPreparedStatement ps = connection.prepareStatement(\""
                    + batched.replace("\"", "\\\"") + "\");\nps.setArray(1, connection.createArrayOf(\"bigint\", keys.toArray()));\n"
                    + "\n// JPA: load the children with their parents instead of one query per parent\n"
                    + "// SELECT p FROM Parent p JOIN FETCH p." + lowerCamel(table) + " WHERE p.id IN :ids\n"
                    + "// or, per association: @BatchSize(size = 100) on the " + entity + " collection\n```";
            return new Batch("select from " + table + " with " + column + " = ANY(?) (or IN (...)) for all keys, "
                    + "or join " + table + " into the parent query.", example);
        }

        private static Batch inList(String table, String column, String fingerprint) {
            String batched = fingerprint.replaceFirst("(\\b[a-z_][a-z0-9_]*\\.)?" + java.util.regex.Pattern.quote(column)
                    + " = \\?", "$1" + column + " in (?)");
            String sqlText = batched.replace("\"", "\\\"").replace(" in (?)", " in (\" + placeholders + \")");
            String example = "```sql\n-- now, once per key:\n" + fingerprint + "\n-- batched: all keys in one IN list; the rows "
                    + "come back tagged with their " + column + "\n" + batched
                    + "\n```\n\n```java\n// JDBC: one round trip for all keys (one ? per key)\n"
                    + "String placeholders = String.join(\", \", Collections.nCopies(keys.size(), \"?\"));\n"
                    + "PreparedStatement ps = connection.prepareStatement(\"" + sqlText + "\");\n"
                    + "for (int i = 0; i < keys.size(); i++) {\n    ps.setLong(i + 1, keys.get(i));\n}\n"
                    + "\n// JPA: load the children with their parents instead of one query per parent\n"
                    + "// SELECT p FROM Parent p JOIN FETCH p." + lowerCamel(table) + " WHERE p.id IN :ids\n"
                    + "// or, per association: @BatchSize(size = 100) on the " + camel(table) + " collection\n```";
            return new Batch("select from " + table + " with " + column + " IN (...) over all keys, or join " + table
                    + " into the parent query.", example);
        }

        private static String camel(String table) {
            String l = lowerCamel(table);
            return Character.toUpperCase(l.charAt(0)) + l.substring(1);
        }

        private static String lowerCamel(String table) {
            StringBuilder s = new StringBuilder();
            boolean up = false;
            for (char c : table.toCharArray()) {
                if (c == '_') {
                    up = true;
                } else {
                    s.append(up ? Character.toUpperCase(c) : c);
                    up = false;
                }
            }
            return s.length() == 0 ? "rows" : s.toString();
        }
    }
}
