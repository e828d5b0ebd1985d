package dev.evident.core.model;

import java.util.List;
import java.util.Map;

/**
 * One EXPLAIN output (PostgreSQL, MySQL or MariaDB), with or without ANALYZE figures.
 *
 * @param source        artifact path
 * @param location      where in the artifact (line of the plan's first node, or "auto_explain entry at line N")
 * @param engine        "PostgreSQL", "MySQL" or "MariaDB"; detectors use it for the syntax and wording of what they suggest
 * @param query         the statement text, when the artifact has it
 * @param root          the top plan node
 * @param planningMs    planning time, or {@code null} when not reported
 * @param executionMs   execution time, or {@code null} without ANALYZE
 * @param settings      non-default planner settings the plan lists (EXPLAIN SETTINGS)
 * @param fingerprint   the query's fingerprint (see {@link SqlEvent#fingerprint()}), or {@code null} without query text
 * @param shape         tables and predicate columns of the query, or {@code null} without query text
 * @param properties    plan-level figures other than the above, by their EXPLAIN (FORMAT JSON) names
 *                      ("JIT Total Time", "Session", "Duration" of an auto_explain entry, ...)
 */
public record QueryPlan(
        String source,
        String location,
        String engine,
        String query,
        PlanNode root,
        Double planningMs,
        Double executionMs,
        Map<String, String> settings,
        String fingerprint,
        StatementShape shape,
        Map<String, String> properties) {

    public QueryPlan {
        settings = Map.copyOf(settings);
        properties = Map.copyOf(properties);
    }

    public String property(String name) {
        return properties.get(name);
    }

    /** Every node, root first, depth first. */
    public List<PlanNode> nodes() {
        java.util.ArrayList<PlanNode> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<PlanNode> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            PlanNode n = stack.pop();
            out.add(n);
            for (int i = n.children().size() - 1; i >= 0; i--) {
                stack.push(n.children().get(i));
            }
        }
        return out;
    }
}
