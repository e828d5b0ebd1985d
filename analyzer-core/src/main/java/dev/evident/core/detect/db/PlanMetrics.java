package dev.evident.core.detect.db;

import dev.evident.core.model.PlanNode;
import dev.evident.core.model.QueryPlan;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derived figures of every node of one plan, computed the way PEV2 does (plan-service.ts):
 * <ul>
 *   <li>inclusive time = time per loop × loops ÷ (workers launched by the nearest Gather + 1), since
 *       the loops of a parallel node count the leader and every worker that ran it concurrently;</li>
 *   <li>exclusive time = inclusive time − the children's inclusive time, InitPlans excluded (their
 *       time is not part of the parent's, except under a Result node), never below zero;</li>
 *   <li>rows and removed rows × loops, since EXPLAIN prints per-loop averages;</li>
 *   <li>estimate factor = actual ÷ planned rows, or planned ÷ actual, whichever is larger.</li>
 * </ul>
 * Nodes are indexed in {@link QueryPlan#nodes()} order; the walk is iterative, so deep plans work.
 */
public final class PlanMetrics {
    private final QueryPlan plan;
    private final List<PlanNode> nodes;
    private final Map<PlanNode, Integer> index = new IdentityHashMap<>();
    private final int[] parent;
    private final double[] inclusive;
    private final double[] exclusive;
    private final int[] workers;

    private PlanMetrics(QueryPlan plan) {
        this.plan = plan;
        this.nodes = plan.nodes();
        int n = nodes.size();
        parent = new int[n];
        inclusive = new double[n];
        exclusive = new double[n];
        workers = new int[n];
        for (int i = 0; i < n; i++) {
            index.put(nodes.get(i), i);
        }
        parent[0] = -1;
        for (int i = 0; i < n; i++) {
            for (PlanNode c : nodes.get(i).children()) {
                parent[index.get(c)] = i;
            }
        }
        // nodes() is pre-order, so a parent's worker count is known before its children's
        for (int i = 0; i < n; i++) {
            int p = parent[i];
            workers[i] = p < 0 ? 0 : isGather(nodes.get(p)) ? launched(nodes.get(p)) : workers[p];
        }
        for (int i = 0; i < n; i++) {
            PlanNode node = nodes.get(i);
            inclusive[i] = node.actualTotalMs() == null ? Double.NaN
                    : node.actualTotalMs() * node.loops() / (workers[i] + 1);
        }
        for (int i = 0; i < n; i++) {
            PlanNode node = nodes.get(i);
            double children = 0;
            for (PlanNode c : node.children()) {
                boolean initPlan = "InitPlan".equals(c.property("Parent Relationship"));
                if (!initPlan || node.nodeType().equals("Result")) {
                    double t = inclusive[index.get(c)];
                    children += Double.isNaN(t) ? 0 : t;
                }
            }
            exclusive[i] = Double.isNaN(inclusive[i]) ? Double.NaN : Math.max(0, inclusive[i] - children);
        }
    }

    public static PlanMetrics of(QueryPlan plan) {
        return new PlanMetrics(plan);
    }

    public QueryPlan plan() {
        return plan;
    }

    public List<PlanNode> nodes() {
        return nodes;
    }

    public int indexOf(PlanNode node) {
        return index.get(node);
    }

    public PlanNode parent(PlanNode node) {
        int p = parent[index.get(node)];
        return p < 0 ? null : nodes.get(p);
    }

    /** Inclusive time in ms (NaN without timing). */
    public double inclusiveMs(PlanNode node) {
        return inclusive[index.get(node)];
    }

    /** Exclusive time in ms (NaN without timing). */
    public double exclusiveMs(PlanNode node) {
        return exclusive[index.get(node)];
    }

    /** Workers launched by the Gather above this node (0 outside a parallel section). */
    public int workers(PlanNode node) {
        return workers[index.get(node)];
    }

    /** The plan's execution time, or the root's inclusive time when the plan does not print it. */
    public double executionMs() {
        if (plan.executionMs() != null) {
            return plan.executionMs();
        }
        return inclusive[0];
    }

    /** A read of a whole table: PostgreSQL's Seq Scan, MySQL's and MariaDB's Table scan. */
    public static boolean isFullScan(PlanNode node) {
        return node.nodeType().equals("Seq Scan") || node.nodeType().equals("Table scan");
    }

    /**
     * A nested-loop join: PostgreSQL's Nested Loop, MySQL's "Nested loop inner join" (left join, semijoin,
     * antijoin) and the "Nested loop join" of MySQL's and MariaDB's JSON plans.
     */
    public static boolean isNestedLoop(PlanNode node) {
        return node.nodeType().equals("Nested Loop") || node.nodeType().startsWith("Nested loop ");
    }

    /** Rows the node produced over all loops. */
    public static double rows(PlanNode node) {
        return node.actualRows() == null ? Double.NaN : node.actualRows() * node.loops();
    }

    /** Rows the node's filters discarded over all loops. */
    public static double removedRows(PlanNode node) {
        return (number(node, "Rows Removed by Filter") + number(node, "Rows Removed by Join Filter")) * node.loops();
    }

    /** max(actual/planned, planned/actual) per loop; 1 when the estimate was right or there is no ANALYZE. */
    public static double estimateFactor(PlanNode node) {
        if (node.actualRows() == null || node.loops() == 0) {
            return 1;
        }
        double actual = Math.max(node.actualRows(), 1);
        double planned = Math.max(node.estimatedRows(), 1);
        return Math.max(actual / planned, planned / actual);
    }

    /** A numeric property, 0 when absent (the TEXT format leaves zero counters out). */
    public static double number(PlanNode node, String key) {
        String v = node.property(key);
        if (v == null) {
            return 0;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean isGather(PlanNode node) {
        return node.nodeType().equals("Gather") || node.nodeType().equals("Gather Merge");
    }

    private static int launched(PlanNode gather) {
        String launched = gather.property("Workers Launched");
        return launched == null ? 0 : (int) number(gather, "Workers Launched");
    }
}
