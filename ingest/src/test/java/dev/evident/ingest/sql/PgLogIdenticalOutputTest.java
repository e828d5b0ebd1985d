package dev.evident.ingest.sql;

import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL log reader (and the TEXT plan parser it shares with the EXPLAIN reader) was
 * rewritten for speed; its output must not change. The expected dumps under
 * {@code src/test/resources/dev/evident/ingest/sql/expected/} were written by {@link PgLogDump} with
 * the line-by-line readers as they were before that work (first at commit 036b4c7; rewritten from
 * main at 5255d57, whose reader differs from 036b4c7's only by the engine it sets on events;
 * JDK 17, and JDK 25 gives the same text), built from {@code git archive} of that commit:
 *
 * <pre>
 * java -cp ... dev.evident.ingest.sql.PgLogDump dev.evident.ingest.sql.PgLogReader OUT.dump FILE...
 * </pre>
 *
 * Each holds, for every file it names, every event and plan with all their fields. They must never
 * be regenerated with the new reader: they are the old algorithm's answer.
 */
class PgLogIdenticalOutputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "postgres-dashboard-log.dump.gz, postgres-dashboard, PgLogReader",
            "postgres-dashboard-indexed-log.dump.gz, postgres-dashboard-indexed, PgLogReader",
            "edge-cases-log.dump.gz, , PgLogReader",
            "postgres-dashboard-explain.dump.gz, postgres-dashboard, PgExplainReader",
            "postgres-dashboard-indexed-explain.dump.gz, postgres-dashboard-indexed, PgExplainReader",
            "postgres-plans-explain.dump.gz, postgres-plans, PgExplainReader"})
    void theReadersGiveTheSameModelAsBeforeTheSpeedWork(String expectedName, String sampleDir, String readerName)
            throws Exception {
        List<String> expected = expected(expectedName);
        List<String> files = new ArrayList<>();
        for (String line : expected) {
            if (line.startsWith("file ")) {
                files.add(line.substring("file ".length()));
            }
        }
        assertThat(files).as("files named in " + expectedName).isNotEmpty();
        ArtifactReader reader = (ArtifactReader) Class.forName("dev.evident.ingest.sql." + readerName)
                .getDeclaredConstructor().newInstance();
        StringBuilder actual = new StringBuilder();
        for (String name : files) {
            Path file = sampleDir == null ? resource(name) : Samples.of(sampleDir + "/" + name);
            actual.append("file ").append(name).append('\n');
            PgLogDump.write(PgLogDump.read(reader, file), file.toString(), actual);
        }
        assertSameLines(expectedName, expected, List.of(actual.toString().split("\n", -1)));
    }

    /** Compares line by line and names the first difference (the lists are too long for a full diff). */
    static void assertSameLines(String what, List<String> expected, List<String> actual) {
        List<String> exp = new ArrayList<>(expected);
        List<String> act = new ArrayList<>(actual);
        // the dump ends with a newline: split gives a trailing empty string on both sides, or not
        while (!exp.isEmpty() && exp.get(exp.size() - 1).isEmpty()) {
            exp.remove(exp.size() - 1);
        }
        while (!act.isEmpty() && act.get(act.size() - 1).isEmpty()) {
            act.remove(act.size() - 1);
        }
        int n = Math.min(exp.size(), act.size());
        for (int i = 0; i < n; i++) {
            if (!exp.get(i).equals(act.get(i))) {
                assertThat(act.get(i)).as(what + ": first difference at dump line " + (i + 1)).isEqualTo(exp.get(i));
            }
        }
        assertThat(act.size()).as(what + ": dump lines (the shorter dump ends at line " + n + ")").isEqualTo(exp.size());
    }

    static List<String> expected(String name) throws IOException {
        try (InputStream raw = PgLogIdenticalOutputTest.class.getResourceAsStream("expected/" + name)) {
            assertThat(raw).as("resource expected/" + name).isNotNull();
            try (InputStream in = new GZIPInputStream(raw)) {
                return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
            }
        }
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(PgLogIdenticalOutputTest.class.getResource(name).toURI());
    }
}
