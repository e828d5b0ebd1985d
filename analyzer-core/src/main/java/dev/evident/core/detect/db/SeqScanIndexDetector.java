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
import dev.evident.core.model.SqlEvent;
import dev.evident.core.model.StatementShape;
import dev.evident.core.model.StatementShape.ColumnRef;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A sequential scan (PostgreSQL's Seq Scan, MySQL's and MariaDB's Table scan) of a large table whose
 * filter throws most rows away: the table is read in full
 * to find a few rows, which an index finds directly. The suggested index is built from the real
 * names, columns ordered equality first, then one range column, then (with no range column) the
 * ORDER BY columns so the index also returns rows in order ("index for equality first, then for
 * ranges", Use The Index, Luke). The same suggestion from many plans (auto_explain logs one plan
 * per execution) becomes one finding with the summed time.
 */
public final class SeqScanIndexDetector implements Detector {

    @Override
    public String id() {
        return "seq-scan-index";
    }

    /** One scan that qualifies, with its figures. */
    /**
     * @param chainMs inclusive time of the scan together with the nodes above it that only pass its
     *                rows on (each has the scan's branch as its only child: Gather, Aggregate, Sort,
     *                Limit): with the index they handle the few kept rows, so their time goes too.
     *                In a parallel plan the scan's own exclusive time is a per-process average and
     *                misses the Gather's wait, which this includes.
     */
    record Scan(QueryPlan plan, PlanNode node, double exclusiveMs, double executionMs, double rows, double removed,
                double chainMs) {
        double removedShare() {
            return removed / (rows + removed);
        }

        /** With an index only the rows the filter keeps are read: time scales with them. */
        double estimateWithIndexMs() {
            return exclusiveMs * rows / (rows + removed);
        }
    }

    /** The scans one index would serve, with its columns; the key is "table(columns)". */
    record Group(String key, List<String> columns, List<Scan> scans) {
        double savingMs() {
            return scans.stream().filter(s -> !Double.isNaN(s.exclusiveMs()))
                    .mapToDouble(s -> s.exclusiveMs() - s.estimateWithIndexMs()).sum();
        }

        boolean timed() {
            return scans.stream().anyMatch(s -> !Double.isNaN(s.exclusiveMs()));
        }

        /** What findings and other detectors cite about this group: its slowest scan. */
        Scan worst() {
            Scan worst = scans.get(0);
            for (Scan s : scans) {
                if (!Double.isNaN(s.exclusiveMs()) && (Double.isNaN(worst.exclusiveMs()) || s.exclusiveMs() > worst.exclusiveMs())) {
                    worst = s;
                }
            }
            return worst;
        }

        /** A finding is made unless the plans are timed and the index would save too little. */
        boolean reported() {
            return !timed() || savingMs() >= DbThresholds.MIN_SAVING_MS.value();
        }
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Group g : groups(evidence)) {
            if (g.reported()) {
                findings.add(finding(g, evidence));
            }
        }
        return findings;
    }

    /** Every qualifying scan, grouped by the index that would serve it, in key order. */
    static List<Group> groups(EvidenceSet evidence) {
        Map<String, List<Scan>> byIndex = new TreeMap<>();
        Map<String, List<String>> columnsOf = new TreeMap<>();
        for (QueryPlan plan : evidence.plans()) {
            PlanMetrics m = PlanMetrics.of(plan);
            for (PlanNode node : m.nodes()) {
                if (!PlanMetrics.isFullScan(node) || node.relation() == null || node.actualRows() == null) {
                    continue;
                }
                double rows = PlanMetrics.rows(node);
                double removed = PlanMetrics.removedRows(node);
                if (rows + removed < DbThresholds.LARGE_RELATION_ROWS.value()
                        || removed / (rows + removed) < DbThresholds.ROWS_REMOVED_SEVERE.value()) {
                    continue;
                }
                List<String> columns = indexColumns(node, plan.shape(), m);
                if (columns.isEmpty()) {
                    continue;
                }
                String key = node.relation() + "(" + String.join(", ", columns) + ")";
                byIndex.computeIfAbsent(key, k -> new ArrayList<>()).add(new Scan(plan, node, m.exclusiveMs(node),
                        m.executionMs(), rows, removed, chainMs(m, node)));
                columnsOf.put(key, columns);
            }
        }
        List<Group> out = new ArrayList<>();
        byIndex.forEach((key, scans) -> out.add(new Group(key, columnsOf.get(key), scans)));
        return out;
    }

    /**
     * Equality columns (in the query's order when the query is known), then one range column, then
     * the ORDER BY columns of this table when there is no range column.
     */
    static List<String> indexColumns(PlanNode scan, StatementShape shape, PlanMetrics m) {
        String table = scan.relation();
        List<String> filterEq = split(scan.property("*Equality Columns"));
        List<String> filterRange = split(scan.property("*Range Columns"));
        Set<String> equality = new LinkedHashSet<>();
        Set<String> range = new LinkedHashSet<>();
        if (shape != null && shape.parsed()) {
            for (ColumnRef c : shape.equality()) {
                if (belongs(c, table) && filterEq.contains(c.column())) {
                    equality.add(c.column());
                }
            }
            for (ColumnRef c : shape.range()) {
                if (belongs(c, table) && filterRange.contains(c.column())) {
                    range.add(c.column());
                }
            }
        }
        equality.addAll(filterEq);
        range.addAll(filterRange);
        range.removeAll(equality);
        List<String> columns = new ArrayList<>(equality);
        if (!range.isEmpty()) {
            columns.add(range.iterator().next());
        } else if (!columns.isEmpty()) {
            for (String c : orderBy(scan, shape, m)) {
                if (!columns.contains(c)) {
                    columns.add(c);
                }
            }
        }
        return columns;
    }

    /** ORDER BY columns of the scanned table, from the query or from the Sort node above the scan. */
    private static List<String> orderBy(PlanNode scan, StatementShape shape, PlanMetrics m) {
        List<String> out = new ArrayList<>();
        if (shape != null && shape.parsed() && !shape.orderBy().isEmpty()) {
            for (ColumnRef c : shape.orderBy()) {
                if (!belongs(c, scan.relation())) {
                    return List.of(); // sorted by another table's column: the index cannot deliver the order
                }
                out.add(c.column());
            }
            return out;
        }
        for (PlanNode p = m.parent(scan); p != null; p = m.parent(p)) {
            if (p.nodeType().equals("Sort") || p.nodeType().equals("Incremental Sort")) {
                for (String key : split(p.property("Sort Key"))) {
                    String col = key.replaceAll("(?i)\\s+(DESC|ASC)(\\s+NULLS (FIRST|LAST))?$", "");
                    int dot = col.lastIndexOf('.');
                    col = dot >= 0 ? col.substring(dot + 1) : col;
                    if (!col.matches("[a-z_][a-z0-9_]*")) {
                        return List.of(); // an expression, not a column
                    }
                    out.add(col);
                }
                return out;
            }
            if (!PlanMetrics.isGather(p) && !p.nodeType().equals("Limit")) {
                return List.of();
            }
        }
        return out;
    }

    private static boolean belongs(ColumnRef c, String table) {
        return c.table() == null || c.table().equals(table);
    }

    private static List<String> split(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",\\s*")).map(String::strip).toList();
    }

    private Finding finding(Group g, EvidenceSet evidence) {
        List<Scan> scans = g.scans();
        List<String> columns = g.columns();
        Scan worst = g.worst();
        double totalExclusive = 0;
        double totalEstimate = 0;
        TreeSet<String> queries = new TreeSet<>();
        TreeSet<String> sources = new TreeSet<>();
        for (Scan s : scans) {
            if (!Double.isNaN(s.exclusiveMs())) {
                totalExclusive += s.exclusiveMs();
                totalEstimate += s.estimateWithIndexMs();
            }
            sources.add(s.plan().source());
        }
        String table = worst.node().relation();
        boolean matchedByShape = g.scans().stream().allMatch(s -> s.plan().fingerprint() == null);
        queries.addAll(statements(g, evidence));
        String indexName = "idx_" + DbText.identifier(table) + "_" + DbText.identifier(String.join("_", columns));
        String columnList = String.join(", ", columns);
        SqlSyntax sql = SqlSyntax.of(worst.plan().engine());
        String createIndex = sql.createIndex(indexName, table, columns);
        boolean timed = !Double.isNaN(worst.exclusiveMs());
        double saving = totalExclusive - totalEstimate;
        double share = timed && worst.executionMs() > 0 ? worst.exclusiveMs() / worst.executionMs() : 0;
        // what the index removes: the scan and the nodes that only pass its rows on
        double chainShare = timed && worst.executionMs() > 0 && !Double.isNaN(worst.chainMs())
                ? Math.min(1, Math.max(share, worst.chainMs() / worst.executionMs())) : share;

        Evidence node = nodeEvidence(worst, columns);
        List<Evidence> cited = new ArrayList<>();
        cited.add(node);
        List<Quantity> values = new ArrayList<>();
        values.add(Quantity.of("plans", scans.size(), "plans"));
        values.add(Quantity.of("exclusive time, all plans", totalExclusive, "ms"));
        values.add(Quantity.of("estimated time with the index", totalEstimate, "ms"));
        values.add(Quantity.of("estimated saving", saving, "ms"));
        String group = Fmt.count(scans.size()) + " plan" + (scans.size() == 1 ? "" : "s")
                + (sources.size() > 1 ? " in " + sources.size() + " artifacts" : "") + " scan " + table
                + " sequentially with a filter on " + columnList + (timed ? "; together " + DbText.ms(totalExclusive)
                + " in the scan itself, an estimated " + DbText.ms(totalEstimate) + " reading only the rows kept (saving "
                + DbText.ms(saving) + ")" : "") + (queries.isEmpty() ? "" : (matchedByShape ? "; logged statements that filter " + table + " on the same columns: "
                : "; queries: ") + String.join(" | ", queries));
        cited.add(new Evidence(null, "seq-scan-group|" + table + "(" + columnList + ")", "plan-group", group, values,
                worst.plan().source(), "index " + table + " (" + columnList + "); artifacts: " + String.join(", ", sources)));

        int score = timed ? DbThresholds.SHARE_CURVE.scoreInt(share) : 40;
        long executions = loggedExecutions(evidence, queries);
        Confidence confidence = new Confidence(
                !timed ? Confidence.Level.LOW : scans.size() >= 3 || executions >= 3 ? Confidence.Level.HIGH : Confidence.Level.MEDIUM,
                (timed ? "" : "the plan has no timing (EXPLAIN without ANALYZE or TIMING OFF), so the cost is unknown; ")
                        + Fmt.count(scans.size()) + " plan" + (scans.size() == 1 ? "" : "s") + " with the same scan"
                        + (executions > 0 ? ", whose statement the log shows " + Fmt.count(executions) + " times" : "")
                        + "; the filter discards " + Fmt.percent(worst.removedShare()) + " of "
                        + DbText.rows(worst.rows() + worst.removed()) + " rows");
        String title = "Sequential scan of " + table + " reads " + DbText.rows(worst.rows() + worst.removed())
                + " rows to keep " + DbText.rows(worst.rows()) + (timed ? " (" + Fmt.percent(share) + " of the query's time)" : "")
                + ": index " + table + " (" + columnList + ")";
        String explanation = "In " + DbText.where(worst.plan()) + ", " + DbText.node(worst.node()) + " reads "
                + DbText.rows(worst.rows() + worst.removed()) + " rows and its filter keeps " + DbText.rows(worst.rows())
                + (timed ? "; the scan alone takes " + DbText.ms(worst.exclusiveMs()) + " of the " + DbText.ms(worst.executionMs())
                + " execution (" + Fmt.percent(share) + ")" : "") + ". " + group
                + ". An index on (" + columnList + ") lets " + sql.label() + " read only the matching rows"
                + (timed ? "; the estimate scales the scan's time by the share of rows it keeps, so it ignores the index's own "
                + "lookups and is a lower bound" : "") + ".";
        String fix = "Create the index " + indexName + " on " + table + " (" + columnList + "): equality columns first"
                + (columns.size() > 1 ? ", then the range or ORDER BY column" : "")
                + ". " + sql.onlineIndexNote() + " Then run " + sql.explainAnalyze() + " on the same query "
                + "and check that the plan uses " + indexName + " and the execution time drops.";
        String example = "```sql\n" + createIndex + "\n" + sql.analyze(table) + "\n```";
        Optional<DbImpact> impact = timed ? DbImpact.ofStatementPart(evidence, key(g), queries, chainShare,
                chainShare > share + 0.005 ? "the sequential scan of " + table + " and the plan nodes that only pass its rows on"
                        : "the sequential scan of " + table, worst.plan().source()) : Optional.empty();
        impact.ifPresent(i -> cited.add(i.evidence()));
        return new Finding(null, key(g), id(), Category.DATABASE, title, score,
                confidence, scans.size(), cited, explanation, fix, example, "add-index",
                impact.map(DbImpact::impact).orElse(null), "index " + g.key());
    }

    /** Executions of these statements in the logs (one per entry; a statistics view's calls when no log has them). */
    private static long loggedExecutions(EvidenceSet evidence, Set<String> fingerprints) {
        long single = 0;
        long viewed = 0;
        for (SqlEvent e : evidence.sqlEvents()) {
            if (e.fingerprint() != null && fingerprints.contains(e.fingerprint())) {
                if (e.aggregate() == null) {
                    single++;
                } else {
                    viewed += e.calls();
                }
            }
        }
        return single > 0 ? single : viewed;
    }

    /** Inclusive time of the highest ancestor reached from the scan through single-child nodes. */
    static double chainMs(PlanMetrics m, PlanNode scan) {
        PlanNode top = scan;
        for (PlanNode p = m.parent(top); p != null && p.children().size() == 1; p = m.parent(p)) {
            top = p;
        }
        return m.inclusiveMs(top);
    }

    /**
     * The statements the index serves: the plans' own, or, when no plan carries its statement (TEXT
     * EXPLAIN output does not), the logged statements that filter the table on the same columns.
     */
    static TreeSet<String> statements(Group g, EvidenceSet evidence) {
        TreeSet<String> out = new TreeSet<>();
        for (Scan s : g.scans()) {
            if (s.plan().fingerprint() != null) {
                out.add(s.plan().fingerprint());
            }
        }
        return out.isEmpty() ? statementsFiltering(evidence, g.worst().node().relation(), g.columns()) : out;
    }

    /**
     * Fingerprints of logged statements that read {@code table} and compare every one of
     * {@code columns} to a value (by equality or range).
     */
    static TreeSet<String> statementsFiltering(EvidenceSet evidence, String table, List<String> columns) {
        TreeSet<String> out = new TreeSet<>();
        for (SqlEvent e : evidence.sqlEvents()) {
            StatementShape shape = e.shape();
            if (shape == null || e.fingerprint() == null || !shape.tables().contains(table) || out.contains(e.fingerprint())) {
                continue;
            }
            boolean all = true;
            for (String column : columns) {
                all &= filters(shape.equality(), table, column) || filters(shape.range(), table, column);
            }
            if (all) {
                out.add(e.fingerprint());
            }
        }
        return out;
    }

    private static boolean filters(List<ColumnRef> refs, String table, String column) {
        for (ColumnRef r : refs) {
            if (r.column().equals(column) && (r.table() == null || r.table().equals(table))) {
                return true;
            }
        }
        return false;
    }

    /** The finding's key: the index it proposes. Statement findings about the same queries merge into it. */
    static String key(Group g) {
        return "seq-scan-index|" + g.key();
    }

    static Evidence nodeEvidence(Scan s, List<String> columns) {
        PlanNode n = s.node();
        List<Quantity> values = new ArrayList<>();
        values.add(Quantity.of("rows kept", s.rows(), "rows"));
        values.add(Quantity.of("rows removed by filter", s.removed(), "rows"));
        values.add(Quantity.of("removed share", s.removedShare() * 100, "%"));
        boolean timed = !Double.isNaN(s.exclusiveMs());
        if (timed) {
            values.add(Quantity.of("exclusive time", s.exclusiveMs(), "ms"));
            values.add(Quantity.of("execution time", s.executionMs(), "ms"));
            values.add(Quantity.of("share of execution", s.exclusiveMs() / s.executionMs() * 100, "%"));
        }
        String statement = DbText.node(n) + ": filter " + n.property("Filter") + " removes " + DbText.rows(s.removed())
                + " of " + DbText.rows(s.rows() + s.removed()) + " rows (" + Fmt.percent(s.removedShare()) + ") and keeps "
                + DbText.rows(s.rows())
                + (n.loops() > 1 ? " over " + n.loops() + " loops" : "")
                + (timed ? "; exclusive time " + DbText.ms(s.exclusiveMs()) + " of " + DbText.ms(s.executionMs()) + " ("
                + Fmt.percent(s.exclusiveMs() / s.executionMs()) + ")" : "")
                + "; columns compared: " + String.join(", ", columns);
        return new Evidence(null, "plan-node|" + s.plan().source() + "|" + s.plan().location() + "|" + DbText.node(n),
                "plan-node", statement, values, s.plan().source(), s.plan().location());
    }
}
