package dev.evident.ingest.sql;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shortcuts the log reader takes for speed against the general code they stand in for:
 * {@link Numbers} against {@link Double#parseDouble}, {@link PgNodeLine} against the regular
 * expressions of {@link PgTextPlanParser}, and the digit-blind key of {@link FilterColumns}
 * against the filter itself.
 */
class PlanParsingShortcutsTest {

    @Test
    void plainDecimalsParseToTheSameDoubleAsParseDouble() {
        Random r = new Random(7);
        List<String> texts = new ArrayList<>(List.of("0", "0.000", "404.019", "15001.00", "999999999999999", "9999999999999999",
                "0.1", "1.5", "123456789.012345", "00012.50", "3"));
        for (int i = 0; i < 20_000; i++) {
            int whole = r.nextInt(8) + 1;
            int fraction = r.nextInt(8);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < whole; k++) {
                b.append((char) ('0' + r.nextInt(10)));
            }
            if (fraction > 0) {
                b.append('.');
                for (int k = 0; k < fraction; k++) {
                    b.append((char) ('0' + r.nextInt(10)));
                }
            }
            texts.add(b.toString());
        }
        for (String t : texts) {
            double expected = Double.parseDouble(t);
            assertThat(Numbers.parseDouble(t)).as(t).isEqualTo(expected);
            byte[] bytes = ("x" + t + "y").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(Numbers.parseDouble(bytes, 1, bytes.length - 1)).as(t).isEqualTo(expected);
        }
        // what the shortcut does not take goes to parseDouble: same value or same exception
        assertThat(Numbers.parseDouble("1e3")).isEqualTo(1000.0);
        assertThat(Numbers.parseDouble("-2.5")).isEqualTo(-2.5);
        assertThat(Numbers.parseDouble(".5")).isEqualTo(0.5);
        assertThat(Numbers.parseDouble("7.")).isEqualTo(7.0);
        assertThatThrownBy(() -> Numbers.parseDouble("1..2")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Numbers.parseDouble("")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void usualNodeLinesGiveTheNodeTheRegularExpressionsGive() throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "Finalize Aggregate  (cost=16001.24..16001.25 rows=1 width=40) (actual time=303.077..403.953 rows=1 loops=1)",
                "Parallel Seq Scan on orders  (cost=0.00..15001.00 rows=2 width=6) (actual time=60.733..246.079 rows=2 loops=3)",
                "Index Scan using products_pkey on products p  (cost=0.28..8.30 rows=1 width=20) (actual time=0.033..0.033 rows=1 loops=2)",
                "Index Only Scan Backward using idx on public.t x  (cost=0.42..4.44 rows=1 width=4) (never executed)",
                "Hash Left Join  (cost=10.00..20.00 rows=100 width=8)",
                "Sort  (cost=13959.75..13959.81 rows=21 width=29) (actual rows=6.00 loops=3)",
                "Bitmap Heap Scan on events  (cost=5.1..100.2 rows=10 width=4) (actual time=1..2 rows=10 loops=1)",
                "Gather Merge  (cost=14959.78..14964.68 rows=42 width=29) (actual time=261.616..343.593 rows=8 loops=1)",
                "Nested Loop  (cost=0.28..27091.97 rows=1 width=30) (actual time=185.959..280.184 rows=1 loops=3)",
                "HashAggregate  (cost=1.00..2.00 rows=5 width=12) (actual time=0.100..0.200 rows=5 loops=1)",
                "Update on t  (cost=0.00..1.00 rows=0 width=0) (actual time=0.5..0.5 rows=0 loops=1)",
                "CTE Scan on recent r  (cost=0.00..0.20 rows=10 width=8) (actual time=0.001..0.010 rows=10 loops=1)",
                // forms the shortcut leaves to the regular expressions
                "Seq Scan on t  (cost=0.00..1.00 rows=1 width=4) (actual time=0.01..0.02 rows=1 loops=1) extra",
                "Function Scan on generate_series(1, 3) g  (cost=0.00..0.03 rows=3 width=4)",
                "Seq Scan on t  (actual time=0.010..0.020 rows=1 loops=1)",
                "Seq Scan on t  (cost=-1.00..1.00 rows=1 width=4)",
                "Result  (cost=0.00..0.01 rows=1 width=4) (actual time=0.001..0.001 rows=1.5.1 loops=1)"));
        Random r = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            lines.add(String.format(Locale.ROOT, "%s  (cost=%d.%02d..%d.%02d rows=%d width=%d) (actual time=%d.%03d..%d.%03d rows=%d loops=%d)",
                    List.of("Seq Scan on orders", "Hash Join", "Materialize", "Limit", "Index Scan using i on t").get(r.nextInt(5)),
                    r.nextInt(1000), r.nextInt(100), r.nextInt(100_000), r.nextInt(100), r.nextInt(1_000_000), r.nextInt(200),
                    r.nextInt(1000), r.nextInt(1000), r.nextInt(100_000), r.nextInt(1000), r.nextInt(10_000), r.nextInt(50) + 1));
        }
        int usual = 0;
        for (String line : lines) {
            PlanNodeBuilder fast = PgNodeLine.parse(line);
            if (fast == null) {
                continue;
            }
            usual++;
            PlanNodeBuilder slow = PgTextPlanParser.nodeByPatterns(line, 1);
            assertThat(describe(fast)).as(line).isEqualTo(describe(slow));
            assertThat(describe(PgNodeLine.parse(line))).as("again, from the kept title and costs: " + line).isEqualTo(describe(slow));
        }
        assertThat(usual).as("lines the shortcut took").isEqualTo(lines.size() - 5);
    }

    private static String describe(PlanNodeBuilder n) {
        return n.nodeType + "|" + n.relation + "|" + n.index + "|" + n.estimatedRows + "|" + n.actualRows + "|" + n.loops + "|"
                + n.actualTotalMs + "|" + n.properties;
    }

    @Test
    void theNodeLineTestFindsWhatItsRegularExpressionFinds() {
        List<String> lines = new ArrayList<>(List.of("Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)", "(cost=1..2 rows=3 width=4)",
                "(cost=..2 rows=3 width=4)", "(cost=1.. rows=3 width=4)", "(cost=1...2 rows=3 width=4)", "(cost=...... rows=1 width=1)",
                "x (cost=1..2 rows= width=4)", "x (cost=1..2 rows=3 width=4", "(cost=(cost=1..2 rows=3 width=4)",
                "Sort  (actual rows=5 loops=1)", "Sort  (actual time=1..2 rows=5 loops=1)", "Sort  (actual loops=1)",
                "Limit (never executed)", "Query Text: select '(cost=1..2 rows=3 width=4)'", "Query Text: SELECT 1", ""));
        Random r = new Random(3);
        String alphabet = "(cost=.. rowsidth)0123456789actul nevrxd";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder(i % 2 == 0 ? "(cost=" : "");
            for (int k = r.nextInt(30); k > 0; k--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            lines.add(b.toString());
        }
        // the costs group with each part right or slightly wrong
        List<String> numbers = List.of("1", "0.00", "15001.00", ".", "1.", ".5", "", "x", "1.2.3", "..");
        List<String> separators = List.of("..", "..", ".", "...", "....", " ..");
        List<String> counts = List.of("2", "123", "", "1.5", "x");
        for (int i = 0; i < 20_000; i++) {
            lines.add("Seq Scan on t  (cost=" + numbers.get(r.nextInt(numbers.size())) + separators.get(r.nextInt(separators.size()))
                    + numbers.get(r.nextInt(numbers.size())) + (r.nextInt(8) == 0 ? " rows " : " rows=")
                    + counts.get(r.nextInt(counts.size())) + " width=" + counts.get(r.nextInt(counts.size()))
                    + (r.nextInt(8) == 0 ? "" : ")"));
        }
        int found = 0;
        for (String l : lines) {
            boolean expected = AutoExplainEntry.NODE_LINE.matcher(l).find();
            assertThat(AutoExplainEntry.isNodeLine(l)).as(l).isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        assertThat(found).as("lines that are node lines").isGreaterThan(1000);
    }

    @Test
    void filterKeysZeroTheValuesDigitsButNotTheColumnsAndGiveTheSameColumns() {
        assertThat(FilterColumns.withoutValueDigits("((user_id = '11131'::bigint) AND (t2.col9 >= 42.5))"))
                .isEqualTo("((user_id = '00000'::bigint) AND (t2.col9 >= 00.0))");
        assertThat(FilterColumns.withoutValueDigits("(\"Col 1\" = 5)")).isEqualTo("(\"Col 1\" = 5)");
        List<String> filters = List.of(
                "((account_id >= 1) AND (account_id <= 60))",
                "((city = 'city-7'::text) AND (zip = 'zip-7'::text))",
                "((created_at >= '2025-12-01 00:00:00+00'::timestamp with time zone) AND (user_id = 4242))",
                "((orders.created_at >= '2025-12-01 00:00:00+00'::timestamp with time zone) AND (orders.user_id = 4242))",
                "((s.weight >= b.min_kg) AND (s.weight < b.max_kg))",
                "(order_id = '201817'::bigint)", "(a1 = 5) OR (b_2 IS NULL) OR (c3 ~~ '9%'::text) OR (d ~~ '%x'::text)",
                "(x::numeric(10,2) = 7.25)", "(v = ANY ('{1,2,3}'::integer[]))", "(n <> $1)", "((k)::text = '12'::text)");
        for (String f : filters) {
            String key = FilterColumns.withoutValueDigits(f);
            assertThat(FilterColumns.columns(key)).as(f).containsExactly(FilterColumns.columns(f));
        }
        assertThat(FilterColumns.columns("(a1 = 5) OR (b_2 IS NULL) OR (c3 ~~ '9%'::text) OR (d ~~ '%x'::text)"))
                .containsExactly("a1, b_2", "c3");
    }
}
