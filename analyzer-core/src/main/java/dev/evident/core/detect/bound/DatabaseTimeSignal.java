package dev.evident.core.detect.bound;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.RequestTime;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Quantity;
import dev.evident.core.model.SqlEvent;
import dev.evident.core.util.Fmt;

import java.util.List;
import java.util.Optional;

/**
 * Database bound: summed statement time from the database log against summed request time from
 * the latency measurements of the same incident (requests × mean latency). When the two cover
 * different spans the ratio is only indicative, which the evidence states.
 */
public final class DatabaseTimeSignal implements BoundSignal {

    @Override
    public String id() {
        return "database-time";
    }

    @Override
    public List<BoundShare> measure(EvidenceSet evidence, AnalysisContext context) {
        Optional<RequestTime> requestTime = RequestTime.of(evidence);
        if (evidence.sqlEvents().isEmpty() || requestTime.isEmpty()) {
            return List.of();
        }
        // single executions from logs; a statistics view's totals only when no log has executions
        // (both describe the same statements, so adding them would count the time twice)
        double logged = 0;
        double aggregated = 0;
        long statements = 0;
        for (SqlEvent e : evidence.sqlEvents()) {
            if (e.durationMs() > 0) {
                if (e.aggregate() == null) {
                    logged += e.durationMs();
                    statements++;
                } else {
                    aggregated += e.durationMs();
                }
            }
        }
        double dbMs = logged > 0 ? logged : aggregated;
        double requestMs = requestTime.get().ms();
        long requests = requestTime.get().requests();
        double share = Math.min(1, dbMs / requestMs);
        String statement = (logged > 0 ? Fmt.count(statements) + " logged statements" : "the statistics view's statements")
                + " took " + Fmt.decimal(dbMs / 1e3, 2)
                + " s against " + Fmt.decimal(requestMs / 1e3, 2) + " s of request time (" + Fmt.count(requests)
                + " requests × mean latency): " + Fmt.percent(share) + " of request time is in the database"
                + (dbMs > requestMs ? " (the log covers more than the measured requests; capped at 100%)" : "");
        Evidence e = new Evidence(null, "bound|database-time", "bound-database", statement,
                List.of(Quantity.of("database", dbMs, "ms"), Quantity.of("requests", requestMs, "ms"),
                        Quantity.of("share", share * 100, "%"), Quantity.of("statements", statements, "statements")),
                evidence.sqlEvents().get(0).source(), "statement durations");
        return List.of(new BoundShare(Bound.DATABASE, share, Math.max(statements, 1), e));
    }
}
