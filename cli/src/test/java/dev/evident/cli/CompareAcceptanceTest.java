package dev.evident.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 6, acceptance 1: the real fix is a significant improvement; the same build twice is not a change. */
class CompareAcceptanceTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void theFixIsASignificantImprovementWithItsInterval() {
        int code = run("compare", Samples.of("dedupe-cli/before").toString(), Samples.of("dedupe-cli/after").toString());
        assertThat(code).isZero();
        String md = out.toString();
        assertThat(md).contains("Verdict: **improved**");
        assertThat(md).containsPattern("\\| hyperfine dedupe n=30000 \\| p50 \\| [\\d.,]+ ms \\| [\\d.,]+ ms \\| -\\d+\\.\\d% \\| "
                + "-\\d+\\.\\d% to -\\d+\\.\\d% \\| <0\\.0001 \\| bootstrap percentile interval, Mann-Whitney U \\| improved \\|");
    }

    @Test
    void theLoadTestsOfTheFixShowTheImprovement() {
        int code = run("compare", Samples.of("http-latency/before").toString(), Samples.of("http-latency/after").toString(),
                "--format", "json");
        assertThat(code).isZero();
        String json = out.toString();
        // the fixed endpoint improved in every tool that measured each request; /health and /missing did not change
        // in code but were requested more often once /orders/distinct got fast, and the headline says both
        assertThat(json).containsPattern("\"headline\": \"(Improved: |Mixed: improved )(HdrHistogram|ab|JMeter) ");
        // ab -g and the HdrHistogram log measured every request: both improved, with intervals
        assertThat(json).containsPattern("\"series\": \"ab ab-requests.tsv.gz\",\\s+\"verdict\": \"improved\"");
        assertThat(json).containsPattern("\"series\": \"HdrHistogram /orders/distinct\",\\s+\"verdict\": \"improved\"");
        assertThat(json).containsPattern("\"series\": \"JMeter GET /orders/distinct\",\\s+\"verdict\": \"improved\"");
        // wrk printed percentiles only: shown, not tested
        assertThat(json).containsPattern("\"series\": \"wrk http://127.0.0.1:18091/orders/distinct\\?n=4000\",\\s+"
                + "\"verdict\": \"no test possible");
    }

    @Test
    void twoRunsOfTheSameBuildAreNoSignificantChange() {
        int code = run("compare", Samples.of("dedupe-cli/after").toString(), Samples.of("dedupe-cli/after-rerun").toString(),
                "--fail-on-regression", "5%");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Verdict: **no significant change**");
    }

    @Test
    void aRegressionBeyondTheGateExitsWithOne(@TempDir Path dir) throws Exception {
        // the fix compared the other way round is a regression of the same size
        int code = run("compare", Samples.of("dedupe-cli/after").toString(), Samples.of("dedupe-cli/before").toString(),
                "--fail-on-regression", "5%", "-o", dir.resolve("cmp.md").toString());
        assertThat(code).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("cmp.md"))).contains("Verdict: **regressed**").contains("fails --fail-on-regression 5.0%");
        assertThat(run("compare", Samples.of("dedupe-cli/after").toString(), Samples.of("dedupe-cli/before").toString()))
                .as("without the gate the comparison itself succeeds").isZero();
    }

    @Test
    void profilesAreComparedPerMethodWithAFlameGraphDataSet() {
        int code = run("compare", Samples.of("contains-in-loop/cpu.collapsed").toString(),
                Samples.of("healthy-baseline/cpu.collapsed").toString(), "--format", "json");
        assertThat(code).isZero();
        String json = out.toString();
        assertThat(json).contains("\"metric\": \"cpu-samples\"").contains("\"flameGraph\": {").contains("\"name\": \"all\"");
        // the method that explains most of the change comes first
        int methods = json.indexOf("\"methods\": [");
        assertThat(json.substring(methods, methods + 120)).contains("\"method\": \"java.lang.String.equals\"");
        assertThat(json.substring(methods, methods + 700)).contains("\"method\": \"java.util.ArrayList.indexOfRange\"");
        assertThat(json).contains("\"status\": \"disappeared\"");
    }

    @Test
    void differentialFlameGraphCarriesNormalizedSharesOfBothSides() throws Exception {
        assertThat(run("compare", Samples.of("contains-in-loop/cpu.collapsed").toString(),
                Samples.of("healthy-baseline/cpu.collapsed").toString(), "--format", "json")).isZero();
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString())
                .path("profiles").get(0).path("flameGraph");
        assertThat(root.path("before").asDouble()).isEqualTo(1.0);
        assertThat(root.path("after").asDouble()).isEqualTo(1.0);
        double childrenBefore = 0;
        for (var child : root.path("children")) {
            childrenBefore += child.path("before").asDouble();
        }
        assertThat(childrenBefore).isLessThanOrEqualTo(1.0 + 1e-9);
        var dedupe = find(root, "workload.dedupe.OrderDeduplicator.distinctCustomerIds");
        assertThat(dedupe).isNotNull();
        assertThat(dedupe.path("before").asDouble()).isGreaterThan(0.8);
        assertThat(dedupe.path("after").asDouble()).isZero();
    }

    private static com.fasterxml.jackson.databind.JsonNode find(com.fasterxml.jackson.databind.JsonNode node, String name) {
        if (node.path("name").asText().equals(name)) {
            return node;
        }
        for (var child : node.path("children")) {
            var hit = find(child, name);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    @Test
    void usageErrors() {
        assertThat(run("compare", "a")).isEqualTo(2);
        assertThat(run("compare", "a", "b", "--noise", "lots")).isEqualTo(2);
    }
}
