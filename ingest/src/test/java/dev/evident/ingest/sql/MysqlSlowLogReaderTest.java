package dev.evident.ingest.sql;

import dev.evident.core.model.SqlEvent;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.Probe;
import dev.evident.ingest.Samples;
import dev.evident.ingest.TestSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/**
 * The slow query log: MariaDB 10.11's real logs (samples/mariadb-dashboard) and a hand-made MySQL 8.0
 * log (samples/mysql8-handmade, written in the server's layout because no MySQL 8 server can be
 * installed here).
 */
class MysqlSlowLogReaderTest {
    static final String ITEMS = "select oi.product_id, oi.quantity, oi.unit_price, p.name from order_items oi join products p "
            + "on p.id = oi.product_id where oi.order_id = ?";

    static TestSink read(Path file) throws Exception {
        TestSink sink = new TestSink();
        new MysqlSlowLogReader().read(ArtifactInput.of(file), sink);
        return sink;
    }

    static Path write(Path dir, String text) throws Exception {
        Path p = dir.resolve("slow.log");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void mariadbLogWithQueryPlanVerbosityGivesEveryStatementWithThreadAndTransaction() throws Exception {
        TestSink sink = read(Samples.of("mariadb-dashboard/mariadb-slow.log"));
        assertThat(sink.producer).isEqualTo("MariaDB 10.11.18 slow query log");
        assertThat(sink.sqlEvents).hasSize(339);
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.sqlEvents).allSatisfy(e -> assertThat(e.engine()).isEqualTo("MariaDB"));
        // lines 30-39: "# User@Host", "# Thread_id: 9", ..., "# explain:" lines, SET timestamp, the statement
        SqlEvent user = sink.sqlEvents.stream().filter(e -> e.line() == 30).findFirst().orElseThrow();
        assertThat(user.text()).isEqualTo("SELECT id, name, email FROM users WHERE id = 12764");
        assertThat(user.fingerprint()).isEqualTo("select id, name, email from users where id = ?");
        assertThat(user.durationMs()).isCloseTo(0.546, offset(1e-9));
        assertThat(user.session()).isEqualTo("9");
        assertThat(user.epochNanos()).isEqualTo(1_795_483_601_000_000_000L);
        assertThat(user.rows()).isEqualTo(1);
        // the driver set autocommit=0: thread 9's first transaction runs until its first COMMIT
        assertThat(user.transaction()).isEqualTo("9#1");
        SqlEvent setup = sink.sqlEvents.stream().filter(e -> e.line() == 24).findFirst().orElseThrow();
        assertThat(setup.text()).isEqualTo("set autocommit=0");
        assertThat(setup.transaction()).isNull();
        Map<String, Long> perTransaction = sink.sqlEvents.stream().filter(e -> ITEMS.equals(e.fingerprint()))
                .collect(Collectors.groupingBy(SqlEvent::transaction, Collectors.counting()));
        // 25 dashboard requests, each loading the items of its 8 latest orders one query at a time
        assertThat(perTransaction).hasSize(25).allSatisfy((tx, n) -> assertThat(n).isEqualTo(8L));
        SqlEvent scan = sink.sqlEvents.stream().filter(e -> e.fingerprint().startsWith("select count(*)")).findFirst().orElseThrow();
        assertThat(scan.fingerprint()).isEqualTo("select count(*) as orders, coalesce(sum(total), ?) as revenue from orders "
                + "where user_id = ? and created_at >= ?");
        assertThat(scan.shape().equality()).extracting(c -> c.column()).containsExactly("user_id");
        assertThat(scan.shape().range()).extracting(c -> c.column()).containsExactly("created_at");
        assertThat(sink.window.durationNanos()).isPositive();
    }

    @Test
    void mariadbDefaultVerbosityGivesTheSameStatements() throws Exception {
        TestSink sink = read(Samples.of("mariadb-dashboard/mariadb-slow-plain.log"));
        assertThat(sink.sqlEvents).hasSize(71); // 6 requests (5 dashboards and the export), 4 session set-up statements
        assertThat(sink.sqlEvents.stream().filter(e -> ITEMS.equals(e.fingerprint())).count()).isEqualTo(40);
    }

    /** Hand-made in MySQL 8.0's layout: ISO times, "Id:" in User@Host, a reopened log, log_slow_extra fields. */
    @Test
    void mysql8LogGivesSessionsTransactionsAndStartTimes() throws Exception {
        TestSink sink = read(Samples.of("mysql8-handmade/mysql-slow.log"));
        assertThat(sink.producer).isEqualTo("MySQL 8.0.36 slow query log");
        assertThat(sink.warnings).isEmpty();
        // 12 statements on connection 31 and 32 (the Quit command is not one), 6 on connection 33
        assertThat(sink.sqlEvents).hasSize(17);
        List<SqlEvent> tx = sink.sqlEvents.stream().filter(e -> "31".equals(e.session())).toList();
        assertThat(tx).hasSize(10).allSatisfy(e -> assertThat(e.transaction()).isEqualTo("31#1"));
        assertThat(tx.get(1).fingerprint()).isEqualTo("select id, name, email from users where id = ?");
        assertThat(tx.get(2).fingerprint()).isEqualTo("select id, status, created_at, total from orders where user_id = ? "
                + "order by created_at desc limit ?, ?");
        assertThat(tx.subList(3, 9)).allSatisfy(e -> assertThat(e.fingerprint()).isEqualTo(ITEMS));
        // "# Time:" is when the entry was written; the event starts Query_time earlier
        SqlEvent first = tx.get(3);
        java.time.Instant written = java.time.Instant.parse("2026-11-20T09:14:02.122335Z");
        assertThat(first.epochNanos()).isEqualTo(written.getEpochSecond() * 1_000_000_000L + written.getNano() - 12_406_000L);
        SqlEvent multiLine = sink.sqlEvents.stream().filter(e -> "32".equals(e.session())).findFirst().orElseThrow();
        assertThat(multiLine.text()).startsWith("SELECT count(*) AS orders,\n       coalesce(sum(total), 0) AS revenue\n");
        assertThat(multiLine.fingerprint()).isEqualTo("select count(*) as orders, coalesce(sum(total), ?) as revenue from orders "
                + "where user_id = ? and created_at >= ?");
        assertThat(multiLine.transaction()).isNull(); // autocommit, no BEGIN
        assertThat(multiLine.durationMs()).isCloseTo(1204.577, offset(1e-6));
        // log_slow_extra's Start: is taken as is; "featured" in double quotes is a string in MySQL
        List<SqlEvent> extra = sink.sqlEvents.stream().filter(e -> "33".equals(e.session())).toList();
        assertThat(extra).hasSize(6).allSatisfy(e -> assertThat(e.fingerprint())
                .isEqualTo("select id, name, price from products where category = ? order by price desc limit ?"));
        assertThat(extra.get(0).epochNanos() % 1_000_000_000L).isNotZero();
    }

    @Test
    void probeRecognisesSlowLogsByTheirQueryTimeLine() throws Exception {
        MysqlSlowLogReader reader = new MysqlSlowLogReader();
        for (String sample : List.of("mariadb-dashboard/mariadb-slow.log", "mysql8-handmade/mysql-slow.log")) {
            Path p = Samples.of(sample);
            assertThat(reader.probe(ArtifactInput.of(p), ByteBuffer.wrap(Files.readAllBytes(p)))).as(sample).isEqualTo(Probe.CERTAIN);
        }
        Path pg = Samples.of("postgres-dashboard/postgresql.log");
        assertThat(reader.probe(ArtifactInput.of(pg), ByteBuffer.wrap(Files.readAllBytes(pg)))).isEqualTo(Probe.NO);
    }

    @Test
    void aLogCutInsideAnEntryKeepsTheCompleteEntriesAndSaysWhere(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Samples.of("mysql8-handmade/mysql-slow.log"));
        // cut after the header lines of the 4th entry, and in the middle of the 3rd statement
        String cut = String.join("\n", lines.subList(0, 18)) + "\nSELECT id, status, created_at, total FROM ord";
        TestSink sink = read(write(dir, cut + "\n"));
        assertThat(sink.sqlEvents).hasSize(3);
        assertThat(sink.warnings).containsExactly("1 statements do not end with ';' as the server writes them (first at line 15); "
                + "the log may be cut in the middle of a statement");
        TestSink headersOnly = read(write(dir, String.join("\n", lines.subList(0, 22)) + "\n"));
        assertThat(headersOnly.sqlEvents).hasSize(3);
        assertThat(headersOnly.warnings).containsExactly("1 entries have no statement (first at line 20); the log may be cut in the "
                + "middle of an entry");
    }

    @Test
    void bytesThatAreNotUtf8AreReplacedAndCounted(@TempDir Path dir) throws Exception {
        byte[] head = String.join("\n", "# Time: 2026-11-20T09:14:02.106224Z", "# User@Host: app[app] @  [10.0.0.1]  Id:     5",
                "# Query_time: 0.000300  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 1", "SET timestamp=1795166042;",
                "SELECT * FROM users WHERE name = '").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] latin1 = {(byte) 0xe9, '\'', ';', '\n'};
        Path p = dir.resolve("slow.log");
        Files.write(p, concat(head, latin1));
        TestSink sink = read(p);
        assertThat(sink.sqlEvents).hasSize(1);
        assertThat(sink.sqlEvents.get(0).fingerprint()).isEqualTo("select * from users where name = ?");
        assertThat(sink.warnings).containsExactly("1 lines hold bytes that are not UTF-8 (first at line 5); those characters were "
                + "replaced by U+FFFD");
    }

    @Test
    void aFileWithoutEntriesSaysWhatToTurnOn(@TempDir Path dir) {
        assertThatThrownBy(() -> read(write(dir, "/usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:\n"
                + "Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock\nTime                 Id Command    Argument\n")))
                .isInstanceOf(ArtifactException.class)
                .hasMessage("MySQL slow query log: no '# Query_time: ...' entry with a statement in 3 lines; set slow_query_log = 1 "
                        + "and long_query_time = 0 to log every statement");
        assertThatThrownBy(() -> read(write(dir, "# Time: 2026-11-20T09:14:02.106224Z\n# User@Host: a[a] @  [::1]  Id: 3\n"
                + "# Query_time: 0.1  Lock_time: 0.0 Rows_sent: 0  Rows_examined: 0\n")))
                .isInstanceOf(ArtifactException.class).hasMessageContaining("1 entries without a statement, the first at line 1: is the file cut?");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
