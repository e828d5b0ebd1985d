package dev.evident.ingest.sql;

import dev.evident.core.model.SqlEvent;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.Samples;
import dev.evident.ingest.TestSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** pg_stat_statements exports of PostgreSQL 15 (samples/postgres-dashboard), CSV and psql table. */
class PgStatStatementsReaderTest {
    static final String ITEMS = "select oi.product_id, oi.quantity, oi.unit_price, p.name from order_items oi join products p "
            + "on p.id = oi.product_id where oi.order_id = ?";

    static TestSink read(Path file) throws Exception {
        TestSink sink = new TestSink();
        new PgStatStatementsReader().read(ArtifactInput.of(file), sink);
        return sink;
    }

    static Map<String, SqlEvent> byFingerprint(TestSink sink) {
        Map<String, SqlEvent> out = new TreeMap<>();
        sink.sqlEvents.forEach(e -> out.put(e.fingerprint(), e));
        return out;
    }

    @Test
    void csvRowsBecomeAggregatedStatementsWithTheirFigures() throws Exception {
        TestSink sink = read(Samples.of("postgres-dashboard/pg_stat_statements.csv"));
        assertThat(sink.sqlEvents).hasSize(9);
        SqlEvent items = byFingerprint(sink).get(ITEMS);
        assertThat(items.calls()).isEqualTo(200);
        assertThat(items.durationMs()).isEqualTo(72563.36298299996);
        assertThat(items.aggregate().maxMs()).isEqualTo(609.980241);
        assertThat(items.aggregate().sharedBlocksHit()).isEqualTo(3334659);
        assertThat(items.rows()).isEqualTo(400);
        assertThat(items.shape().tables()).containsExactly("order_items", "products");
        SqlEvent export = byFingerprint(sink).get("select id, user_id, status, total, created_at from orders where created_at >= ? order by total desc");
        assertThat(export.aggregate().tempBlocksWritten()).isEqualTo(16470);
        assertThat(sink.producer).isEqualTo("pg_stat_statements (PostgreSQL 13+ columns, CSV)");
    }

    @Test
    void psqlTableGivesTheSameCallsAndTotalsAsTheCsv() throws Exception {
        Map<String, SqlEvent> csv = byFingerprint(read(Samples.of("postgres-dashboard/pg_stat_statements.csv")));
        TestSink table = read(Samples.of("postgres-dashboard/pg_stat_statements.txt"));
        assertThat(table.producer).isEqualTo("pg_stat_statements (PostgreSQL 13+ columns, psql table)");
        assertThat(table.sqlEvents).hasSize(9);
        for (SqlEvent e : table.sqlEvents) {
            SqlEvent c = csv.get(e.fingerprint());
            assertThat(c).as(e.fingerprint()).isNotNull();
            assertThat(e.calls()).isEqualTo(c.calls());
            assertThat(e.durationMs()).isEqualTo(c.durationMs());
            assertThat(e.aggregate().maxMs()).isNaN(); // the table export has no max_exec_time column
        }
    }

    /**
     * PostgreSQL 12 names the times total_time, mean_time, ...; hand-made from the real CSV by renaming
     * its header (no PostgreSQL 12 server here), with the query moved last and a multi-line query.
     */
    @Test
    void postgres12ColumnNamesInAnyOrderAndQuotedLineBreaks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pgss12.csv");
        Files.writeString(file, "calls,total_time,min_time,max_time,mean_time,stddev_time,rows,query\n"
                + "25,6627.636967,150.1,591.8,265.1,80.2,25,\"SELECT count(*)\n  FROM orders WHERE user_id = $1, \"\"x\"\"\"\n");
        TestSink sink = read(file);
        SqlEvent e = sink.sqlEvents.get(0);
        assertThat(e.calls()).isEqualTo(25);
        assertThat(e.durationMs()).isEqualTo(6627.636967);
        assertThat(e.text()).isEqualTo("SELECT count(*)\n  FROM orders WHERE user_id = $1, \"x\"");
        assertThat(sink.producer).contains("PostgreSQL 12 or older");
    }

    @Test
    void aBadRowIsNamedAndTheOthersKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "query,calls,total_exec_time\nSELECT 1,3,1.5\nSELECT 2,many,2.0\nSELECT 3,1,9\n");
        TestSink sink = read(file);
        assertThat(sink.sqlEvents).hasSize(2);
        assertThat(sink.warnings).containsExactly("1 rows could not be read (first at line 3: column 2 holds \"many\", not a number); "
                + "expected numbers in calls and total_exec_time and 3 columns");
    }

    @Test
    void missingColumnsAreNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("other.csv");
        Files.writeString(file, "query,calls,total_exec_time_ms\nSELECT 1,3,1.5\n");
        assertThatThrownBy(() -> read(file)).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("expected the columns query, calls and total_exec_time");
    }

    @Test
    void probeClaimsExportsAndNotLogsOrPlans() throws Exception {
        PgStatStatementsReader reader = new PgStatStatementsReader();
        for (String sample : new String[] {"postgres-dashboard/pg_stat_statements.csv", "postgres-dashboard/pg_stat_statements.txt"}) {
            Path p = Samples.of(sample);
            assertThat(reader.probe(ArtifactInput.of(p), ByteBuffer.wrap(Files.readAllBytes(p)))).as(sample)
                    .isEqualTo(dev.evident.ingest.Probe.CERTAIN);
        }
        for (String sample : new String[] {"postgres-dashboard/postgresql.log", "postgres-dashboard/explain-orders-month.txt"}) {
            Path p = Samples.of(sample);
            assertThat(reader.probe(ArtifactInput.of(p), ByteBuffer.wrap(Files.readAllBytes(p)))).as(sample)
                    .isEqualTo(dev.evident.ingest.Probe.NO);
        }
    }
}
