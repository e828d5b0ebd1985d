package dev.evident.ingest.sql;

import dev.evident.core.model.PlanNode;
import dev.evident.core.model.QueryPlan;
import dev.evident.core.model.StatementShape;

import java.util.Map;
import java.util.TreeMap;

/** A plan as a parser produced it, before it becomes a {@link QueryPlan}. */
final class ParsedPlan {
    PlanNodeBuilder root;
    Double planningMs;
    Double executionMs;
    final Map<String, String> settings = new TreeMap<>();
    final Map<String, String> properties = new TreeMap<>();
    String query;
    int firstLine;

    QueryPlan toQueryPlan(String source, String location, String engine, SqlFingerprints fingerprints) {
        return toQueryPlan(source, location, engine, root.build(), properties, fingerprints);
    }

    /** With the tree already built and the properties already copied (by another thread). */
    QueryPlan toQueryPlan(String source, String location, String engine, PlanNode builtRoot, Map<String, String> finalProperties,
            SqlFingerprints fingerprints) {
        String fingerprint = null;
        StatementShape shape = null;
        if (query != null && !query.isBlank()) {
            SqlFingerprints.Result r = fingerprints.of(query);
            fingerprint = r.fingerprint();
            shape = r.shape();
        }
        return new QueryPlan(source, location, engine, query, builtRoot, planningMs, executionMs, settings,
                fingerprint, shape, finalProperties);
    }
}
