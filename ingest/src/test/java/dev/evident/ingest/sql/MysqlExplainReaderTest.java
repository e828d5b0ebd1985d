package dev.evident.ingest.sql;

import dev.evident.core.detect.db.PlanMetrics;
import dev.evident.core.model.Artifact;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.PlanNode;
import dev.evident.core.model.QueryPlan;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.Ingest;
import dev.evident.ingest.Samples;
import dev.evident.ingest.TestSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/**
 * MariaDB 10.11's ANALYZE/EXPLAIN FORMAT=JSON as its client printed them (samples/mariadb-dashboard), and
 * hand-made MySQL 8 plans in the layouts MySQL prints (samples/mysql8-handmade; no MySQL 8 server can be
 * installed here).
 */
class MysqlExplainReaderTest {

    static TestSink read(Path file) throws Exception {
        TestSink sink = new TestSink();
        new MysqlExplainReader().read(ArtifactInput.of(file), sink);
        return sink;
    }

    static QueryPlan only(Path file) throws Exception {
        TestSink sink = read(file);
        assertThat(sink.plans).hasSize(1);
        assertThat(sink.warnings).isEmpty();
        return sink.plans.get(0);
    }

    static PlanNode find(QueryPlan plan, String nodeType) {
        return plan.nodes().stream().filter(n -> n.nodeType().equals(nodeType)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + nodeType + " in " + plan.nodes().stream().map(PlanNode::nodeType).toList()));
    }

    @Test
    void mariadbAnalyzeJoinBecomesANestedLoopWithPerLoopFigures() throws Exception {
        QueryPlan plan = only(Samples.of("mariadb-dashboard/analyze-order-items.txt"));
        assertThat(plan.engine()).isEqualTo("MariaDB");
        assertThat(plan.query()).isEqualTo("SELECT oi.product_id, oi.quantity, oi.unit_price, p.name FROM order_items oi "
                + "JOIN products p ON p.id = oi.product_id WHERE oi.order_id = 500000");
        assertThat(plan.fingerprint()).isEqualTo(MysqlSlowLogReaderTest.ITEMS);
        assertThat(plan.planningMs()).isCloseTo(0.124642458, offset(1e-12));
        assertThat(plan.executionMs()).isCloseTo(229.1223544, offset(1e-9));
        assertThat(plan.root().nodeType()).isEqualTo("Query Block");
        PlanNode loop = plan.root().children().get(0);
        assertThat(loop.nodeType()).isEqualTo("Nested loop join");
        PlanNode scan = loop.children().get(0);
        assertThat(scan.nodeType()).isEqualTo("Table scan");
        assertThat(scan.relation()).isEqualTo("order_items"); // "oi" in the plan, resolved through the echoed query
        assertThat(scan.property("Alias")).isEqualTo("oi");
        assertThat(scan.loops()).isEqualTo(1);
        assertThat(scan.actualRows()).isCloseTo(2.0, offset(1e-9)); // r_rows 2,000,000 × r_filtered 0.0001 %
        assertThat(scan.property("Rows Removed by Filter")).isEqualTo("1999998");
        assertThat(scan.actualTotalMs()).isCloseTo(196.5800176 + 32.50827864, offset(1e-9)); // table + other time
        assertThat(scan.property("Filter")).isEqualTo("oi.order_id = 500000");
        assertThat(scan.property("*Equality Columns")).isEqualTo("order_id");
        PlanNode lookup = loop.children().get(1);
        assertThat(lookup.nodeType()).isEqualTo("Single-row index lookup");
        assertThat(lookup.relation()).isEqualTo("products");
        assertThat(lookup.index()).isEqualTo("PRIMARY");
        assertThat(lookup.loops()).isEqualTo(2);
        assertThat(lookup.actualTotalMs()).isCloseTo((0.017405028 + 0.006907871) / 2, offset(1e-12));
        PlanMetrics m = PlanMetrics.of(plan);
        assertThat(m.exclusiveMs(scan)).isCloseTo(229.08829624, offset(1e-6));
        assertThat(m.exclusiveMs(loop)).isCloseTo(0, offset(1e-9));
        assertThat(m.exclusiveMs(plan.root())).isCloseTo(229.1223544 - 229.08829624 - 0.024312899, offset(1e-6));
    }

    @Test
    void theClientsTableVerticalAndBatchFormsGiveTheSamePlan() throws Exception {
        QueryPlan table = only(Samples.of("mariadb-dashboard/analyze-orders-month.txt"));
        for (String form : List.of("mariadb-dashboard/analyze-orders-month-vertical.txt", "mariadb-dashboard/analyze-orders-month-batch.txt")) {
            QueryPlan other = only(Samples.of(form));
            assertThat(other.nodes()).extracting(PlanNode::nodeType, PlanNode::relation, PlanNode::loops, PlanNode::actualRows,
                            n -> n.property("Rows Removed by Filter"), n -> n.property("*Range Columns"))
                    .as(form).isEqualTo(table.nodes().stream().map(n -> org.assertj.core.groups.Tuple.tuple(n.nodeType(), n.relation(),
                            n.loops(), n.actualRows(), n.property("Rows Removed by Filter"), n.property("*Range Columns"))).toList());
            assertThat(other.query()).isNull(); // these forms were saved without the statement's echo
        }
        PlanNode scan = find(table, "Table scan");
        assertThat(scan.property("*Equality Columns")).isEqualTo("user_id");
        assertThat(scan.property("*Range Columns")).isEqualTo("created_at");
    }

    @Test
    void mariadbFilesortKeepsItsKeyAndRowsAboveTheScan() throws Exception {
        QueryPlan plan = only(Samples.of("mariadb-dashboard/analyze-recent-orders.txt"));
        PlanNode sort = find(plan, "Sort");
        assertThat(sort.property("Sort Key")).isEqualTo("orders.created_at desc");
        assertThat(sort.actualRows()).isEqualTo(8.0); // read_sorted_file r_rows
        assertThat(sort.actualTotalMs()).isCloseTo(243.9237766, offset(1e-9));
        PlanNode scan = sort.children().get(0);
        assertThat(scan.actualRows()).isCloseTo(57.0, offset(1e-6)); // 1,000,000 × 0.0057 %
        assertThat(scan.property("Rows Removed by Filter")).isEqualTo("999943");
    }

    @Test
    void mariadbExplainWithoutAnalyzeHasEstimatesOnly() throws Exception {
        QueryPlan plan = only(Samples.of("mariadb-dashboard/explain-orders-month.txt"));
        assertThat(plan.engine()).isEqualTo("MariaDB");
        assertThat(plan.executionMs()).isNull();
        PlanNode scan = find(plan, "Table scan");
        assertThat(scan.estimatedRows()).isEqualTo(997480.0);
        assertThat(scan.actualRows()).isNull();
        assertThat(scan.actualTotalMs()).isNull();
        assertThat(scan.loops()).isZero();
    }

    /** Hand-made: mysql -t -vvv output of EXPLAIN ANALYZE, MySQL 8.0/8.4 tree with three-digit numbers. */
    @Test
    void mysqlTreeFoldsTheFilterIntoTheScanItFilters() throws Exception {
        QueryPlan plan = only(Samples.of("mysql8-handmade/explain-analyze-orders-month.txt"));
        assertThat(plan.engine()).isEqualTo("MySQL");
        assertThat(plan.location()).isEqualTo("line 8");
        assertThat(plan.fingerprint()).isEqualTo("select count(*) as orders, coalesce(sum(total), ?) as revenue from orders "
                + "where user_id = ? and created_at >= ?");
        assertThat(plan.root().nodeType()).isEqualTo("Aggregate");
        assertThat(plan.root().children()).hasSize(1);
        PlanNode scan = plan.root().children().get(0);
        assertThat(scan.nodeType()).isEqualTo("Table scan");
        assertThat(scan.relation()).isEqualTo("orders");
        assertThat(scan.property("Filter")).isEqualTo("((orders.user_id = 4242) and (orders.created_at >= TIMESTAMP'2025-12-01 00:00:00'))");
        // the filter's figures (rows kept, time including the scan, post-filter estimate), the scan's rows as removed
        assertThat(scan.estimatedRows()).isEqualTo(33246.0);
        assertThat(scan.property("*Estimated Rows Read")).isEqualTo("997480");
        assertThat(scan.actualRows()).isEqualTo(2.0);
        assertThat(scan.property("Rows Removed by Filter")).isEqualTo("999998"); // 1e+6 read
        assertThat(scan.actualTotalMs()).isEqualTo(421.0);
        assertThat(scan.property("Actual Startup Time")).isEqualTo("97.2");
        assertThat(scan.property("*Equality Columns")).isEqualTo("user_id");
        assertThat(scan.property("*Range Columns")).isEqualTo("created_at");
        assertThat(PlanMetrics.of(plan).exclusiveMs(scan)).isEqualTo(421.0);
        assertThat(PlanMetrics.of(plan).exclusiveMs(plan.root())).isZero();
    }

    /** Hand-made: an interactive session, the statement over three lines with "->" prompts, the plan in \G form. */
    @Test
    void continuationPromptsAreTheQueryNotPlanLines() throws Exception {
        QueryPlan plan = only(Samples.of("mysql8-handmade/explain-analyze-order-items.txt"));
        assertThat(plan.query()).isEqualTo("SELECT oi.product_id, oi.quantity, oi.unit_price, p.name\nFROM order_items oi JOIN products p "
                + "ON p.id = oi.product_id\nWHERE oi.order_id = 500000");
        assertThat(plan.fingerprint()).isEqualTo(MysqlSlowLogReaderTest.ITEMS);
        assertThat(plan.root().nodeType()).isEqualTo("Nested loop inner join");
        PlanNode scan = plan.root().children().get(0);
        assertThat(scan.relation()).isEqualTo("order_items");
        assertThat(scan.actualRows()).isEqualTo(2.0);
        assertThat(scan.property("Rows Removed by Filter")).isEqualTo("1999998");
        PlanNode lookup = plan.root().children().get(1);
        assertThat(lookup.nodeType()).isEqualTo("Single-row index lookup");
        assertThat(lookup.relation()).isEqualTo("products");
        assertThat(lookup.index()).isEqualTo("PRIMARY");
        assertThat(lookup.property("Index Cond")).isEqualTo("id=oi.product_id");
        assertThat(lookup.loops()).isEqualTo(2);
    }

    /**
     * The tree is MySQL's rendering of the JSON (version 2) with three significant digits: the two forms of
     * the hand-made plan give the same nodes and the same figures to that precision.
     */
    @Test
    void treeAndJsonVersion2FormsGiveTheSameMetrics() throws Exception {
        QueryPlan tree = only(Samples.of("mysql8-handmade/explain-analyze-order-items.txt"));
        QueryPlan json = only(Samples.of("mysql8-handmade/explain-analyze-order-items-v2.json"));
        assertThat(json.engine()).isEqualTo("MySQL");
        List<PlanNode> a = tree.nodes();
        List<PlanNode> b = json.nodes();
        assertThat(b).hasSameSizeAs(a);
        PlanMetrics ma = PlanMetrics.of(tree);
        PlanMetrics mb = PlanMetrics.of(json);
        for (int i = 0; i < a.size(); i++) {
            PlanNode x = a.get(i);
            PlanNode y = b.get(i);
            assertThat(y.nodeType()).isEqualTo(x.nodeType());
            assertThat(y.relation()).isEqualTo(x.relation());
            assertThat(y.index()).isEqualTo(x.index());
            assertThat(y.loops()).isEqualTo(x.loops());
            assertThat(y.actualRows()).isCloseTo(x.actualRows(), offset(x.actualRows() * 0.005));
            assertThat(y.estimatedRows()).isCloseTo(x.estimatedRows(), offset(x.estimatedRows() * 0.005 + 0.5));
            assertThat(y.actualTotalMs()).isCloseTo(x.actualTotalMs(), offset(x.actualTotalMs() * 0.005));
            assertThat(PlanMetrics.removedRows(y)).isCloseTo(PlanMetrics.removedRows(x), offset(PlanMetrics.removedRows(x) * 0.005));
            assertThat(y.property("Filter")).isEqualTo(x.property("Filter"));
            assertThat(y.property("*Equality Columns")).isEqualTo(x.property("*Equality Columns"));
            assertThat(mb.exclusiveMs(y)).isCloseTo(ma.exclusiveMs(x), offset(2.0)); // differences of rounded times
        }
    }

    /** Hand-made: 8.0.18 to 8.0.2x printed times with %.3f, rows as integers and costs with %.2f; saved raw (mysql -N -r -B). */
    @Test
    void olderNumberFormatAndSortAboveTheScan() throws Exception {
        QueryPlan plan = only(Samples.of("mysql8-handmade/explain-analyze-recent-orders-8.0.2x.txt"));
        assertThat(plan.query()).isNull();
        assertThat(plan.root().nodeType()).isEqualTo("Limit");
        PlanNode sort = find(plan, "Sort");
        assertThat(sort.property("Sort Key")).isEqualTo("orders.created_at DESC");
        assertThat(sort.property("Sort Limit")).isEqualTo("8");
        PlanNode scan = find(plan, "Table scan");
        assertThat(scan.estimatedRows()).isEqualTo(99748.0);
        assertThat(scan.actualRows()).isEqualTo(57.0);
        assertThat(scan.property("Rows Removed by Filter")).isEqualTo("999943");
        assertThat(scan.actualTotalMs()).isEqualTo(389.301);
        assertThat(scan.property("Total Cost")).isEqualTo("100553.25");
    }

    /** Hand-made: MySQL's EXPLAIN FORMAT=JSON (version 1), with schema-qualified, backticked columns in the condition. */
    @Test
    void mysqlJsonVersion1HasEstimatesAndTheFilterColumns() throws Exception {
        QueryPlan plan = only(Samples.of("mysql8-handmade/explain-json-orders-month.txt"));
        assertThat(plan.engine()).isEqualTo("MySQL");
        assertThat(plan.property("Query Cost")).isEqualTo("105785.98");
        PlanNode scan = find(plan, "Table scan");
        assertThat(scan.estimatedRows()).isCloseTo(997480 * 0.0333, offset(1e-6)); // rows_examined_per_scan × filtered
        assertThat(scan.actualRows()).isNull();
        assertThat(scan.property("*Equality Columns")).isEqualTo("user_id");
        assertThat(scan.property("*Range Columns")).isEqualTo("created_at");
    }

    /** Hand-made lines: headings, a hash join, subqueries in the condition and in the select list. */
    @Test
    void headingsGiveSubPlansAndTheHashBuildSide(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("plan.txt");
        Files.writeString(p, String.join("\n",
                "-> Inner hash join (o.user_id = u.id)  (cost=2.2e+6 rows=2e+6) (actual time=12.5..880 rows=1e+6 loops=1)",
                "    -> Table scan on o  (cost=101e+3 rows=997480) (actual time=0.05..300 rows=1e+6 loops=1)",
                "    -> Hash",
                "        -> Filter: (u.id > (select #2))  (cost=2012 rows=6666) (actual time=0.9..10.1 rows=20000 loops=1)",
                "            -> Table scan on u  (cost=2012 rows=20000) (actual time=0.03..4.2 rows=20000 loops=1)",
                "            -> Select #2 (subquery in condition; run only once)",
                "                -> Aggregate: min(users.id)  (cost=0.35 rows=1) (actual time=0.8..0.8 rows=1 loops=1)",
                "                    -> Covering index scan on users using PRIMARY  (cost=2012 rows=20000) (actual time=0.02..0.6 rows=20000 loops=1)",
                "-> Select #3 (subquery in projection; dependent)",
                "    -> Limit: 1 row(s)  (cost=0.35 rows=1) (actual time=0.002..0.002 rows=1 loops=1e+6)",
                "        -> Index lookup on p using PRIMARY (id=o.product_id)  (cost=0.35 rows=1) (actual time=0.0015..0.0015 rows=1 loops=1e+6)",
                ""));
        QueryPlan plan = only(p);
        PlanNode join = plan.root();
        assertThat(join.nodeType()).isEqualTo("Inner hash join");
        assertThat(join.property("Hash Cond")).isEqualTo("(o.user_id = u.id)");
        PlanNode build = join.children().get(1);
        assertThat(build.nodeType()).isEqualTo("Table scan"); // the Filter folded into the scan of u
        assertThat(build.property("*Heading")).isEqualTo("Hash");
        assertThat(build.property("Parent Relationship")).isNull();
        PlanNode sub = build.children().get(0);
        assertThat(sub.nodeType()).isEqualTo("Aggregate");
        assertThat(sub.property("Parent Relationship")).isEqualTo("SubPlan");
        assertThat(sub.property("Subplan Name")).isEqualTo("Select #2 (subquery in condition; run only once)");
        PlanNode projection = join.children().get(2);
        assertThat(projection.nodeType()).isEqualTo("Limit");
        assertThat(projection.property("Parent Relationship")).isEqualTo("InitPlan");
        assertThat(projection.loops()).isEqualTo(1_000_000);
        PlanMetrics m = PlanMetrics.of(plan);
        // the join's own time excludes both inputs, not the select-list subquery
        assertThat(m.exclusiveMs(join)).isCloseTo(880 - 300 - 10.1, offset(1e-9));
        assertThat(m.exclusiveMs(build)).isCloseTo(10.1 - 0.8, offset(1e-9));
    }

    @Test
    void probeTellsMysqlPlansFromPostgresPlansAndLogs() throws Exception {
        Ingest ingest = new Ingest();
        EvidenceSet set = ingest.read(List.of(Samples.of("mysql8-handmade"), Samples.of("mariadb-dashboard"),
                Samples.of("postgres-dashboard/explain-orders-month.txt")));
        assertThat(set.skipped()).isEmpty();
        assertThat(set.artifacts()).filteredOn(a -> a.path().contains("mysql8-handmade/explain") || a.path().contains("mariadb-dashboard/"))
                .filteredOn(a -> !a.path().endsWith(".log")).extracting(Artifact::format).containsOnly("mysql-explain").hasSize(15);
        assertThat(set.artifacts()).filteredOn(a -> a.path().endsWith(".log")).extracting(Artifact::format).containsOnly("mysql-slow-log")
                .hasSize(3);
        assertThat(set.artifacts()).filteredOn(a -> a.path().contains("postgres-dashboard")).extracting(Artifact::format)
                .containsExactly("pg-explain");
    }

    @Test
    void aJsonPlanCutInTheMiddleNamesItsLineAndTheCause(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Samples.of("mariadb-dashboard/analyze-order-items.txt"));
        Path cut = dir.resolve("cut.txt");
        Files.writeString(cut, String.join("\n", lines.subList(0, 30)) + "\n");
        assertThatThrownBy(() -> read(cut)).isInstanceOf(ArtifactException.class)
                .hasMessage("MySQL EXPLAIN: no plan could be read: line 8: the JSON document that starts here ends at line 30 "
                        + "before its last brace closes; is the output cut short?");
        // the cut plan after a good one: the good one is kept, the cut one is a warning
        Path two = dir.resolve("two.txt");
        Files.writeString(two, Files.readString(Samples.of("mariadb-dashboard/analyze-orders-month.txt"))
                + String.join("\n", lines.subList(0, 30)) + "\n");
        TestSink sink = read(two);
        assertThat(sink.plans).hasSize(1);
        assertThat(sink.warnings).containsExactly("plan skipped: line 48: the JSON document that starts here ends at line 70 "
                + "before its last brace closes; is the output cut short?");
    }

    @Test
    void aTreeCutInsideALineIsRejectedWithTheLine(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("cut.txt");
        Files.writeString(p, "-> Filter: (orders.user_id = 4242)  (cost=100553 rows=99748) (actual time=2.61..412 rows=12 loops=1)\n"
                + "    -> Table scan on orders  (cost=100553 rows=997480) (actual time=0.07\n");
        assertThatThrownBy(() -> read(p)).isInstanceOf(ArtifactException.class)
                .hasMessage("MySQL EXPLAIN: no plan could be read: line 2: the figures of \"Table scan on orders  (cost=100553 "
                        + "rows=997480) (actual time=0.07\" are incomplete; is the output cut here?");
    }

    @Test
    void bytesThatAreNotUtf8AreReplacedAndThePlanIsRead(@TempDir Path dir) throws Exception {
        byte[] text = Files.readAllBytes(Samples.of("mysql8-handmade/explain-analyze-recent-orders-8.0.2x.txt"));
        String s = new String(text, StandardCharsets.UTF_8).replace("(orders.user_id = 4242)", "(orders.name = 'Jos\u00e9')");
        byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1);
        Path p = dir.resolve("latin1.txt");
        Files.write(p, latin1);
        TestSink sink = read(p);
        assertThat(sink.plans).hasSize(1);
        assertThat(sink.warnings).singleElement().asString().startsWith("bytes that are not UTF-8 from byte ")
                .contains("(first: 0xe9, line 3)").contains("iconv -f latin1 -t utf-8");
        assertThat(find(sink.plans.get(0), "Table scan").property("*Equality Columns")).isEqualTo("name");
    }

    @Test
    void aFileWithoutPlansSaysWhatWasExpected(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("notes.txt");
        Files.writeString(p, "+----+\n| id |\n+----+\n|  1 |\n+----+\n1 row in set (0.00 sec)\n");
        assertThatThrownBy(() -> read(p)).isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith("MySQL EXPLAIN: no plan found in 7 lines: expected tree lines such as");
    }
}
