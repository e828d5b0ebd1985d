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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statements by fingerprint: count, total, p50, p95 and max, and the share of all logged database
 * time each takes. A fingerprint is reported when its share scores (the curve of
 * {@link DbThresholds#DB_SHARE_INFO}) or one execution reaches Sentry's slow-query threshold.
 * Rows of {@code pg_stat_statements} count with their calls and total time; they have no
 * percentiles, so their p50/p95 are not stated.
 */
public final class SlowStatementDetector implements Detector {

    @Override
    public String id() {
        return "slow-statement";
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        Map<String, Map<String, List<SqlEvent>>> bySource = new TreeMap<>();
        for (SqlEvent e : evidence.sqlEvents()) {
            if (e.fingerprint() != null) {
                bySource.computeIfAbsent(e.source(), k -> new TreeMap<>())
                        .computeIfAbsent(e.fingerprint(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Finding> findings = new ArrayList<>();
        StatementSubjects subjects = bySource.isEmpty() ? null : StatementSubjects.of(evidence);
        for (Map.Entry<String, Map<String, List<SqlEvent>>> source : bySource.entrySet()) {
            double total = 0;
            for (List<SqlEvent> events : source.getValue().values()) {
                for (SqlEvent e : events) {
                    total += e.durationMs();
                }
            }
            if (total <= 0) {
                continue;
            }
            for (Map.Entry<String, List<SqlEvent>> f : source.getValue().entrySet()) {
                Finding finding = finding(source.getKey(), f.getKey(), f.getValue(), total, subjects.keyOf(f.getKey()));
                if (finding != null) {
                    findings.add(finding);
                }
            }
        }
        return findings;
    }

    /**
     * @param explainedBy the key of another finding about this statement (N+1, missing index, spill), or null. The
     *                    statement's figures then merge into that finding as evidence: this finding takes its key, and
     *                    low confidence and no support so that the finding that knows the cause words the merged one.
     */
    private Finding finding(String source, String fingerprint, List<SqlEvent> events, double dbTotal, String explainedBy) {
        long calls = 0;
        double sum = 0;
        double max = 0;
        boolean aggregated = false;
        boolean maxKnown = false;
        double[] durations = new double[events.size()];
        int n = 0;
        for (SqlEvent e : events) {
            calls += e.calls();
            sum += e.durationMs();
            if (e.aggregate() != null) {
                aggregated = true;
                maxKnown |= !Double.isNaN(e.aggregate().maxMs());
                max = Math.max(max, Double.isNaN(e.aggregate().maxMs()) ? e.aggregate().meanMs() : e.aggregate().maxMs());
            } else {
                maxKnown = true;
                durations[n++] = e.durationMs();
                max = Math.max(max, e.durationMs());
            }
        }
        double share = sum / dbTotal;
        int score = DbThresholds.DB_SHARE_CURVE.scoreInt(share);
        boolean slow = max >= DbThresholds.SLOW_STATEMENT_MS.value();
        if (score < 25 && !slow) {
            return null;
        }
        double[] sorted = Arrays.copyOf(durations, n);
        Arrays.sort(sorted);
        List<Quantity> values = new ArrayList<>();
        values.add(Quantity.of("executions", calls, "executions"));
        values.add(Quantity.of("total", sum, "ms"));
        values.add(Quantity.of("share of database time", share * 100, "%"));
        String maxWord = maxKnown ? "max" : "mean"; // an export without max_exec_time: the largest mean stands in
        values.add(Quantity.of(maxWord, max, "ms"));
        StringBuilder s = new StringBuilder("\"" + fingerprint + "\": " + Fmt.count(calls) + " executions, "
                + DbText.ms(sum) + " in total (" + Fmt.percent(share) + " of the database time in " + source + ")");
        if (n > 0 && !aggregated) {
            double p50 = percentile(sorted, 0.50);
            double p95 = percentile(sorted, 0.95);
            values.add(Quantity.of("p50", p50, "ms"));
            values.add(Quantity.of("p95", p95, "ms"));
            s.append("; p50 ").append(DbText.ms(p50)).append(", p95 ").append(DbText.ms(p95));
        } else {
            s.append("; mean ").append(DbText.ms(sum / calls));
            values.add(Quantity.of("mean", sum / calls, "ms"));
        }
        if (maxKnown) {
            s.append(", max ").append(DbText.ms(max));
        }
        Evidence ev = new Evidence(null, "statement-stats|" + source + "|" + fingerprint, "statement-stats", s.toString(),
                values, source, aggregated ? "pg_stat_statements row" : "lines " + events.get(0).line() + "…");
        int finalScore = slow ? Math.max(score, 50) : score;
        Confidence confidence = new Confidence(calls >= 20 ? Confidence.Level.HIGH : calls >= 5 ? Confidence.Level.MEDIUM
                : Confidence.Level.LOW, Fmt.count(calls) + " executions measured by the server"
                + (slow ? "; the slowest reached " + DbText.ms(max) + ", over Sentry's " + (int) DbThresholds.SLOW_STATEMENT_MS.value()
                + " ms slow-query threshold" : ""));
        String title = "\"" + DbText.shortSql(fingerprint) + "\" takes " + Fmt.percent(share) + " of the database time ("
                + Fmt.count(calls) + " executions, " + maxWord + " " + DbText.ms(max) + ")";
        String explanation = "Grouped by fingerprint (literals and parameters replaced by ?), this statement accounts for "
                + DbText.ms(sum) + " of the logged database time in " + source + " (" + Fmt.percent(share) + "). "
                + "Speeding it up, or running it less often, is where database time can be won; the plan findings for the "
                + "same statement say why it is slow.";
        SqlSyntax sql = SqlSyntax.of(events.get(0).engine());
        String fix = "Look at its plan (" + (sql.isMysqlFamily() ? sql.explainAnalyze() + " of a logged execution"
                : "EXPLAIN (ANALYZE, BUFFERS) with the logged parameters, or the auto_explain entry") + ") "
                + "and at the other findings about this fingerprint; if it repeats with the same parameters, cache it; "
                + "if it runs once per row of another query, batch it.";
        if (explainedBy != null) {
            return new Finding(null, explainedBy, id(), Category.DATABASE, title, 0,
                    new Confidence(Confidence.Level.LOW, "the statement's totals; the cause is the finding they merge into"),
                    0, List.of(ev), explanation, fix, null);
        }
        return new Finding(null, "slow-statement|" + fingerprint, id(), Category.DATABASE, title, finalScore, confidence,
                calls, List.of(ev), explanation, fix, null);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
