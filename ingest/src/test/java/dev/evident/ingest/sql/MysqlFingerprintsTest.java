package dev.evident.ingest.sql;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Statements as MySQL and MariaDB logs carry them: backticks, LIMIT offset, count, backslash escapes. */
class MysqlFingerprintsTest {
    private final SqlFingerprints mysql = new SqlFingerprints(SqlDialect.MYSQL);

    @Test
    void backtickedNamesShareTheFingerprintAndShapeOfBareOnes() {
        SqlFingerprints.Result quoted = mysql.of("SELECT `id`, `Name` FROM `shop`.`orders` WHERE `user_id` = 5 LIMIT 10, 20");
        SqlFingerprints.Result bare = mysql.of("select id, name from shop.orders where user_id = 7 limit 0, 8");
        assertThat(quoted.fingerprint()).isEqualTo("select id, name from shop.orders where user_id = ? limit ?, ?");
        assertThat(bare.fingerprint()).isEqualTo(quoted.fingerprint());
        assertThat(quoted.shape().tables()).containsExactly("orders");
        assertThat(quoted.shape().equality()).extracting(c -> c.table() + "." + c.column()).containsExactly("orders.user_id");
        assertThat(quoted.shape().limited()).isTrue();
    }

    @Test
    void aReservedWordKeepsItsBackticksSoTheStatementStillParses() {
        SqlFingerprints.Result r = mysql.of("SELECT `order`, total FROM `order_lines` WHERE `order` = 12");
        assertThat(r.parsed()).isTrue();
        assertThat(r.fingerprint()).isEqualTo("select order, total from order_lines where order = ?");
        assertThat(r.shape().equality()).extracting(c -> c.column()).containsExactly("order");
    }

    @Test
    void backslashEscapesAndDoubleQuotedStringsAreLiterals() {
        SqlFingerprints.Result escaped = mysql.of("SELECT * FROM users WHERE name = 'O\\'Brien' AND note = \"say \\\"hi\\\"\"");
        SqlFingerprints.Result plain = mysql.of("SELECT * FROM users WHERE name = 'Smith' AND note = 'x'");
        assertThat(escaped.fingerprint()).isEqualTo("select * from users where name = ? and note = ?");
        assertThat(plain.fingerprint()).isEqualTo(escaped.fingerprint());
        // the PostgreSQL rules read the same text differently: a backslash is an ordinary character there
        assertThat(new SqlFingerprints().of("SELECT * FROM users WHERE name = 'O\\'Brien'").fingerprint())
                .isNotEqualTo("select * from users where name = ?");
    }

    @Test
    void hashCommentsAreDropped() {
        assertThat(mysql.of("SELECT id FROM users # who logged in\nWHERE id = 3").fingerprint())
                .isEqualTo("select id from users where id = ?");
    }

    @Test
    void aliasesMapToTheirTables() {
        SqlFingerprints.Result r = mysql.of("SELECT oi.product_id, p.name FROM order_items oi JOIN products AS p ON p.id = oi.product_id "
                + "WHERE oi.order_id = 500000");
        assertThat(r.aliases()).containsAllEntriesOf(Map.of("oi", "order_items", "p", "products", "order_items", "order_items"));
        assertThat(mysql.of("SELECT broken FROM").aliases()).isEmpty();
    }
}
