package dev.evident.ingest.latency;

import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.LatencySeries;
import dev.evident.ingest.Ingest;
import dev.evident.ingest.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Broken latency files: each is skipped or warned about with the place and what was expected. */
class LatencyBadInputTest {

    private static EvidenceSet read(Path... paths) {
        return new Ingest().read(List.of(paths));
    }

    @Test
    void cutK6JsonNamesTheLineAndKeepsTheOtherFiles(@TempDir Path dir) throws Exception {
        String lines = Files.readString(Samples.of("k6-handmade/out.json"));
        Path cut = Files.writeString(dir.resolve("k6.json"), lines.substring(0, lines.length() - 40));
        EvidenceSet e = read(cut, Samples.of("dedupe-cli/after/hyperfine-01.json"));
        assertThat(e.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .startsWith("k6 JSON: line 8, column").contains("is the file cut?"));
        assertThat(e.latencies()).extracting(LatencySeries::tool).containsExactly("hyperfine");
        assertThat(Files.list(dir).count()).as("nothing written next to the input").isEqualTo(1);
    }

    @Test
    void jtlRowsWithoutANumberAreSkippedWithALineNumber(@TempDir Path dir) throws Exception {
        Path jtl = Files.writeString(dir.resolve("run.jtl"), """
                timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes
                1795478205631,60,GET /a,200,OK,t 1-1,text,true,,149
                1795478205700,oops,GET /a,200,OK,t 1-1,text,true,,149
                1795478205711,"11",GET /a,200,"OK, fine",t 1-2,text,true,,149
                """);
        EvidenceSet e = read(jtl);
        LatencySeries s = e.latencies().get(0);
        assertThat(s.count()).isEqualTo(2);
        assertThat(e.artifacts().get(0).warnings()).singleElement().satisfies(w -> assertThat(w)
                .startsWith("1 rows skipped; first: line 3: expected 10 fields with a whole number of milliseconds in 'elapsed'"));
    }

    @Test
    void hdrLogWithABrokenHistogramNamesTheLine(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("x.hlog"), """
                #[Histogram log format version 1.3]
                "StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"
                0.127,1.007,2.769,HISTFAAAAEV42pNpmSzMwMCgyAABTBDKT4Gfail
                """);
        assertThat(read(log).skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .startsWith("HdrHistogram log: line 3: the histogram does not decode"));
    }

    @Test
    void wrkOutputCutBeforeTheSummaryIsSkipped(@TempDir Path dir) throws Exception {
        String wrk = Files.readString(Samples.of("http-latency/before/wrk.txt"));
        Path cut = Files.writeString(dir.resolve("wrk.txt"), wrk.substring(0, wrk.indexOf("requests in") - 10));
        assertThat(read(cut).skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .startsWith("wrk: no 'N requests in T' line"));
    }

    @Test
    void incidentYamlTypoIsAnErrorWithTheLine(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("incident.yaml"), """
                symptom: /orders/distinct is slow
                stack: Java 17, JDK HttpServer
                sla: p95 under 500ms
                """);
        assertThat(read(yaml).skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .startsWith("incident.yaml: sla: cannot read the objective 'p95 under 500ms'"));
    }

    @Test
    void incidentYamlIsReadWithItsObjectives() {
        EvidenceSet e = read(Samples.of("http-latency/before/incident.yaml"));
        assertThat(e.incidents()).singleElement().satisfies(i -> {
            assertThat(i.symptom()).contains("/orders/distinct");
            assertThat(i.slas()).extracting(sla -> sla.text()).containsExactly("p95 < 25ms", "p99 < 60ms");
            assertThat(i.slas().get(0).limitMs()).isEqualTo(25);
        });
    }

    @Test
    void gatlingBinaryLogIsRecognisedAndExplained(@TempDir Path dir) throws Exception {
        byte[] head = {0, 0, 0, 0, 6, '3', '.', '1', '3', '.', '1', 1, 2, 3};
        Path bin = Files.write(dir.resolve("simulation.log"), head);
        assertThat(read(bin).skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .contains("binary simulation.log of Gatling 3.13 or later"));
    }
}
