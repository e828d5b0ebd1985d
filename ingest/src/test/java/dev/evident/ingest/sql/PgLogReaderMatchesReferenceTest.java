package dev.evident.ingest.sql;

import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.Samples;
import dev.evident.ingest.TestSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;


/**
 * The fast {@link PgLogReader} against the line-by-line reader it replaced
 * ({@link PgLogReferenceReader}) on generated logs: line breaks of every kind (also split across
 * the reader's runs of lines, which tests make a few bytes long), bytes that are not UTF-8 and
 * multi-byte characters cut by a line break, interleaved sessions, DETAIL lines in odd places,
 * multi-line statements and plans, cut plans. Both must produce the same model, or fail with the
 * same message.
 */
class PgLogReaderMatchesReferenceTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void generatedLogsGiveTheSameModelAsTheLineByLineReader(int seed, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("postgresql.log");
        Files.write(file, generate(new Random(seed), 400));
        String expected = outcome(new PgLogReferenceReader(), file);
        for (int runBytes : new int[] {16, 61, 1000, PgLogReader.RUN_BYTES}) {
            same("runs of " + runBytes + " bytes, seed " + seed, expected, outcome(new PgLogReader(runBytes), file));
        }
    }

    @Test
    void theRealSamplesCutIntoSmallRunsGiveTheSameModel() throws Exception {
        for (String sample : List.of("postgres-dashboard/postgresql.log", "postgres-dashboard/postgresql-json-plans.log")) {
            Path file = Samples.of(sample);
            String expected = outcome(new PgLogReferenceReader(), file);
            same(sample, expected, outcome(new PgLogReader(4096), file));
        }
    }

    private static void same(String what, String expected, String actual) {
        PgLogIdenticalOutputTest.assertSameLines(what, List.of(expected.split("\n", -1)), List.of(actual.split("\n", -1)));
    }

    /** The dump of what the reader produced, or the exception it threw. */
    private static String outcome(ArtifactReader reader, Path file) {
        try {
            TestSink sink = PgLogDump.read(reader, file);
            return PgLogDump.of(sink, file.toString());
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static final String[] BREAKS = {"\n", "\n", "\n", "\n", "\r\n", "\r"};
    private static final String[] STATEMENTS = {
            "SELECT id, name FROM users WHERE id = $1", "select * from orders where user_id = 42 and created_at > '2025-01-01'",
            "BEGIN", "COMMIT", "ROLLBACK", "START TRANSACTION", "UPDATE t SET a = 'x' WHERE id IN (1, 2, 3)", "END",
            "SELECT count(*) FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = $1",
            "SELECT 1", "INSERT INTO notes(body) VALUES ('a'), ('b')"};
    private static final String[] PLAN = {
            "\tQuery Text: SELECT count(*) FROM orders WHERE user_id = $1",
            "\tAggregate  (cost=16001.24..16001.25 rows=1 width=8) (actual time=303.077..403.953 rows=1 loops=1)",
            "\t  Buffers: shared hit=8751 read=3",
            "\t  ->  Seq Scan on orders  (cost=0.00..15001.00 rows=2 width=6) (actual time=60.733..246.079 rows=2 loops=3)",
            "\t        Filter: (user_id = '11131'::bigint)",
            "\t        Rows Removed by Filter: 333331"};

    /** A log of {@code messages} messages, random but reproducible from the seed. */
    static byte[] generate(Random r, int messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < messages; i++) {
            String stamp = String.format(Locale.ROOT, "2026-11-23 23:%02d:%02d.%03d UTC", 10 + r.nextInt(5), r.nextInt(60), r.nextInt(1000));
            String pid = "[" + (100 + r.nextInt(4)) + "]";
            String prefix = switch (r.nextInt(6)) {
                case 0 -> stamp + " " + pid + " postgres@shop ";
                case 1 -> stamp + " " + pid + ": [3-1] 6567e1a2.32" + r.nextInt(3) + " 3/" + r.nextInt(3) + " ";
                case 2 -> stamp.substring(0, 19) + " +02 pid=" + (100 + r.nextInt(4)) + " ";
                case 3 -> "";
                default -> stamp + " " + pid + " ";
            };
            String ms = r.nextInt(20) == 0 ? "x1" : String.format(Locale.ROOT, "%d.%03d", r.nextInt(500), r.nextInt(1000));
            String statement = STATEMENTS[r.nextInt(STATEMENTS.length)];
            int kind = r.nextInt(14);
            StringBuilder line = new StringBuilder(prefix);
            switch (kind) {
                case 0, 1, 2 -> line.append("LOG:  duration: ").append(ms).append(" ms  statement: ").append(statement);
                case 3 -> line.append("LOG:  duration: ").append(ms).append(" ms  parse <unnamed>: ").append(statement);
                case 4 -> line.append("LOG:  duration: ").append(ms).append(" ms  bind S_1: ").append(statement);
                case 5 -> line.append("LOG:  duration: ").append(ms).append(" ms  execute S_1: ").append(statement);
                case 6 -> line.append("DETAIL:  parameters: $1 = '").append(r.nextInt(1000)).append('\'');
                case 7 -> line.append("LOG:  duration: ").append(ms).append(" ms  plan:");
                case 8 -> line.append("ERROR:  relation \"x\" does not exist");
                case 9 -> line.append("LOG:  duration: ").append(ms).append(" ms");
                case 10 -> line.append("STATEMENT:  ").append(statement);
                case 11 -> line.append("\t  continued text ").append(r.nextInt(9));
                case 12 -> line.append("DETAIL:  Key (id)=(1) already exists.");
                default -> line.append("LOG:  checkpoint complete: wrote 3 buffers");
            }
            write(out, line.toString(), r);
            if (kind == 7) {
                int lines = r.nextInt(PLAN.length + 1); // 0: an entry cut before its plan
                for (int k = 0; k < lines; k++) {
                    write(out, PLAN[k], r);
                }
            } else if (kind <= 2 && r.nextInt(4) == 0) {
                write(out, "  AND extra = " + r.nextInt(9), r);
            }
        }
        return out.toByteArray();
    }

    /** Writes a line with a random break; now and then with bytes that are not UTF-8 or a cut character. */
    private static void write(ByteArrayOutputStream out, String line, Random r) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int at = bytes.length == 0 ? 0 : r.nextInt(bytes.length + 1);
        out.write(bytes, 0, at);
        switch (r.nextInt(40)) {
            case 0 -> out.write(0xE9);                                  // Latin-1 é
            case 1 -> out.writeBytes(new byte[] {(byte) 0xE2, (byte) 0x82}); // € cut short
            case 2 -> out.writeBytes("é€\uFFFD".getBytes(StandardCharsets.UTF_8));
            case 3 -> out.writeBytes(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}); // a 4-byte character cut short
            default -> {
            }
        }
        out.write(bytes, at, bytes.length - at);
        if (r.nextInt(30) == 0) {
            out.write(0xC3); // a lead byte right before the line break
        }
        out.writeBytes(BREAKS[r.nextInt(BREAKS.length)].getBytes(StandardCharsets.US_ASCII));
    }
}
