package dev.evident.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 6, acceptance 2: k ≈ 2 for the O(n²) series, k ≈ 1 for the O(n log n) one, and the method named. */
class ScaleAcceptanceTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static double number(String json, String after, String field) {
        int at = json.indexOf(after);
        assertThat(at).as(after).isNotNegative();
        int f = json.indexOf("\"" + field + "\": ", at);
        String rest = json.substring(f + field.length() + 4);
        return Double.parseDouble(rest.substring(0, rest.indexOf(',')).strip());
    }

    @Test
    void jmhSeriesQuadraticAndLinearithmic() {
        assertThat(run("scale", Samples.of("dedupe-scale/jmh.json").toString(), "--format", "json", "--at", "128000")).isZero();
        String json = out.toString();
        String quadratic = "\"subject\": \"JMH DedupeBenchmark.scanSeen\"";
        assertThat(number(json, quadratic, "kCiLow")).isLessThanOrEqualTo(2.0);
        assertThat(number(json, quadratic, "kCiHigh")).isGreaterThanOrEqualTo(2.0);
        assertThat(json.substring(json.indexOf(quadratic))).contains("\"complexity\": \"O(n²)\"");
        String sorted = "\"subject\": \"JMH DedupeBenchmark.sortThenScan\"";
        double k = number(json, sorted, "k");
        assertThat(k).isBetween(0.85, 1.35);
        String sortedFit = json.substring(json.indexOf(sorted));
        assertThat(sortedFit.substring(0, sortedFit.indexOf("\"complexity\"") + 40)).containsPattern("\"complexity\": \"O\\(n( log n)?\\)\"");
        assertThat(json).contains("\"extrapolation\": {");
    }

    @Test
    void profilesNameTheMethodWhoseCostGrowsFastest() {
        assertThat(run("scale", Samples.of("dedupe-scale/profiles").toString())).isZero();
        assertThat(out.toString()).contains("Fastest-growing application method: **workload.scale.ImportPipeline.distinctCustomers**");
        out.getBuffer().setLength(0);
        assertThat(run("scale", Samples.of("dedupe-scale/profiles").toString(), "--format", "json")).isZero();
        String json = out.toString();
        assertThat(json).contains("\"fastestMethod\": \"workload.scale.ImportPipeline.distinctCustomers\"");
        String method = "\"subject\": \"workload.scale.ImportPipeline.distinctCustomers\"";
        assertThat(number(json, method, "kCiLow")).isLessThanOrEqualTo(2.0);
        assertThat(number(json, method, "kCiHigh")).isGreaterThanOrEqualTo(2.0);
        // the O(n log n) sort of the same pipeline grows visibly slower
        assertThat(number(json, "\"subject\": \"workload.scale.ImportPipeline.sortByAmount\"", "k")).isLessThan(1.6);
    }

    @Test
    void hyperfineParameterScanIsOneSeriesWithTheSizesFromItsParameter() {
        assertThat(run("scale", Samples.of("dedupe-scale/hyperfine-scan.json").toString())).isZero();
        // JVM start-up is part of every run, so the O(n²) work shows a flatter slope than the in-process benchmark
        assertThat(out.toString()).containsPattern("\\| hyperfine java -cp classes workload\\.scale\\.DedupeCli list \\{n\\} "
                + "\\| 10,000 … 40,000 \\(4\\) \\| [\\d.,]+ → [\\d.,]+ ms \\(fastest run\\) \\| \\d\\.\\d\\d \\|");
    }

    @Test
    void sizesComeFromFileNames() {
        assertThat(ScaleCommand.sizeFromName("cpu-n=4000.collapsed")).isEqualTo(4000);
        assertThat(ScaleCommand.sizeFromName("run_n=64k.json")).isEqualTo(64000);
        assertThat(ScaleCommand.sizeFromName("plain.json")).isNaN();
    }
}
