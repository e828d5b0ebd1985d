package dev.evident.core.detect.db;

import dev.evident.core.detect.RequestTime;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Impact;
import dev.evident.core.model.Quantity;
import dev.evident.core.model.SqlEvent;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What part of the time users wait a database finding is about, for the planner. Preferably a
 * fraction of request time (statement time from the log against requests × mean latency from the
 * load test of the same incident); without latency data, a fraction of the database time in the
 * log; without a log for the statement, a fraction of the statement's own execution time in its
 * plan. The evidence item it returns states the numbers, so the estimate can cite it.
 *
 * @param impact   the fraction with its interval
 * @param evidence the fact that states part, whole and fraction
 */
record DbImpact(Impact impact, Evidence evidence) {

    /**
     * The fraction that {@code part} of statement time is of request time, or of the logged
     * database time when no load test was given.
     */
    static Optional<DbImpact> ofStatementTime(EvidenceSet evidence, String key, PartTime part, String what) {
        double partMs = part.ms();
        if (!(partMs > 0)) {
            return Optional.empty();
        }
        Optional<RequestTime> requests = RequestTime.of(evidence);
        if (requests.isPresent()) {
            RequestTime r = requests.get();
            double[] interval = r.shareInterval(partMs, part.perRequestVariance(r.requests()));
            double share = interval[1];
            double low = interval[0];
            double high = interval[2];
            String statement = what + ": " + DbText.ms(partMs) + " of " + Fmt.decimal(r.ms() / 1e3, 2) + " s of request time ("
                    + Fmt.count(r.requests()) + " requests × mean latency) = " + Fmt.percent(share)
                    + (high > low ? " (95% interval " + Fmt.interval(low, high) + ")" : "") + (partMs > r.ms() ? "; the log covers more than the measured requests, "
                    + "so the share is capped at 100%" : "");
            Evidence e = fact(key, statement, partMs, r.ms(), share, "request time", logSource(evidence));
            return Optional.of(new DbImpact(new Impact(Impact.REQUEST_TIME, true, share,
                    low, high, e.key()), e));
        }
        double logged = 0;
        TreeSet<String> sources = new TreeSet<>();
        for (SqlEvent s : evidence.sqlEvents()) {
            if (s.aggregate() == null && s.durationMs() > 0) {
                logged += s.durationMs();
                sources.add(s.source());
            }
        }
        if (logged <= 0) {
            return Optional.empty();
        }
        double share = Math.min(1, partMs / logged);
        String statement = what + ": " + DbText.ms(partMs) + " of " + DbText.ms(logged) + " of logged database time = "
                + Fmt.percent(share) + " (no load test among the inputs, so this is a share of database time, not of "
                + "request time)";
        Evidence e = fact(key, statement, partMs, logged, share, "logged database time", sources.first());
        return Optional.of(new DbImpact(new Impact("logged database time", true, share, share,
                share, e.key()), e));
    }

    /**
     * For a part of a statement (a scan, a sort, JIT compilation) that is {@code shareOfStatement}
     * of its execution: that part of the statement's logged time when the log has the statement,
     * else the share of the execution in the plan itself.
     */
    static Optional<DbImpact> ofStatementPart(EvidenceSet evidence, String key, Collection<String> fingerprints,
                                              double shareOfStatement, String what, String planSource) {
        if (!(shareOfStatement > 0)) {
            return Optional.empty();
        }
        PartTime logged = PartTime.executions(evidence, fingerprints);
        if (logged.ms() > 0) {
            Optional<DbImpact> viaLog = ofStatementTime(evidence, key, logged.scaled(Math.min(1, shareOfStatement)),
                    what + " (" + Fmt.percent(shareOfStatement) + " of the statement's " + DbText.ms(logged.ms())
                            + " in the log)");
            if (viaLog.isPresent()) {
                return viaLog;
            }
        }
        double share = Math.min(1, shareOfStatement);
        String statement = what + ": " + Fmt.percent(share) + " of the statement's execution time in " + planSource
                + " (the statement is not in a log among the inputs, so this is a share of one execution)";
        Evidence e = fact(key, statement, Double.NaN, Double.NaN, share, "execution time", planSource);
        return Optional.of(new DbImpact(new Impact("execution time of the statement in " + planSource, true, share, share, share,
                e.key()), e));
    }

    /** Logged time of these statements: single executions, or a statistics view's totals when that is all there is. */
    static double statementMs(EvidenceSet evidence, Collection<String> fingerprints) {
        return loggedMs(evidence, fingerprints::contains);
    }

    /** All logged database time, counted the same way (single executions, else a statistics view's totals). */
    static double loggedMs(EvidenceSet evidence) {
        return loggedMs(evidence, fingerprint -> true);
    }

    private static double loggedMs(EvidenceSet evidence, java.util.function.Predicate<String> statement) {
        double single = 0;
        double aggregated = 0;
        for (SqlEvent s : evidence.sqlEvents()) {
            if (s.fingerprint() == null || !statement.test(s.fingerprint())) {
                continue;
            }
            if (s.aggregate() == null) {
                single += Math.max(0, s.durationMs());
            } else {
                aggregated += Math.max(0, s.durationMs());
            }
        }
        return single > 0 ? single : aggregated;
    }

    /** The first log among the inputs (the part's statement time comes from the logs). */
    private static String logSource(EvidenceSet evidence) {
        for (SqlEvent e : evidence.sqlEvents()) {
            if (e.aggregate() == null) {
                return e.source();
            }
        }
        return evidence.sqlEvents().isEmpty() ? "request-time" : evidence.sqlEvents().get(0).source();
    }

    private static Evidence fact(String key, String statement, double partMs, double wholeMs, double share, String whole,
                                 String source) {
        List<Quantity> values = new ArrayList<>();
        if (!Double.isNaN(partMs)) {
            values.add(Quantity.of("part", partMs, "ms"));
            values.add(Quantity.of(whole, wholeMs, "ms"));
        }
        values.add(Quantity.of("share", share * 100, "%"));
        return new Evidence(null, "impact|" + key, "impact", statement, values, source, whole);
    }
}
