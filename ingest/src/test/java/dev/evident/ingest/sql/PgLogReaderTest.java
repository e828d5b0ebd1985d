package dev.evident.ingest.sql;

import dev.evident.core.model.QueryPlan;
import dev.evident.core.model.SqlEvent;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.Samples;
import dev.evident.ingest.TestSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PostgreSQL 15 server logs (samples/postgres-dashboard) and hand-made lines for prefixes no sample has. */
class PgLogReaderTest {

    static TestSink read(Path file) throws Exception {
        TestSink sink = new TestSink();
        new PgLogReader().read(ArtifactInput.of(file), sink);
        return sink;
    }

    static Path write(Path dir, String text) throws Exception {
        Path p = dir.resolve("postgresql.log");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void extendedProtocolIsFoldedIntoOneExecutionWithItsParametersAndTransaction() throws Exception {
        TestSink sink = read(Samples.of("postgres-dashboard/postgresql.log"));
        // line 5 parse, 7 bind, 9 execute of pid 8951: one execution of 2.391 + 2.668 + 0.280 ms
        SqlEvent user = sink.sqlEvents.stream().filter(e -> e.line() == 9).findFirst().orElseThrow();
        assertThat(user.fingerprint()).isEqualTo("select id, name, email from users where id = ?");
        assertThat(user.durationMs()).isCloseTo(2.391 + 2.668 + 0.280, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(user.parameters()).isEqualTo("$1 = '11131'");
        assertThat(user.session()).isEqualTo("8951");
        assertThat(user.transaction()).isEqualTo("8951#1");
        assertThat(user.shape().equality()).extracting(c -> c.column()).containsExactly("id");
        assertThat(sink.producer).isEqualTo("PostgreSQL server log (log_min_duration_statement, auto_explain)");
    }

    @Test
    void textAutoExplainEntriesBecomePlansWithTheirQueryAndSession() throws Exception {
        TestSink sink = read(Samples.of("postgres-dashboard/postgresql.log"));
        QueryPlan first = sink.plans.get(0);
        assertThat(first.location()).isEqualTo("auto_explain entry at line 24");
        assertThat(first.query()).isEqualTo("SELECT count(*) AS orders, coalesce(sum(total), 0) AS revenue FROM orders WHERE user_id = $1 AND created_at >= $2");
        assertThat(first.root().nodeType()).isEqualTo("Aggregate");
        assertThat(first.property("*Duration")).isEqualTo("404");
        assertThat(first.property("*Session")).isEqualTo("8951");
    }

    @Test
    void jsonAutoExplainAndPgBadgersPrefix() throws Exception {
        TestSink sink = read(Samples.of("postgres-dashboard/postgresql-json-plans.log"));
        assertThat(sink.plans).isNotEmpty();
        assertThat(sink.plans).allSatisfy(p -> assertThat(p.query()).isNotBlank());
        assertThat(sink.sqlEvents).anySatisfy(e -> assertThat(e.fingerprint()).startsWith("select oi.product_id"));
        assertThat(sink.warnings).isEmpty();
    }

    /** Hand-made: prefixes with session id (%c), virtual transaction id (%v) and a numeric zone offset. */
    @Test
    void prefixVariantsGiveTimestampSessionAndTransaction(@TempDir Path dir) throws Exception {
        TestSink sink = read(write(dir, String.join("\n",
                "2026-11-23 23:55:49.100 +02 [812] 6567e1a2.32c 3/17 LOG:  duration: 1.500 ms  statement: SELECT 1",
                "2026-11-23 21:55:49.200 UTC pid=813 app=x 4/0 LOG:  duration: 2.000 ms  statement: select * from t",
                "  where a = 5",
                "")));
        assertThat(sink.sqlEvents).hasSize(2);
        SqlEvent a = sink.sqlEvents.get(0);
        SqlEvent b = sink.sqlEvents.get(1);
        assertThat(a.session()).isEqualTo("6567e1a2.32c");
        assertThat(a.transaction()).isEqualTo("3/17");
        assertThat(b.epochNanos() - a.epochNanos()).isEqualTo(100_000_000L); // +02 is two hours ahead of UTC
        assertThat(b.session()).isEqualTo("813");
        assertThat(b.transaction()).isNull(); // 4/0: no transaction id assigned
        assertThat(b.text()).isEqualTo("select * from t\n  where a = 5"); // a multi-line statement
        assertThat(b.fingerprint()).isEqualTo("select * from t where a = ?");
    }

    @Test
    void aCutAutoExplainEntryIsAWarningAndTheStatementsStay(@TempDir Path dir) throws Exception {
        TestSink sink = read(write(dir, String.join("\n",
                "2026-11-23 23:55:49.100 UTC [9] LOG:  duration: 1.000 ms  statement: SELECT 2",
                "2026-11-23 23:55:49.200 UTC [9] LOG:  duration: 350.000 ms  plan:",
                "\tQuery Text: SELECT 3",
                "")));
        assertThat(sink.sqlEvents).hasSize(1);
        assertThat(sink.warnings).containsExactly("1 auto_explain plans could not be read (first: auto_explain entry at line 2: "
                + "line 3: auto_explain entry has no plan node line (is the entry cut?))");
    }

    @Test
    void aLogWithoutDurationsSaysWhatToSet(@TempDir Path dir) {
        assertThatThrownBy(() -> read(write(dir, "2026-11-23 23:55:49 UTC [1] LOG:  database system is ready to accept connections\n")))
                .isInstanceOf(ArtifactException.class).hasMessageContaining("set log_min_duration_statement");
    }

    @Test
    void fingerprintsReplaceLiteralsCollapseInListsAndFallBackToTheTokenizer() {
        SqlFingerprints f = new SqlFingerprints();
        SqlFingerprints.Result in = f.of("SELECT * FROM Orders o WHERE o.id IN (1, 2, 3) AND o.status = 'paid' AND total > 10.5");
        assertThat(in.fingerprint()).isEqualTo("select * from orders o where o.id in (?) and o.status = ? and total > ?");
        assertThat(in.parsed()).isTrue();
        assertThat(in.shape().tables()).containsExactly("orders");
        assertThat(in.shape().equality()).extracting(c -> c.column()).containsExactly("id", "status");
        assertThat(in.shape().range()).extracting(c -> c.column()).containsExactly("total");
        assertThat(f.of("select * from orders o where o.id in ($1, $2)").fingerprint()).isEqualTo(in.fingerprint().replace(
                " and o.status = ? and total > ?", ""));
        // vendor syntax jsqlparser 5.4 does not parse: the tokenizer's normal form is the fingerprint
        SqlFingerprints.Result vendor = f.of("SELECT * FROM t WHERE x = 1 FOR UPDATE OF t SKIP LOCKED NOWAIT garbage ((");
        assertThat(vendor.parsed()).isFalse();
        assertThat(vendor.fingerprint()).isEqualTo("select * from t where x = ? for update of t skip locked nowait garbage((");
        assertThat(vendor.shape().tables()).containsExactly("t");
        List<String> same = List.of(f.of("select a from b where c = 'x'").fingerprint(), f.of("SELECT a\n  FROM b WHERE c = 'y' -- note").fingerprint());
        assertThat(same.get(0)).isEqualTo(same.get(1));
    }
}
