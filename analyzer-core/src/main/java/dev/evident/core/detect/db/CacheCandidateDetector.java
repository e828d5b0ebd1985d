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
import dev.evident.core.stats.Percentiles;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The same read-only statement with the same parameters, executed again and again: every
 * execution after the first returns what the first did (unless the data changed), so it can be
 * served from a cache. One finding per statement, over all its parameter sets that repeat at least
 * {@link DbThresholds#CACHE_REPEATS} times. The suggested TTL is the median interval between
 * identical executions; the saving counts the executions that came within that TTL of the previous
 * identical one.
 */
public final class CacheCandidateDetector implements Detector {

    @Override
    public String id() {
        return "cache-candidate";
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        // statement → its executions per parameter set
        Map<String, Map<String, List<SqlEvent>>> same = new TreeMap<>();
        for (SqlEvent e : evidence.sqlEvents()) {
            if (e.aggregate() == null && e.fingerprint() != null && e.fingerprint().startsWith("select")
                    && e.epochNanos() >= 0) {
                same.computeIfAbsent(e.source() + "|" + e.fingerprint(), k -> new TreeMap<>())
                        .computeIfAbsent(identity(e), k -> new ArrayList<>()).add(e);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Map<String, List<SqlEvent>> byParameters : same.values()) {
            List<List<SqlEvent>> repeated = new ArrayList<>();
            for (List<SqlEvent> events : byParameters.values()) {
                if (events.size() >= DbThresholds.CACHE_REPEATS.value()) {
                    events.sort(Comparator.comparingLong(SqlEvent::epochNanos).thenComparingLong(SqlEvent::line));
                    repeated.add(events);
                }
            }
            if (!repeated.isEmpty()) {
                Finding f = finding(repeated, evidence);
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

    /**
     * One statement whose parameter sets repeat. The TTL is the median interval between repeats of
     * the same parameters; the executions that came within that TTL of the previous identical one
     * are the ones a cache would have answered.
     */
    private Finding finding(List<List<SqlEvent>> repeated, EvidenceSet evidence) {
        List<Double> gaps = new ArrayList<>();
        long executions = 0;
        double total = 0;
        for (List<SqlEvent> events : repeated) {
            executions += events.size();
            for (int i = 0; i < events.size(); i++) {
                total += events.get(i).durationMs();
                if (i > 0) {
                    gaps.add((events.get(i).epochNanos() - events.get(i - 1).epochNanos()) / 1e9);
                }
            }
        }
        double[] sorted = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double medianGap = Percentiles.of(sorted, 50);
        long ttl = Math.max(1, Math.round(medianGap));
        java.util.stream.DoubleStream.Builder hitTimes = java.util.stream.DoubleStream.builder();
        for (List<SqlEvent> events : repeated) {
            for (int i = 1; i < events.size(); i++) {
                if ((events.get(i).epochNanos() - events.get(i - 1).epochNanos()) / 1e9 <= ttl) {
                    hitTimes.add(events.get(i).durationMs());
                }
            }
        }
        PartTime cached = PartTime.ofUnits(hitTimes.build().toArray());
        long hits = cached.units();
        double hitMs = cached.ms();
        if (hitMs < DbThresholds.MIN_SAVING_MS.value()) {
            return null;
        }
        double mean = total / executions;
        SqlEvent first = repeated.get(0).get(0);
        String sets = repeated.size() == 1 ? "with identical parameters" : "with " + Fmt.count(repeated.size())
                + " parameter sets that each repeat";
        List<Quantity> values = List.of(Quantity.of("parameter sets", repeated.size(), "sets"),
                Quantity.of("executions", executions, "executions"),
                Quantity.of("total", total, "ms"), Quantity.of("mean", mean, "ms"),
                Quantity.of("median interval", medianGap, "s"), Quantity.of("suggested TTL", ttl, "s"),
                Quantity.of("cache hits at that TTL", hits, "executions"),
                Quantity.of("estimated saving", hitMs, "ms"));
        String statement = "\"" + first.fingerprint() + "\" " + sets + " ran " + Fmt.count(executions) + " times, "
                + DbText.ms(total) + " in total (" + DbText.ms(mean) + " each); identical executions came a median of "
                + Fmt.decimal(medianGap, 2) + " s apart, and with a TTL of " + ttl + " s a cache would have answered "
                + Fmt.count(hits) + " of them, " + DbText.ms(hitMs);
        Evidence ev = new Evidence(null, "cache-candidate|" + first.source() + "|" + first.fingerprint(),
                "sql-repeat", statement, values, first.source(), "first at line " + first.line());
        int score = (int) Math.round(Math.min(60, 25 + 10 * Math.log10(Math.max(1, hitMs / 10))));
        Confidence confidence = new Confidence(executions >= 20 ? Confidence.Level.MEDIUM : Confidence.Level.LOW,
                Fmt.count(executions) + " executions in repeated parameter sets; whether a result may be " + ttl
                        + " s old is for the application to decide");
        String title = "Cache candidate: \"" + DbText.shortSql(first.fingerprint()) + "\" repeats " + sets.replace("with ", "")
                .replace("identical parameters", "the same parameters") + " (" + Fmt.count(executions) + " runs, every "
                + Fmt.decimal(medianGap, 2) + " s)";
        String explanation = "The statement returns the same rows for the same parameters unless the data changed in between, "
                + "yet it ran " + Fmt.count(executions) + " times " + sets + ", " + DbText.ms(mean) + " per execution. With a TTL "
                + "of " + ttl + " s (the median interval between identical executions) " + Fmt.count(hits) + " executions, "
                + DbText.ms(hitMs) + ", would have been answered from memory.";
        String fix = "Cache the result in the application (a per-key cache such as Caffeine, or a shared one such as Redis) "
                + "keyed by the statement's parameters, with a TTL of about " + ttl + " s, and invalidate the entry when the "
                + "underlying rows change (or accept data up to " + ttl + " s old).";
        String example = "```java\nLoadingCache<Key, Result> cache = Caffeine.newBuilder()\n    .expireAfterWrite(Duration.ofSeconds("
                + ttl + "))\n    .maximumSize(10_000)\n    .build(key -> runQuery(key)); // the statement above; the key holds its "
                + "parameters\n// on writes to the rows it reads: cache.invalidate(key) (or invalidateAll())\n```";
        List<Evidence> cited = new ArrayList<>(List.of(ev));
        Optional<DbImpact> impact = DbImpact.ofStatementTime(evidence, "cache-candidate|" + first.fingerprint(),
                cached,
                "executions a cache with a " + ttl + " s TTL would have answered");
        impact.ifPresent(i -> cited.add(i.evidence()));
        return new Finding(null, "cache-candidate|" + first.fingerprint(), id(), Category.DATABASE, title, score, confidence,
                executions, cited, explanation, fix, example, "cache-results", impact.map(DbImpact::impact).orElse(null),
                "statement " + first.fingerprint());
    }
}
