package dev.evident.cli;

import dev.evident.core.model.Evidence;
import dev.evident.core.model.Finding;
import dev.evident.core.report.Report;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 4's acceptance checks on the real PostgreSQL 15 samples. */
class DatabaseDiagnosisTest {

    private static Finding by(Report report, String detector, String titlePart) {
        return report.findings().stream().filter(f -> f.detector().contains(detector) && f.title().contains(titlePart))
                .findFirst().orElseThrow(() -> new AssertionError("no " + detector + " finding with '" + titlePart + "' in "
                        + report.findings().stream().map(Finding::title).toList()));
    }

    @Test
    void missingIndexFindingsNameTheTablesAndColumnsInIndexOrder() {
        Report report = Diagnose.report(Samples.of("postgres-dashboard"));
        Finding orders = by(report, "seq-scan-index", "index orders (user_id, created_at)");
        assertThat(orders.example()).contains("CREATE INDEX CONCURRENTLY idx_orders_user_id_created_at ON orders (user_id, created_at);");
        assertThat(orders.score()).isGreaterThanOrEqualTo(75);
        assertThat(orders.evidence()).anySatisfy(e -> assertThat(e.statement()).contains("Seq Scan on orders: filter ")
                .contains(" removes ").contains("columns compared: user_id, created_at"));
        Finding items = by(report, "seq-scan-index", "index order_items (order_id)");
        assertThat(items.example()).contains("ON order_items (order_id);");
    }

    @Test
    void aRepeatedStatementShippingThousandsOfRowsIsReportedAndAOneOffExportIsNot() {
        Finding large = by(Diagnose.report(Samples.of("dashboard-incident")), "large-result", "returns 3,162 rows per execution");
        assertThat(large.title()).contains("(180 executions)");
        assertThat(large.remedy()).isEqualTo("push-aggregation-to-database");
        assertThat(large.example()).contains("GROUP BY product_id");
        // the export returns 504,276 rows but ran 5 times (pg_stat_statements, exported twice as CSV and as a
        // psql table: the same 5 calls, not 10): a one-off, under large-result.calls
        Report dashboard = Diagnose.report(Samples.of("postgres-dashboard"));
        assertThat(dashboard.findings()).noneMatch(f -> f.detector().contains("large-result"));
    }

    @Test
    void nPlusOneNamesTheFingerprintTheCountPerTransactionTheTotalAndABatchedQuery() {
        Report report = Diagnose.report(Samples.of("postgres-dashboard/postgresql.log"));
        Finding n1 = by(report, "n-plus-one", "N+1 queries");
        String fingerprint = "select oi.product_id, oi.quantity, oi.unit_price, p.name from order_items oi join products p "
                + "on p.id = oi.product_id where oi.order_id = ?";
        Evidence e = n1.evidence().get(0);
        // the workload loads the 8 latest orders, then their items one query per order, in 25 dashboard requests
        assertThat(e.statement()).startsWith("\"" + fingerprint + "\" ran 8.0 times per transaction in a row (up to 8)")
                .contains("in 25 transactions: 200 statements");
        assertThat(e.values()).anySatisfy(q -> assertThat(q.name()).isEqualTo("total time"));
        assertThat(n1.title()).contains("runs 8.0 times per transaction").contains(" s in total)");
        assertThat(n1.example()).contains("where oi.order_id = any(?)").contains("JOIN FETCH");
        assertThat(n1.confidence().reason()).contains("Sentry");
    }

    @Test
    void afterTheIndexesNeitherTheScanNorTheNPlusOneQualifies() {
        Report report = Diagnose.report(Samples.of("postgres-dashboard-indexed"));
        List<String> detectors = report.findings().stream().map(Finding::detector).toList();
        assertThat(detectors).noneMatch(d -> d.contains("seq-scan-index") || d.contains("n-plus-one"));
        // the export still sorts half of orders on disk: the index did not change that
        assertThat(detectors).anyMatch(d -> d.contains("sort-spill"));
    }

    @Test
    void spillingSortGetsAWorkMemSizedFromThePlan() {
        Finding spill = by(Diagnose.report(Samples.of("postgres-dashboard/explain-orders-export.txt")), "sort-spill", "26,248 kB");
        assertThat(spill.title()).contains("work_mem to 64MB");
        assertThat(spill.example()).contains("SET LOCAL work_mem = '64MB';").contains("ON orders (total DESC)");
    }

    @Test
    void everyNumberInADatabaseFindingTitleAppearsInItsEvidence() {
        Report report = Diagnose.report(Samples.of("postgres-dashboard"));
        for (Finding f : report.findings()) {
            String cited = String.join(" ", f.evidence().stream().map(Evidence::statement).toList());
            for (String number : f.title().replaceAll("\"[^\"]*\"", "").split("[^0-9.,]+")) {
                String n = number.replaceAll("^[.,]+|[.,]+$", "");
                if (!n.isEmpty()) {
                    assertThat(cited).as(f.title()).contains(n);
                }
            }
        }
    }

    /**
     * The statements' totals merge into the finding that names their cause, so the time of one scan is not
     * reported three times; the top findings are the N+1, the missing indexes and the spill, each with an
     * impact computed from the data.
     */
    @Test
    void topFindingsAreTheNPlusOneTheMissingIndexesAndTheSpillWithTheirImpact() {
        Report report = Diagnose.report(Samples.of("postgres-dashboard"));
        List<Finding> top = report.findings().subList(0, 4);
        assertThat(top).extracting(Finding::detector).containsExactly("n-plus-one, slow-statement",
                "seq-scan-index, slow-statement", "seq-scan-index", "slow-statement, sort-spill");
        assertThat(report.findings()).noneMatch(f -> f.detector().equals("slow-statement"));
        Finding n1 = top.get(0);
        assertThat(n1.evidence()).anySatisfy(e -> assertThat(e.kind()).isEqualTo("statement-stats"));
        assertThat(n1.explanation()).contains("saves about (n − 1) × the per-query time, 74.81 s over this log");
        // the N+1's repeated query and the order_items index finding cite the same scan evidence
        Finding items = top.get(2);
        assertThat(items.title()).contains("index order_items (order_id)");
        assertThat(n1.evidenceIds()).contains(items.evidenceIds().get(0));
        assertThat(n1.explanation()).contains("an index on order_items(order_id) would avoid");
        assertThat(top.get(1).explanation()).contains("(saving 7.81 s)");
        assertThat(top.get(3).explanation()).contains("at least the 777.8 ms of temporary-file I/O")
                .contains("removes the sort itself, up to 7.89 s over 11 plans");
        for (Finding f : top) {
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.values()).anySatisfy(q -> assertThat(q.name())
                    .isIn("estimated saving", "temp file I/O time, all plans")));
        }
    }

    @Test
    void databaseReportIsDeterministic() throws Exception {
        String a = Diagnose.json(Diagnose.report(Samples.of("postgres-dashboard")));
        String b = Diagnose.json(Diagnose.report(Samples.of("postgres-dashboard")));
        assertThat(a).isEqualTo(b);
    }
}
