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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Nested Loop whose inner side is a scan that runs once per outer row and reads far more rows than
 * the join keeps: the database's own N+1. It usually comes from an outer side the planner
 * under-estimated (it expected a handful of rows, so rescanning looked cheap) and an inner side
 * without an index on the join columns. The fix is an index that lets each loop read only the
 * matching rows, and statistics that give the planner the right outer row count.
 */
public final class NestedLoopDetector implements Detector {

    @Override
    public String id() {
        return "nested-loop-rescan";
    }

    record Hit(QueryPlan plan, PlanNode loop, PlanNode outer, PlanNode inner, double read, double kept, double timeMs,
               double executionMs) {
        double keptShare() {
            return kept / Math.max(1, read);
        }

        /** If each loop read only the rows the join keeps, the inner side's time and the join filter's would shrink alike. */
        double savingMs() {
            return DbText.timed(timeMs) * (1 - keptShare());
        }
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        Map<String, List<Hit>> groups = new TreeMap<>();
        for (QueryPlan plan : evidence.plans()) {
            PlanMetrics m = PlanMetrics.of(plan);
            for (PlanNode n : m.nodes()) {
                Hit h = hit(plan, n, m);
                if (h != null) {
                    groups.computeIfAbsent(h.inner().relation() + "|" + DbText.subject(plan), k -> new ArrayList<>()).add(h);
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Hit>> g : groups.entrySet()) {
            Hit worst = DbText.worst(g.getValue(), Hit::read);
            if (!Double.isNaN(worst.timeMs()) && worst.savingMs() < DbThresholds.MIN_SAVING_MS.value()) {
                continue;
            }
            out.add(finding(g.getKey(), worst, g.getValue().size()));
        }
        return out;
    }

    private static Hit hit(QueryPlan plan, PlanNode n, PlanMetrics m) {
        if (!PlanMetrics.isNestedLoop(n) || n.loops() == 0) {
            return null;
        }
        List<PlanNode> sides = n.children().stream().filter(c -> c.property("Parent Relationship") == null).toList();
        if (sides.size() != 2) {
            return null;
        }
        PlanNode inner = sides.get(1);
        if (inner.relation() == null || inner.actualRows() == null || inner.loops() < DbThresholds.NESTED_LOOP_LOOPS.value()) {
            return null;
        }
        double read = PlanMetrics.rows(inner) + PlanMetrics.removedRows(inner);
        double kept = PlanMetrics.rows(n);
        if (read < DbThresholds.LARGE_RELATION_ROWS.value() || kept / read > 1 - DbThresholds.ROWS_REMOVED_SEVERE.value()) {
            return null;
        }
        double time = m.inclusiveMs(inner) + m.exclusiveMs(n);
        return new Hit(plan, n, sides.get(0), inner, read, kept, time, m.executionMs());
    }

    private Finding finding(String key, Hit h, int plans) {
        PlanNode inner = h.inner();
        String table = inner.relation();
        boolean timed = !Double.isNaN(h.timeMs());
        List<String> columns = innerColumns(h);
        double outerFactor = PlanMetrics.estimateFactor(h.outer());
        boolean misestimated = outerFactor >= DbThresholds.ESTIMATE_FACTOR_INFO.value();
        List<Quantity> values = new ArrayList<>(List.of(Quantity.of("inner loops", inner.loops(), "loops"),
                Quantity.of("inner rows per loop", inner.actualRows() + PlanMetrics.number(inner, "Rows Removed by Filter"), "rows"),
                Quantity.of("inner rows read", h.read(), "rows"), Quantity.of("rows the join keeps", h.kept(), "rows"),
                Quantity.of("planned outer rows", h.outer().estimatedRows(), "rows"),
                Quantity.of("actual outer rows", PlanMetrics.rows(h.outer()), "rows"), Quantity.of("plans", plans, "plans")));
        if (timed) {
            values.add(Quantity.of("inner side and join filter time", h.timeMs(), "ms"));
            values.add(Quantity.of("execution time", h.executionMs(), "ms"));
            values.add(Quantity.of("estimated saving", h.savingMs(), "ms"));
        }
        String statement = h.loop().nodeType() + " runs " + DbText.node(inner) + " " + Fmt.count(inner.loops()) + " times, reading "
                + DbText.rows(h.read()) + " rows in total to keep " + DbText.rows(h.kept()) + " (" + Fmt.decimal(h.keptShare() * 100, 2) + "%"
                + ")" + (h.loop().property("Join Filter") != null ? "; join filter " + h.loop().property("Join Filter") : "")
                + "; the planner expected " + DbText.rows(h.outer().estimatedRows()) + " outer row"
                + (h.outer().estimatedRows() == 1 ? "" : "s") + " and got " + DbText.rows(PlanMetrics.rows(h.outer()))
                + (timed ? "; the inner side and the join filter take " + DbText.ms(h.timeMs()) + " of " + DbText.ms(h.executionMs())
                + ", an estimated " + DbText.ms(h.savingMs()) + " of it on rows the join discards" : "")
                + " (" + DbText.plans(plans) + ")";
        Evidence ev = new Evidence(null, "nested-loop|" + key, "plan-node", statement, values, h.plan().source(),
                h.plan().location());
        double share = timed && h.executionMs() > 0 ? h.savingMs() / h.executionMs() : 0;
        int score = timed ? DbThresholds.SHARE_CURVE.scoreInt(share) : 30;
        String title = h.loop().nodeType() + " rescans " + table + " " + Fmt.count(inner.loops()) + " times (" + DbText.rows(h.read())
                + " rows read to keep " + DbText.rows(h.kept()) + ")" + (misestimated ? ": the planner expected "
                + DbText.rows(h.outer().estimatedRows()) + " outer row" + (h.outer().estimatedRows() == 1 ? "" : "s") : "");
        SqlSyntax sql = SqlSyntax.of(h.plan().engine());
        String stats = statistics(h.outer(), sql);
        String index = columns.isEmpty() ? null : sql.createIndex("idx_" + DbText.identifier(table) + "_"
                + DbText.identifier(String.join("_", columns)), table, columns);
        String explanation = "For each of the " + DbText.rows(PlanMetrics.rows(h.outer())) + " outer rows, " + sql.label() + " scans "
                + table + " again (" + Fmt.count(inner.loops()) + " scans, " + DbText.rows(h.read()) + " rows) and keeps "
                + DbText.rows(h.kept()) + " of them. " + (misestimated ? "It chose this because it expected "
                + DbText.rows(h.outer().estimatedRows()) + " outer row" + (h.outer().estimatedRows() == 1 ? "" : "s")
                + ", not " + DbText.rows(PlanMetrics.rows(h.outer())) + ". " : "")
                + (timed ? "If each scan read only the rows the join keeps, an estimated " + DbText.ms(h.savingMs()) + " of the "
                + DbText.ms(h.timeMs()) + " would go." : "");
        String fix = (index != null ? "Give the inner side an index on its join column" + (columns.size() > 1 ? "s" : "") + " ("
                + table + " (" + String.join(", ", columns) + ")), so each loop reads only matching rows"
                + (columns.stream().noneMatch(c -> equalityColumn(h, c)) ? "; the join compares ranges, which a b-tree serves "
                + "from one side only, so check the plan afterwards (a LATERAL subquery with ORDER BY ... LIMIT 1 on that index "
                + "is the usual rewrite of a band lookup)" : "") + ". " : "")
                + (misestimated ? "Fix the outer estimate so the planner can pick a hash join or materialize the inner side"
                + (stats != null ? ": the filter combines correlated columns, so create " + sql.columnStatisticsWords() + " on them"
                : sql.isMysqlFamily() ? ": run ANALYZE TABLE on the outer table" : ": ANALYZE the outer table") + ". " : "")
                + "Then compare " + sql.explainAnalyze() + " before and after.";
        String example = "```sql\n" + (stats != null ? stats + "\n" : "") + (index != null ? index + "\n" : "") + "```";
        return new Finding(null, "nested-loop|" + key, id(), Category.DATABASE, title, score,
                new Confidence(timed ? Confidence.Level.HIGH : Confidence.Level.MEDIUM,
                        "EXPLAIN ANALYZE counts the loops and rows; the saving assumes time scales with rows read"),
                plans, List.of(ev), explanation, fix, example, index != null ? "add-index" : "refresh-statistics", null,
                index != null ? "index " + table + "(" + String.join(", ", columns) + ")" : null);
    }

    private static final Pattern QUALIFIED = Pattern.compile("\\b([a-z_][\\w$]*)\\.([a-z_][\\w$]*)\\b");

    /** Columns of the inner table named in the join filter and the inner scan's own filter: equality first, then one range column. */
    static List<String> innerColumns(Hit h) {
        String alias = h.inner().property("Alias") != null ? h.inner().property("Alias") : h.inner().relation();
        Set<String> equality = new LinkedHashSet<>();
        Set<String> range = new LinkedHashSet<>();
        for (String text : new String[] {h.loop().property("Join Filter"), h.inner().property("Filter")}) {
            if (text == null) {
                continue;
            }
            for (String comparison : text.split("\\) AND \\(|\\bAND\\b")) {
                Matcher m = QUALIFIED.matcher(comparison);
                while (m.find()) {
                    if (m.group(1).equals(alias)) {
                        (comparison.matches(".*[^<>!]=[^>].*") && !comparison.contains(">=") && !comparison.contains("<=")
                                ? equality : range).add(m.group(2));
                    }
                }
            }
        }
        range.removeAll(equality);
        List<String> columns = new ArrayList<>(equality);
        if (!range.isEmpty()) {
            columns.add(range.iterator().next());
        }
        return columns;
    }

    private static boolean equalityColumn(Hit h, String column) {
        String f = h.loop().property("Join Filter");
        return f != null && f.matches(".*\\." + Pattern.quote(column) + " = .*|.* = [a-z_]+\\." + Pattern.quote(column) + "\\).*");
    }

    /** Column statistics for the scan under the outer side that filters on several columns, or null. */
    private static String statistics(PlanNode outer, SqlSyntax sql) {
        for (PlanNode n = outer; n != null; n = n.children().isEmpty() ? null : n.children().get(0)) {
            String eq = n.property("*Equality Columns");
            if (n.relation() != null && eq != null && eq.contains(",")) {
                String name = DbText.identifier(n.relation() + "_" + eq.replace(", ", "_")) + "_stats";
                String create = sql == SqlSyntax.POSTGRESQL
                        ? "CREATE STATISTICS " + name + " (dependencies) ON " + eq + " FROM " + n.relation() + ";"
                        : sql.columnStatistics(n.relation(), List.of(eq.split(",\\s*")), name);
                return create + "\n" + sql.analyze(n.relation());
            }
        }
        return null;
    }
}
