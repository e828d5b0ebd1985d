package dev.evident.core.model;

import java.util.List;
import java.util.Map;

/**
 * One node of a query plan. Figures are as the database prints them: {@code actualRows} and the
 * times are per loop, so totals need {@code loops}; readers of the text and JSON forms must give
 * the same values. Properties without a typed field keep the JSON format's names
 * ("Rows Removed by Filter", "Sort Method", "Shared Hit Blocks", ...), so text and JSON plans land
 * on the same keys.
 *
 * @param nodeType        e.g. "Seq Scan", "Index Scan", "Hash Join"
 * @param relation        the table scanned, when any
 * @param index           the index used, when any
 * @param estimatedRows   the planner's row estimate (per loop)
 * @param actualRows      rows produced per loop, or {@code null} without ANALYZE or when never executed
 * @param loops           how many times the node ran (0 = never executed)
 * @param actualTotalMs   inclusive time per loop in milliseconds, or {@code null}
 * @param properties      every other property, by its EXPLAIN (FORMAT JSON) name
 * @param children        child nodes in plan order
 */
public record PlanNode(
        String nodeType,
        String relation,
        String index,
        double estimatedRows,
        Double actualRows,
        long loops,
        Double actualTotalMs,
        Map<String, String> properties,
        List<PlanNode> children) {

    public PlanNode {
        properties = Map.copyOf(properties);
        children = List.copyOf(children);
    }

    public String property(String name) {
        return properties.get(name);
    }
}
