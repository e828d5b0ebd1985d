package dev.evident.core.detect.db;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.model.Category;
import dev.evident.core.model.Confidence;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.PlanNode;
import dev.evident.core.model.Quantity;
import dev.evident.core.model.QueryPlan;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The planner's row estimate off by a large factor on a scan: plans built on wrong counts choose
 * wrong join methods and memory sizes. Statistics that are stale need ANALYZE; a filter on several
 * correlated columns needs extended statistics (CREATE STATISTICS), since the planner multiplies the
 * columns' selectivities as if they were independent. MySQL and MariaDB estimate a filter on a column
 * without an index or statistics from fixed guesses, so there the fix is column statistics
 * (histograms, persistent column statistics) on the filter's columns.
 */
public final class RowEstimateDetector implements Detector {

    @Override
    public String id() {
        return "row-estimate";
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        Map<String, List<Object[]>> groups = new TreeMap<>();
        for (QueryPlan plan : evidence.plans()) {
            PlanMetrics m = PlanMetrics.of(plan);
            for (PlanNode n : m.nodes()) {
                double f = PlanMetrics.estimateFactor(n);
                if (n.relation() == null || f < DbThresholds.ESTIMATE_FACTOR_INFO.value() || n.loops() == 0) {
                    continue;
                }
                groups.computeIfAbsent(n.relation() + "|" + (plan.fingerprint() != null ? plan.fingerprint() : plan.location()),
                        k -> new ArrayList<>()).add(new Object[] {plan, n, f});
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Object[]>> g : groups.entrySet()) {
            Object[] worst = g.getValue().get(0);
            for (Object[] o : g.getValue()) {
                if ((double) o[2] > (double) worst[2]) {
                    worst = o;
                }
            }
            out.add(finding(g.getKey(), (QueryPlan) worst[0], (PlanNode) worst[1], (double) worst[2], g.getValue().size()));
        }
        return out;
    }

    private Finding finding(String key, QueryPlan plan, PlanNode n, double factor, int plans) {
        boolean under = n.actualRows() > n.estimatedRows();
        String direction = under ? "under-estimated" : "over-estimated";
        List<String> columns = new ArrayList<>();
        for (String k : new String[] {"*Equality Columns", "*Range Columns"}) {
            if (n.property(k) != null) {
                columns.addAll(List.of(n.property(k).split(",\\s*")));
            }
        }
        List<Quantity> values = List.of(Quantity.of("planned rows per loop", n.estimatedRows(), "rows"),
                Quantity.of("actual rows per loop", n.actualRows(), "rows"), Quantity.of("factor", factor, "x"),
                Quantity.of("plans", plans, "plans"));
        String statement = DbText.node(n) + ": planned " + DbText.rows(n.estimatedRows()) + " rows, got "
                + Fmt.decimal(n.actualRows(), n.actualRows() == Math.rint(n.actualRows()) ? 0 : 2) + " per loop ("
                + direction + " " + Fmt.decimal(factor, 0) + "×) in " + plans + " plan" + (plans == 1 ? "" : "s");
        Evidence ev = new Evidence(null, "estimate|" + key, "plan-node", statement, values, plan.source(), plan.location());
        int score = (int) Math.round(Math.min(60, DbThresholds.ESTIMATE_CURVE.score(Math.log10(factor)) * 0.6));
        SqlSyntax sql = SqlSyntax.of(plan.engine());
        // MySQL and MariaDB keep no statistics on columns without an index unless asked, so one column is enough there
        boolean statistics = columns.size() >= 2 || (sql.isMysqlFamily() && !columns.isEmpty());
        String stats = statistics ? sql.columnStatistics(n.relation(), columns,
                DbText.identifier(n.relation() + "_" + String.join("_", columns)) + "_stats") + "\n" : "";
        String why = columns.size() >= 2 ? "; the filter combines " + String.join(", ", columns) + ", so also create "
                + sql.columnStatisticsWords() + " on them"
                : statistics ? "; " + columns.get(0) + " has no index, so the optimizer guesses its selectivity unless it has "
                + sql.columnStatisticsWords() + " on it" : "";
        return new Finding(null, "row-estimate|" + key, id(), Category.DATABASE,
                "Row estimate on " + n.relation() + " is " + direction + " " + Fmt.decimal(factor, 0) + "×", score,
                new Confidence(Confidence.Level.MEDIUM, "measured by " + (sql == SqlSyntax.MARIADB ? "ANALYZE FORMAT=JSON"
                        : "EXPLAIN ANALYZE") + "; how much it costs depends on the plan the planner would pick with the right count"),
                plans, List.of(ev),
                "The planner expected " + DbText.rows(n.estimatedRows()) + " rows per loop from " + n.relation() + " but got "
                        + Fmt.decimal(n.actualRows(), n.actualRows() == Math.rint(n.actualRows()) ? 0 : 2) + " (" + Fmt.decimal(factor, 0)
                        + "×). Join order, join method and memory are chosen from this count.",
                "Refresh the statistics with " + sql.analyze(n.relation()).replace(";", "") + why + "; "
                        + sql.freshStatisticsAdvice(n.relation()) + ".",
                "```sql\n" + sql.analyze(n.relation()) + "\n" + stats + "```").withRemedy("refresh-statistics", null);
    }
}
