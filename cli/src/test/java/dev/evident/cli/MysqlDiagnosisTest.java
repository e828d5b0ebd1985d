package dev.evident.cli;

import dev.evident.core.model.Evidence;
import dev.evident.core.model.Finding;
import dev.evident.core.report.Report;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database findings on MySQL-family evidence: MariaDB 10.11's real slow logs and ANALYZE output
 * (samples/mariadb-dashboard, same schema and workload as the PostgreSQL samples), and the hand-made
 * MySQL 8 files (samples/mysql8-handmade).
 */
class MysqlDiagnosisTest {
    private static final String ITEMS = "select oi.product_id, oi.quantity, oi.unit_price, p.name from order_items oi join products p "
            + "on p.id = oi.product_id where oi.order_id = ?";

    private static Finding by(Report report, String detector, String titlePart) {
        return report.findings().stream().filter(f -> f.detector().contains(detector) && f.title().contains(titlePart))
                .findFirst().orElseThrow(() -> new AssertionError("no " + detector + " finding with '" + titlePart + "' in "
                        + report.findings().stream().map(Finding::title).toList()));
    }

    @Test
    void mariadbPlansGiveTheMissingIndexesInMariadbSyntax() {
        Report report = Diagnose.report(Samples.of("mariadb-dashboard"));
        Finding orders = by(report, "seq-scan-index", "index orders (user_id, created_at)");
        assertThat(orders.title()).startsWith("Sequential scan of orders reads 1,000,000 rows to keep 2");
        assertThat(orders.example()).contains("CREATE INDEX idx_orders_user_id_created_at ON orders (user_id, created_at) "
                + "ALGORITHM=INPLACE LOCK=NONE;").contains("ANALYZE TABLE orders;").doesNotContain("CONCURRENTLY");
        assertThat(orders.explanation()).contains("lets MariaDB read only the matching rows")
                // the monthly count (user_id =, created_at >=) and the recent orders (user_id =, ORDER BY created_at) share it
                .contains("select count(*) as orders, coalesce(sum(total), ?) as revenue from orders where user_id = ? and created_at >= ?")
                .contains("select id, status, created_at, total from orders where user_id = ? order by created_at desc limit ?");
        assertThat(orders.fix()).contains("Then run ANALYZE FORMAT=JSON on the same query");
        assertThat(orders.evidence()).anySatisfy(e -> assertThat(e.statement()).startsWith("Table scan on orders: filter ")
                .contains("removes 999,998 of 1,000,000 rows").contains("columns compared: user_id, created_at"));
        Finding items = by(report, "seq-scan-index", "index order_items (order_id)");
        assertThat(items.example()).contains("CREATE INDEX idx_order_items_order_id ON order_items (order_id) ALGORITHM=INPLACE LOCK=NONE;");
        assertThat(items.title()).contains("reads 2,000,000 rows to keep 2");
    }

    @Test
    void mariadbSlowLogShowsTheNPlusOneWithItsCountTotalAndAnInListBatch() {
        Report report = Diagnose.report(Samples.of("mariadb-dashboard/mariadb-slow.log"));
        Finding n1 = by(report, "n-plus-one", "N+1 queries");
        Evidence e = n1.evidence().get(0);
        // 25 dashboard requests, each a transaction (the driver runs with autocommit=0): 8 item queries after the 8 recent orders
        assertThat(e.statement()).startsWith("\"" + ITEMS + "\" ran 8.0 times per transaction in a row (up to 8) after "
                + "\"select id, status, created_at, total from orders where user_id = ? order by created_at ...\"")
                .contains("in 25 transactions: 200 statements, 101.98 s in total");
        assertThat(n1.title()).isEqualTo("N+1 queries: \"" + ITEMS.substring(0, 87) + "...\" runs 8.0 times per transaction (101.98 s in total)");
        assertThat(n1.example()).contains("where oi.order_id in (?)").contains("Collections.nCopies(keys.size(), \"?\")")
                .contains("JOIN FETCH").doesNotContain("any(?)");
        // the statement totals merge into the N+1 rather than standing alone
        assertThat(n1.detector()).isEqualTo("n-plus-one, slow-statement");
        assertThat(n1.evidence()).anySatisfy(s -> assertThat(s.statement()).startsWith("\"" + ITEMS + "\": 200 executions, 101.98 s in total"));
    }

    @Test
    void theSameFeaturedProductsOnEveryRequestIsACacheCandidate() {
        Report report = Diagnose.report(Samples.of("mariadb-dashboard/mariadb-slow.log"));
        Finding cache = by(report, "cache-candidate", "select id, name, price from products");
        assertThat(cache.title()).endsWith("repeats the same parameters (25 runs, every 2.00 s)");
        // statements with different literals are not "the same parameters": one user's lookup is not another's
        assertThat(report.findings()).noneMatch(f -> f.detector().equals("cache-candidate")
                && f.title().contains("from users where id = ?"));
    }

    @Test
    void afterTheIndexesNoScanQualifies() {
        Report report = Diagnose.report(Samples.of("mariadb-dashboard-indexed"));
        assertThat(report.findings()).extracting(Finding::detector).noneMatch(d -> d.contains("seq-scan-index"));
    }

    @Test
    void mysql8FilesGiveMysqlSyntax() {
        Report report = Diagnose.report(Samples.of("mysql8-handmade"));
        Finding orders = by(report, "seq-scan-index", "index orders (user_id, created_at)");
        assertThat(orders.explanation()).contains("lets MySQL read only the matching rows");
        assertThat(orders.fix()).contains("Then run EXPLAIN ANALYZE on the same query");
        Finding estimate = by(report, "row-estimate", "Row estimate on orders is over-estimated 16623×");
        assertThat(estimate.example()).contains("ANALYZE TABLE orders;")
                .contains("ANALYZE TABLE orders UPDATE HISTOGRAM ON user_id, created_at WITH 100 BUCKETS;");
        Finding n1 = by(report, "n-plus-one", "runs 6.0 times per transaction (74.2 ms in total)");
        assertThat(n1.evidence().get(0).location()).isEqualTo("first at line 20 (transaction 31|31#1)"); // connection 31, its first transaction
    }

    @Test
    void mysqlReportsAreDeterministic() throws Exception {
        for (String s : List.of("mariadb-dashboard", "mysql8-handmade")) {
            assertThat(Diagnose.json(Diagnose.report(Samples.of(s)))).isEqualTo(Diagnose.json(Diagnose.report(Samples.of(s))));
        }
    }
}
