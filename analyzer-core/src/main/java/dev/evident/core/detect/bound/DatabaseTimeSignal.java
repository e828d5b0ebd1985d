package dev.evident.core.detect.bound;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.Quantity;
import dev.evident.core.model.SqlEvent;
import dev.evident.core.util.Fmt;

import java.util.List;

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
        if (evidence.sqlEvents().isEmpty() || evidence.latencies().isEmpty()) {
            return List.of();
        }
        double dbMs = 0;
        for (SqlEvent e : evidence.sqlEvents()) {
            if (e.durationMs() > 0) {
                dbMs += e.durationMs();
            }
        }
        double requestMs = 0;
        long requests = 0;
        for (LatencySeries s : evidence.latencies()) {
            double mean = s.meanMs();
            if (s.count() > 0 && !Double.isNaN(mean) && !"JMH".equals(s.tool()) && !"hyperfine".equals(s.tool())) {
                requestMs += mean * s.count();
                requests += s.count();
            }
        }
        if (requestMs <= 0) {
            return List.of();
        }
        double share = Math.min(1, dbMs / requestMs);
        String statement = Fmt.count(evidence.sqlEvents().size()) + " statements took " + Fmt.decimal(dbMs / 1e3, 2)
                + " s against " + Fmt.decimal(requestMs / 1e3, 2) + " s of request time (" + Fmt.count(requests)
                + " requests × mean latency): " + Fmt.percent(share) + " of request time is in the database"
                + (dbMs > requestMs ? " (the log covers more than the measured requests; capped at 100%)" : "");
        Evidence e = new Evidence(null, "bound|database-time", "bound-database", statement,
                List.of(Quantity.of("database", dbMs, "ms"), Quantity.of("requests", requestMs, "ms"),
                        Quantity.of("share", share * 100, "%"), Quantity.of("statements", evidence.sqlEvents().size(), "statements")),
                evidence.sqlEvents().get(0).source(), "statement durations");
        return List.of(new BoundShare(Bound.DATABASE, share, evidence.sqlEvents().size(), e));
    }
}
