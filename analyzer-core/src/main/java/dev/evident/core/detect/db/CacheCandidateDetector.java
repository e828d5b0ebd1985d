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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The same read-only statement with the same parameters, executed again and again: every
 * execution after the first returns what the first did (unless the data changed), so it can be
 * served from a cache. The suggested TTL is the median interval between the repeats: a cache
 * entry living that long would have answered about every other request, and a shorter one none.
 */
public final class CacheCandidateDetector implements Detector {

    @Override
    public String id() {
        return "cache-candidate";
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        Map<String, List<SqlEvent>> same = new TreeMap<>();
        for (SqlEvent e : evidence.sqlEvents()) {
            if (e.aggregate() == null && e.fingerprint() != null && e.fingerprint().startsWith("select")
                    && e.epochNanos() >= 0) {
                same.computeIfAbsent(e.source() + "|" + e.fingerprint() + "|" + identity(e), k -> new ArrayList<>()).add(e);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (List<SqlEvent> events : same.values()) {
            if (events.size() >= DbThresholds.CACHE_REPEATS.value()) {
                Finding f = finding(events);
                if (f != null) {
                    findings.add(f);
                }
            }
        }
        return findings;
    }

    /**
     * What makes two executions of one fingerprint identical: their bind values when the log has them,
     * otherwise their text, which then carries the literals (MySQL's slow log, PostgreSQL's simple protocol).
     */
    static String identity(SqlEvent e) {
        return e.parameters() != null ? e.parameters() : "text:" + e.text();
    }

    private Finding finding(List<SqlEvent> events) {
        events.sort(Comparator.comparingLong(SqlEvent::epochNanos).thenComparingLong(SqlEvent::line));
        double[] gaps = new double[events.size() - 1];
        for (int i = 1; i < events.size(); i++) {
            gaps[i - 1] = (events.get(i).epochNanos() - events.get(i - 1).epochNanos()) / 1e9;
        }
        Arrays.sort(gaps);
        double medianGap = gaps[gaps.length / 2];
        double total = events.stream().mapToDouble(SqlEvent::durationMs).sum();
        double mean = total / events.size();
        double saving = total - mean; // all but one execution
        if (saving < DbThresholds.MIN_SAVING_MS.value()) {
            return null;
        }
        long ttl = Math.max(1, Math.round(medianGap));
        SqlEvent first = events.get(0);
        List<Quantity> values = List.of(Quantity.of("executions", events.size(), "executions"),
                Quantity.of("total", total, "ms"), Quantity.of("mean", mean, "ms"),
                Quantity.of("median interval", medianGap, "s"), Quantity.of("suggested TTL", ttl, "s"),
                Quantity.of("estimated saving", saving, "ms"));
        String statement = "\"" + first.fingerprint() + "\" with identical parameters ran " + events.size() + " times, "
                + DbText.ms(total) + " in total (" + DbText.ms(mean) + " each), a median of " + Fmt.decimal(medianGap, 2)
                + " s apart; a cache with a TTL of " + ttl + " s would save up to " + DbText.ms(saving);
        Evidence ev = new Evidence(null, "cache-candidate|" + first.source() + "|" + first.fingerprint() + "|"
                + Integer.toHexString(identity(first).hashCode()),
                "sql-repeat", statement, values, first.source(), "first at line " + first.line());
        int score = (int) Math.round(Math.min(60, 25 + 10 * Math.log10(Math.max(1, saving / 10))));
        Confidence confidence = new Confidence(events.size() >= 20 ? Confidence.Level.MEDIUM : Confidence.Level.LOW,
                events.size() + " identical executions; whether the result may be stale for " + ttl
                        + " s is for the application to decide");
        String title = "Cache candidate: \"" + DbText.shortSql(first.fingerprint()) + "\" runs " + events.size()
                + " times with the same parameters (every " + Fmt.decimal(medianGap, 2) + " s)";
        String explanation = "The statement and its parameters are identical in all " + events.size() + " executions, so "
                + "all but the first returned what the first did unless the rows changed in between. It costs only "
                + DbText.ms(mean) + " per execution, but it is asked for every " + Fmt.decimal(medianGap, 2) + " s.";
        String fix = "Cache the result in the application (a per-key cache such as Caffeine or a shared one such as Redis) "
                + "with a TTL of about " + ttl + " s, and invalidate it when the underlying rows change.";
        String example = "```java\nLoadingCache<String, List<Row>> cache = Caffeine.newBuilder()\n    .expireAfterWrite(Duration.ofSeconds("
                + ttl + "))\n    .build(key -> runQuery(key)); // the statement above, with the key as its parameter\n```";
        return new Finding(null, "cache-candidate|" + first.fingerprint() + "|" + (first.parameters() != null ? first.parameters()
                : Integer.toHexString(identity(first).hashCode())), id(), Category.DATABASE, title, score, confidence, events.size(), List.of(ev),
                explanation, fix, example);
    }
}
