package dev.evident.ingest.sql;

import dev.evident.core.detect.db.PlanMetrics;
import dev.evident.core.model.PlanNode;
import dev.evident.core.model.QueryPlan;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.Samples;
import dev.evident.ingest.TestSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EXPLAIN output of PostgreSQL 15 (samples/postgres-dashboard), TEXT and JSON. */
class PgExplainReaderTest {

    static List<QueryPlan> read(Path file, TestSink sink) throws ArtifactException, java.io.IOException {
        new PgExplainReader().read(ArtifactInput.of(file), sink);
        return sink.plans;
    }

    static QueryPlan one(String sample) throws Exception {
        List<QueryPlan> plans = read(Samples.of(sample), new TestSink());
        assertThat(plans).hasSize(1);
        return plans.get(0);
    }

    /**
     * Acceptance: the same plan in TEXT and JSON gives the same nodes and metrics. The pairs were taken
     * with TIMING OFF from a warm cache (see record-postgres-samples.sh), so every figure is the
     * same in both executions except I/O timings, which no two executions share.
     */
    @ParameterizedTest
    @ValueSource(strings = {"pair-orders-export", "pair-order-items", "pair-orders-month"})
    void textAndJsonFormsOfTheSamePlanGiveTheSameNodesAndMetrics(String name) throws Exception {
        QueryPlan text = one("postgres-dashboard/" + name + ".txt");
        QueryPlan json = one("postgres-dashboard/" + name + ".json");
        assertThat(flatten(text)).isEqualTo(flatten(json));
        assertThat(text.properties()).isEqualTo(json.properties());
        PlanMetrics mt = PlanMetrics.of(text);
        PlanMetrics mj = PlanMetrics.of(json);
        for (int i = 0; i < mt.nodes().size(); i++) {
            PlanNode a = mt.nodes().get(i);
            PlanNode b = mj.nodes().get(i);
            assertThat(PlanMetrics.rows(a)).isEqualTo(PlanMetrics.rows(b));
            assertThat(PlanMetrics.removedRows(a)).isEqualTo(PlanMetrics.removedRows(b));
            assertThat(PlanMetrics.estimateFactor(a)).isEqualTo(PlanMetrics.estimateFactor(b));
            assertThat(mt.workers(a)).isEqualTo(mj.workers(b));
        }
    }

    /** Timed plans of two executions: the same tree and counts; times present in both. */
    @ParameterizedTest
    @ValueSource(strings = {"explain-orders-month", "explain-order-items", "explain-orders-export", "explain-recent-orders"})
    void timedTextAndJsonAgreeOnEverythingButTheMeasuredTimes(String name) throws Exception {
        QueryPlan text = one("postgres-dashboard/" + name + ".txt");
        QueryPlan json = one("postgres-dashboard/" + name + ".json");
        List<String> a = flatten(text).stream().map(PgExplainReaderTest::withoutMeasurements).toList();
        List<String> b = flatten(json).stream().map(PgExplainReaderTest::withoutMeasurements).toList();
        assertThat(a).isEqualTo(b);
        assertThat(text.executionMs()).isPositive();
        assertThat(json.executionMs()).isPositive();
        assertThat(PlanMetrics.of(text).exclusiveMs(text.root())).isGreaterThanOrEqualTo(0);
    }

    @Test
    void parallelSeqScanFiguresAndExclusiveTime() throws Exception {
        QueryPlan plan = one("postgres-dashboard/explain-orders-month.txt");
        PlanMetrics m = PlanMetrics.of(plan);
        PlanNode scan = plan.nodes().stream().filter(n -> n.nodeType().equals("Seq Scan")).findFirst().orElseThrow();
        assertThat(scan.relation()).isEqualTo("orders");
        assertThat(scan.property("Parallel Aware")).isEqualTo("true");
        assertThat(scan.loops()).isEqualTo(3);
        assertThat(m.workers(scan)).isEqualTo(2);
        // per-loop time × 3 loops ÷ (2 workers + leader)
        assertThat(m.inclusiveMs(scan)).isEqualTo(scan.actualTotalMs());
        assertThat(scan.property("*Equality Columns")).isEqualTo("user_id");
        assertThat(scan.property("*Range Columns")).isEqualTo("created_at");
        assertThat(PlanMetrics.removedRows(scan)).isGreaterThan(990_000);
        double sum = m.nodes().stream().mapToDouble(m::exclusiveMs).sum();
        assertThat(sum).isCloseTo(m.inclusiveMs(plan.root()), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void psqlBordersVerboseSettingsAndJit() throws Exception {
        QueryPlan border = one("postgres-dashboard/explain-orders-month-border2.txt");
        assertThat(border.root().nodeType()).isEqualTo("Aggregate");
        assertThat(border.root().property("Partial Mode")).isEqualTo("Finalize");
        QueryPlan verbose = one("postgres-dashboard/explain-orders-month-verbose.txt");
        assertThat(verbose.settings()).containsEntry("random_page_cost", "1.1");
        assertThat(verbose.property("Query Identifier")).isEqualTo("2515022729330869566");
        PlanNode scan = verbose.nodes().get(3);
        assertThat(scan.property("Schema")).isEqualTo("public");
        assertThat(scan.property("Worker 0 Actual Loops")).isEqualTo("1");
        QueryPlan jit = one("postgres-dashboard/explain-orders-export-jit.txt");
        assertThat(jit.property("JIT Functions")).isEqualTo("4");
        assertThat(Double.parseDouble(jit.property("JIT Total Time"))).isPositive();
        assertThat(jit.root().property("Sort Space Type")).isEqualTo("Disk");
        assertThat(jit.root().property("Sort Space Used")).isEqualTo("26248");
    }

    @Test
    void planCutInTheMiddleKeepsWhatWasReadAndSaysSo(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Samples.of("postgres-dashboard/explain-order-items.txt"));
        Path cut = Files.write(dir.resolve("cut.txt"), lines.subList(0, 10));
        TestSink sink = new TestSink();
        List<QueryPlan> plans = read(cut, sink);
        assertThat(plans).singleElement().satisfies(p -> assertThat(p.nodes()).extracting(PlanNode::nodeType)
                .containsExactly("Gather", "Nested Loop", "Seq Scan"));
        assertThat(sink.warnings).anySatisfy(w -> assertThat(w).contains("no 'Execution Time' line").contains("cut short"));

        String json = Files.readString(Samples.of("postgres-dashboard/explain-order-items.json"));
        Path cutJson = Files.writeString(dir.resolve("cut.json"), json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> read(cutJson, new TestSink())).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("line ").hasMessageContaining("not valid JSON").hasMessageContaining("cut short");
    }

    @Test
    void mixedFormatsInOneBlockAreRejectedWithTheLine(@TempDir Path dir) throws Exception {
        List<String> text = Files.readAllLines(Samples.of("postgres-dashboard/pair-order-items.txt"));
        List<String> mixed = new ArrayList<>(text.subList(2, 8)); // TEXT plan lines without psql's header
        mixed.add("[");
        mixed.add("  {\"Plan\": {\"Node Type\": \"Result\"}}");
        mixed.add("]");
        Path file = Files.write(dir.resolve("mixed.txt"), mixed);
        assertThatThrownBy(() -> read(file, new TestSink())).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("line 7").hasMessageContaining("JSON found inside a TEXT plan");
        // two psql results, one per format, are two plans
        List<String> both = new ArrayList<>(text);
        both.addAll(Files.readAllLines(Samples.of("postgres-dashboard/pair-order-items.json")));
        Path two = Files.write(dir.resolve("both.txt"), both);
        assertThat(read(two, new TestSink())).hasSize(2);
    }

    /**
     * Hand-made (PostgreSQL here cannot be made to emit it in reasonable time): an Append over 10,000
     * partitions, the shape of a query on a table with 10,000 partitions.
     */
    @Test
    void tenThousandNodePlanIsRead(@TempDir Path dir) throws Exception {
        StringBuilder s = new StringBuilder("Append  (cost=0.00..100.00 rows=10000 width=4) (actual time=0.010..50.000 rows=10000 loops=1)\n");
        for (int i = 0; i < 10_000; i++) {
            s.append("  ->  Seq Scan on part_").append(i).append("  (cost=0.00..0.01 rows=1 width=4) (actual time=0.001..0.004 rows=1 loops=1)\n");
            s.append("        Filter: (id = ").append(i).append(")\n");
        }
        s.append("Planning Time: 12.000 ms\nExecution Time: 51.000 ms\n");
        Path file = Files.writeString(dir.resolve("wide.txt"), s);
        QueryPlan plan = read(file, new TestSink()).get(0);
        assertThat(plan.nodes()).hasSize(10_001);
        assertThat(plan.nodes().get(10_000).relation()).isEqualTo("part_9999");
        assertThat(PlanMetrics.of(plan).exclusiveMs(plan.root())).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void nonUtf8BytesAreReplacedWithAWarningNamingThePlace(@TempDir Path dir) throws Exception {
        byte[] text = Files.readAllBytes(Samples.of("postgres-dashboard/explain-order-items.txt"));
        String s = new String(text, StandardCharsets.UTF_8).replace("Filter: (order_id = 500000)", "Filter: (name = 'Caf\u00e9')");
        byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.txt"), latin1);
        TestSink sink = new TestSink();
        List<QueryPlan> plans = read(file, sink);
        assertThat(plans).hasSize(1);
        assertThat(sink.warnings).anySatisfy(w -> assertThat(w).contains("not UTF-8").contains("line 10").contains("0xe9"));
        assertThat(plans.get(0).nodes().get(2).property("Filter")).contains("Caf\uFFFD");
    }

    @Test
    void textThatIsNoPlanIsRejected(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.txt"), "QUERY PLAN\n----\nhello: world\n(1 row)\n");
        assertThatThrownBy(() -> read(file, new TestSink())).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("line 3").hasMessageContaining("expected a plan node");
    }

    static List<String> flatten(QueryPlan plan) {
        List<String> out = new ArrayList<>();
        for (PlanNode n : plan.nodes()) {
            Map<String, String> props = new TreeMap<>(n.properties());
            props.keySet().removeIf(k -> k.contains("I/O") && k.endsWith("Time"));
            out.add(n.nodeType() + "|" + n.relation() + "|" + n.index() + "|" + n.estimatedRows() + "|" + n.actualRows() + "|"
                    + n.loops() + "|" + n.actualTotalMs() + "|" + n.children().size() + "|" + props);
        }
        return out;
    }

    /** Drops what differs between two executions: times, buffers, per-worker splits, and sort methods (a parallel top-N sort picks quicksort or heapsort by its share of rows). */
    private static String withoutMeasurements(String flat) {
        String[] parts = flat.split("\\|", 9);
        String props = parts[8].replaceAll("(Sort Method|Sort Space Used|Sort Space Type|Actual [A-Za-z ]*Time|[A-Za-z/ ]*Blocks|[A-Za-z/ ]*Time|Worker \\d [^=]*)=[^,}]*(, )?", "");
        return parts[0] + "|" + parts[1] + "|" + parts[2] + "|" + parts[3] + "|" + parts[5] + "|" + parts[7] + "|" + props;
    }
}
