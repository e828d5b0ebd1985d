package dev.evident.ingest.latency;

import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.LatencySeries;
import dev.evident.ingest.Ingest;
import dev.evident.ingest.Samples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every latency reader on the output of the real tool (samples/http-latency, samples/dedupe-*), read
 * through format detection as {@code evident analyze} does. The two k6 readers use the hand-made
 * fixtures of samples/k6-handmade (k6 cannot run here).
 */
class LatencyReadersTest {

    private static EvidenceSet read(String sample) {
        return new Ingest().read(List.of(Samples.of(sample)));
    }

    private static LatencySeries only(EvidenceSet e) {
        assertThat(e.skipped()).isEmpty();
        assertThat(e.latencies()).hasSize(1);
        return e.latencies().get(0);
    }

    @Test
    void wrkTextHasThePrintedPercentilesRequestsAndRate() {
        EvidenceSet e = read("http-latency/before/wrk.txt");
        assertThat(e.artifacts().get(0).format()).isEqualTo("wrk");
        LatencySeries s = only(e);
        assertThat(s.label()).isEqualTo("http://127.0.0.1:18091/orders/distinct?n=4000");
        assertThat(s.hasSamples()).isFalse();
        assertThat(s.reported()).extracting(LatencySeries.ReportedPercentile::percentile).containsExactly(50.0, 75.0, 90.0, 99.0, 100.0);
        assertThat(s.count()).isPositive();
        assertThat(s.throughputPerSecond()).isCloseTo(s.count() / s.window().seconds(), within(s.throughputPerSecond() * 0.05));
        assertThat(s.percentileMs(50)).isLessThan(s.percentileMs(99));
    }

    @Test
    void abTextTableAndCounts() {
        LatencySeries s = only(read("http-latency/before/ab.txt"));
        assertThat(s.tool()).isEqualTo("ab");
        assertThat(s.label()).isEqualTo("http://127.0.0.1:18091/orders/distinct?n=4000");
        assertThat(s.count()).isEqualTo(1500);
        assertThat(s.reported()).extracting(LatencySeries.ReportedPercentile::percentile)
                .containsExactly(50.0, 66.0, 75.0, 80.0, 90.0, 95.0, 98.0, 99.0, 100.0);
        assertThat(s.meanMs()).isPositive();
    }

    @Test
    void abPercentileCsvHas101Rows() {
        LatencySeries s = only(read("http-latency/before/ab-percentiles.csv"));
        assertThat(s.reported()).hasSize(101);
        assertThat(s.reported().get(0).percentile()).isZero();
        assertThat(s.percentileMs(100)).isGreaterThanOrEqualTo(s.percentileMs(50));
    }

    @Test
    void abRequestTsvKeepsEveryRequestAndAgreesWithAbsOwnTable() {
        EvidenceSet e = read("http-latency/before/ab-requests.tsv.gz");
        assertThat(e.artifacts().get(0).format()).isEqualTo("ab-requests+gzip");
        LatencySeries s = only(e);
        assertThat(s.count()).isEqualTo(1500);
        assertThat(s.distribution().exact()).isTrue();
        assertThat(s.distribution().total()).isEqualTo(1500);
        // the same run's stdout table: ab rounds its per-request times to whole milliseconds in both
        LatencySeries printed = only(read("http-latency/before/ab.txt"));
        assertThat(s.percentileMs(50)).isCloseTo(printed.percentileMs(50), within(1.0));
        assertThat(s.percentileMs(100)).isEqualTo(printed.percentileMs(100));
    }

    @Test
    void jmeterJtlOneSeriesPerLabelWithErrors() {
        EvidenceSet e = read("http-latency/before/jmeter.jtl.gz");
        assertThat(e.skipped()).isEmpty();
        assertThat(e.latencies()).extracting(LatencySeries::label)
                .containsExactly("GET /health", "GET /missing", "GET /orders/distinct");
        LatencySeries missing = e.latencies().get(1);
        assertThat(missing.errors()).isEqualTo(missing.count()).isPositive(); // every /missing is a 404
        LatencySeries distinct = e.latencies().get(2);
        assertThat(distinct.errors()).isZero();
        assertThat(distinct.distribution().total()).isEqualTo(distinct.count());
        assertThat(distinct.window().seconds()).isBetween(5.0, 30.0);
    }

    @Test
    void gatlingTextLogOneSeriesPerRequestNameWithKoAsErrors() {
        EvidenceSet e = read("http-latency/before/gatling-simulation.log");
        assertThat(e.artifacts().get(0).producer()).isEqualTo("Gatling 3.11.5");
        assertThat(e.latencies()).extracting(LatencySeries::label).containsExactly("distinct", "health", "missing");
        assertThat(e.latencies()).allSatisfy(s -> assertThat(s.count()).isEqualTo(300));
        assertThat(e.latencies().get(2).errors()).isEqualTo(300);
        assertThat(e.latencies().get(0).errors()).isZero();
    }

    @Test
    void hdrHistogramLogIsDecodedWithTheUnitFromTheMaxColumn() {
        EvidenceSet e = read("http-latency/before/latency.hlog");
        LatencySeries s = only(e);
        assertThat(s.label()).isEqualTo("/orders/distinct");
        assertThat(s.distribution().exact()).isFalse();
        assertThat(s.distribution().total()).isEqualTo(s.count());
        // the same service measured by ab -g (no keep-alive): the same order of magnitude in ms
        double abMedian = only(read("http-latency/before/ab-requests.tsv.gz")).percentileMs(50);
        assertThat(s.percentileMs(50)).isBetween(abMedian / 10, abMedian * 10);
    }

    @Test
    void hyperfineJsonRunsAreSamplesInMilliseconds() {
        LatencySeries s = only(read("dedupe-cli/before/hyperfine-01.json"));
        assertThat(s.tool()).isEqualTo("hyperfine");
        assertThat(s.label()).isEqualTo("dedupe n=30000");
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.distribution().total()).isEqualTo(3);
        assertThat(s.parameters()).isEmpty();
        assertThat(s.percentileMs(50)).isBetween(50.0, 5000.0);
    }

    @Test
    void jmhJsonOneSeriesPerBenchmarkAndSizeWithTheParameter() {
        EvidenceSet e = read("dedupe-scale/jmh.json");
        assertThat(e.latencies()).hasSize(14);
        assertThat(e.latencies()).extracting(LatencySeries::label).containsOnly("DedupeBenchmark.scanSeen",
                "DedupeBenchmark.sortThenScan");
        assertThat(e.latencies()).extracting(s -> s.parameters().get("n")).contains("1000", "64000");
        assertThat(e.latencies()).allSatisfy(s -> assertThat(s.count()).isEqualTo(10)); // 2 forks x 5 iterations
    }

    @Test
    void plainCsvFromCurlWithSecondsColumnAndEpochTimestamps() {
        EvidenceSet e = read("http-latency/before/curl-latencies.csv");
        assertThat(e.artifacts().get(0).format()).isEqualTo("latency-csv");
        assertThat(e.artifacts().get(0).warnings()).isEmpty(); // latency_s names its unit
        assertThat(e.latencies()).extracting(LatencySeries::label)
                .containsExactly("/health", "/missing", "/orders/distinct?n=4000");
        assertThat(e.latencies()).allSatisfy(s -> assertThat(s.count()).isEqualTo(100));
        assertThat(e.latencies().get(1).errors()).isEqualTo(100); // status 404
        assertThat(e.latencies().get(0).errors()).isZero();
        LatencySeries distinct = e.latencies().get(2);
        // curl's time_total is in seconds: the O(n²) endpoint takes milliseconds, not thousands of them
        assertThat(distinct.percentileMs(50)).isBetween(1.0, 1000.0);
        assertThat(distinct.percentileMs(50)).isGreaterThan(e.latencies().get(0).percentileMs(50));
        assertThat(distinct.window().seconds()).isPositive();
    }

    @Test
    void k6SummaryExportHandMade() {
        LatencySeries all = read("k6-handmade/summary-export.json").latencies().get(0);
        assertThat(all.label()).isEqualTo("all requests");
        assertThat(all.count()).isEqualTo(1200);
        assertThat(all.errors()).isEqualTo(6);
        assertThat(all.percentileMs(95)).isEqualTo(71.6);
        assertThat(all.meanMs()).isEqualTo(24.71);
    }

    @Test
    void k6JsonLinesHandMade() {
        EvidenceSet e = read("k6-handmade/out.json");
        assertThat(e.latencies()).extracting(LatencySeries::label).containsExactly("http://127.0.0.1:18091/health",
                "http://127.0.0.1:18091/missing", "http://127.0.0.1:18091/orders/distinct?n=4000");
        LatencySeries distinct = e.latencies().get(2);
        assertThat(distinct.count()).isEqualTo(3);
        assertThat(distinct.distribution().valuesMs()).containsExactly(11.0, 12.5, 14.25);
        assertThat(distinct.window().durationNanos()).isEqualTo(1_398_766_000L);
        assertThat(e.latencies().get(1).errors()).isEqualTo(1);
    }

    @Test
    void wrkKeepsEveryLatencyItsDoneHookPrinted() {
        LatencySeries wrk = only(read("dashboard-incident/wrk.txt"));
        assertThat(wrk.hasSamples()).isTrue();
        assertThat(wrk.distribution().exact()).isTrue();
        long recorded = java.util.Arrays.stream(wrk.distribution().counts()).sum();
        assertThat(recorded).isBetween(179L, 181L);
        // wrk printed p50 224.01 ms; the recorded latencies give the same median to a millisecond
        assertThat(wrk.percentileMs(50)).isCloseTo(224.0, within(1.0));
    }

    @Test
    void aWrkLatencyBlockThatDoesNotMatchTheSummaryIsRejected(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // hand-made edge case: the real report with its latency block repeated, as if two runs' output were concatenated
        String text = java.nio.file.Files.readString(Samples.of("dashboard-incident/wrk.txt"));
        String block = text.substring(text.indexOf("Latency samples (us,count):") + "Latency samples (us,count):\n".length());
        java.nio.file.Path doubled = dir.resolve("wrk.txt");
        java.nio.file.Files.writeString(doubled, text + block);
        EvidenceSet e = new Ingest().read(List.of(doubled));
        assertThat(e.latencies()).isEmpty();
        assertThat(e.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .contains("latencies but the summary reports 179 requests"));
    }
}
