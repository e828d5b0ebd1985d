package dev.evident.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import dev.evident.llm.fake.Answers;
import dev.evident.llm.fake.FakeModelServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, acceptance 3: the JSON report conforms to {@code docs/report-schema.json}. Every directory under
 * {@code samples/} is analyzed as a user would ({@code evident analyze DIR --format json}), and so are the four
 * outcomes of the model-written narrative; each report must validate. Negative cases show the check can fail,
 * and a coverage check shows the samples reach every member the schema declares.
 */
class ReportSchemaTest {
    private static final Schema SCHEMA = JsonSchemas.load("report-schema.json");
    private static final Path SAMPLES = Samples.of("README.md").getParent();

    /** The members the renderer writes only under a condition; every other member is always written. */
    private static final Set<String> OPTIONAL = Set.of(
            "/narrative",                      // only when a model was configured
            "/findings/*/impact",              // only when the finding states a fraction
            "/latency/baselines/*/histogram",  // only when every request was measured
            "/artifacts/*/start",              // only when the artifact carries timestamps
            "/artifacts/*/durationSeconds");

    /** One {@code evident analyze} run: its exit code, the report it printed, and its standard error. */
    private record Run(String name, int exitCode, JsonNode report, String err) {
        boolean accepted() {
            return exitCode == ExitCodes.OK;
        }
    }

    /** Every run of this class, by name, in the order they were made. */
    private static final Map<String, Run> RUNS = new LinkedHashMap<>();

    static List<Path> sampleDirectories() throws IOException {
        try (Stream<Path> children = Files.list(SAMPLES)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    @BeforeAll
    static void analyzeEverySampleAndEveryNarrativeOutcome() throws IOException {
        for (Path dir : sampleDirectories()) {
            analyze(dir.getFileName().toString(), dir.toString());
        }
        // no digests: sha256 is null
        analyze("contains-in-loop/cpu.collapsed --digest none", Samples.of("contains-in-loop/cpu.collapsed").toString(),
                "--digest", "none");
        // objectives given on the command line, on top of the incident file's: one breached, one met, and one whose
        // excess is not a number (a limit of 0), which the writer prints as null
        analyze("http-latency/before --sla", Samples.of("http-latency/before").toString(), "--sla", "p95<1ms",
                "--sla", "mean<5s", "--sla", "max<0ms");

        Path sample = Samples.of("contains-in-loop");
        String faithful = LlmAnalyzeCommandTest.faithful(Diagnose.report(sample));
        String invented = Answers.diagnosis().hypothesis("cpu", "high", "CPU-bound.", "F1")
                .say("impact", "A HashSet makes it 12x faster, saving 4.2 s per batch.", "F1").json();
        narrated("narrative verified", sample, server -> server.answer(faithful));
        narrated("narrative rejected", sample, server -> server.answer(invented).answer(invented));
        narrated("narrative declined", sample, server -> server.answer(Answers.diagnosis().insufficient().json()));
        narrated("narrative unavailable", sample, FakeModelServer::close);
    }

    private static void narrated(String name, Path sample, Consumer<FakeModelServer> script) {
        try (FakeModelServer server = FakeModelServer.openAi()) {
            script.accept(server);
            analyze(name, sample.toString(), "--llm", "openai", "--llm-base-url", server.baseUrl(),
                    "--llm-retries", "0");
        }
    }

    private static void analyze(String name, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> command = new ArrayList<>(List.of("analyze", "--format", "json"));
        command.addAll(List.of(args));
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                new ByteArrayInputStream(new byte[0]), command.toArray(String[]::new));
        boolean written = code == ExitCodes.OK || code == ExitCodes.NO_READABLE_ARTIFACT;
        JsonNode report = written ? JsonSchemas.parse(out.toString()) : null;
        RUNS.put(name, new Run(name, code, report, err.toString()));
    }

    private static JsonNode report(String name) {
        Run run = RUNS.get(name);
        assertThat(run).as("run " + name).isNotNull();
        assertThat(run.exitCode()).as("exit code of " + name + "; stderr: " + run.err()).isZero();
        return run.report();
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() {
        JsonNode schema = JsonSchemas.read(JsonSchemas.file("report-schema.json"));
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(JsonSchemas.violations(JsonSchemas.META_SCHEMA, schema)).isEmpty();

        // the meta-schema check is real: a misspelt type is refused
        ObjectNode broken = schema.deepCopy();
        ((ObjectNode) broken.get("properties").get("tool")).put("type", "text");
        assertThat(JsonSchemas.violations(JsonSchemas.META_SCHEMA, broken)).isNotEmpty();
    }

    @Test
    void everyObjectIsClosedAndOnlyConditionalMembersAreOptional() {
        JsonNode schema = JsonSchemas.read(JsonSchemas.file("report-schema.json"));
        Set<String> open = new TreeSet<>();
        Set<String> optional = new TreeSet<>();
        walk(schema, schema, "", (path, node) -> {
            if (!node.has("properties")) {
                return;
            }
            if (!node.path("additionalProperties").isBoolean() || node.path("additionalProperties").asBoolean()) {
                open.add(path.isEmpty() ? "/" : path);
            }
            Set<String> required = new TreeSet<>();
            node.path("required").forEach(r -> required.add(r.asText()));
            node.get("properties").fieldNames().forEachRemaining(name -> {
                if (!required.contains(name)) {
                    optional.add(path + "/" + name);
                }
            });
            for (String name : required) {
                assertThat(node.get("properties").has(name)).as(path + "/" + name + " is required and declared").isTrue();
            }
        });
        assertThat(open).as("objects that accept unknown members").isEmpty();
        assertThat(optional).containsExactlyInAnyOrderElementsOf(OPTIONAL);
    }

    @Test
    void samplesAreDiscoveredNotListed() throws IOException {
        List<String> names = sampleDirectories().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).contains("contains-in-loop", "http-latency", "postgres-dashboard", "go-regexp-per-call",
                "node-sync-crypto", "k6-handmade");
        // only the programs and scripts that produced the samples hold no artifact; a new sample directory that
        // evident cannot read fails here instead of going unchecked
        List<String> refused = RUNS.values().stream().filter(r -> names.contains(r.name())).filter(r -> !r.accepted())
                .map(Run::name).toList();
        assertThat(refused).isSubsetOf("workloads", "scripts");
        assertThat(RUNS.keySet()).containsAll(names);
    }

    @TestFactory
    Stream<DynamicTest> everyReportConformsToTheSchema() {
        return RUNS.values().stream().map(run -> DynamicTest.dynamicTest(
                run.name() + (run.accepted() ? "" : " (no readable artifact)"), () -> {
                    assertThat(run.exitCode()).as("exit code; stderr: " + run.err())
                            .isIn(ExitCodes.OK, ExitCodes.NO_READABLE_ARTIFACT);
                    assertThat(JsonSchemas.violations(SCHEMA, run.report())).as(run.name()).isEmpty();
                    if (run.accepted()) {
                        assertThat(run.report().get("artifacts")).as("artifacts read").isNotEmpty();
                    } else {
                        assertThat(run.report().get("artifacts")).isEmpty();
                        assertThat(run.report().get("skipped")).as("each input is listed with its reason").isNotEmpty();
                    }
                }));
    }

    @Test
    void theReportsReachEveryMemberTheSchemaDeclares() {
        JsonNode schema = JsonSchemas.read(JsonSchemas.file("report-schema.json"));
        Set<String> declared = new TreeSet<>();
        walk(schema, schema, "", (path, node) -> {
            if (node.has("properties")) {
                node.get("properties").fieldNames().forEachRemaining(name -> declared.add(path + "/" + name));
            }
        });
        Set<String> seen = new TreeSet<>();
        for (Run run : RUNS.values()) {
            if (run.report() != null) {
                seen(run.report(), "", seen);
            }
        }
        Set<String> seenPaths = new TreeSet<>();
        seen.forEach(s -> seenPaths.add(s.substring(0, s.lastIndexOf(':'))));
        assertThat(seenPaths).as("members written by some report").containsAll(declared);

        // both sides of the members that are an object or null, and of the conditional members
        assertThat(seen).contains(
                "/bound/bound:string", "/bound/bound:null",
                "/plan/hypothesis/bound:string", "/plan/hypothesis/bound:null",
                "/plan/items/*/gain:object", "/plan/items/*/gain:null", "/plan/items/*/overlaps/*:string",
                "/findings/*/example:string", "/findings/*/example:null",
                "/findings/*/remedy:string", "/findings/*/remedy:null",
                "/plan/items/*/code:string", "/plan/items/*/code:null",
                "/artifacts/*/sha256:string", "/artifacts/*/sha256:null",
                "/latency/baselines/*/p95CiLowMs:number", "/latency/baselines/*/p95CiLowMs:null",
                "/latency/slaChecks/*/breached:true", "/latency/slaChecks/*/breached:false",
                "/latency/slaChecks/*/excessPercent:number", "/latency/slaChecks/*/excessPercent:null",
                "/evidence/*/values/*/value:number", "/evidence/*/values/*/value:null",
                "/latency/baselines/*/histogram:object", "/findings/*/impact:object", "/artifacts/*/start:string",
                "/narrative/status:verified", "/narrative/status:rejected", "/narrative/status:declined",
                "/narrative/status:unavailable");
    }

    /** What the schema cannot say: every id a report cites names an item of the same report. */
    @Test
    void everyCitedIdIsInTheReport() {
        int citations = 0;
        for (Run run : RUNS.values()) {
            JsonNode r = run.report();
            if (r == null) {
                continue;
            }
            Set<String> evidence = ids(r.get("evidence"));
            Set<String> findings = ids(r.get("findings"));
            Set<String> items = ids(r.at("/plan/items"));
            List<String> cited = new ArrayList<>();
            r.get("findings").forEach(f -> f.get("evidence").forEach(id -> cited.add(id.asText())));
            r.at("/bound/shares").forEach(s -> cited.add(s.get("evidence").asText()));
            r.at("/latency/slaChecks").forEach(c -> cited.add(c.get("evidence").asText()));
            r.at("/latency/baselines").forEach(b -> cited.add(b.get("evidence").asText()));
            r.at("/plan/items").forEach(i -> i.path("gain").path("evidence").forEach(id -> cited.add(id.asText())));
            List<String> addressed = new ArrayList<>();
            r.at("/plan/items").forEach(i -> i.get("findings").forEach(id -> addressed.add(id.asText())));
            // a verified narrative cites E and F ids of the report (and ids of the evidence pack, not checked here)
            r.at("/narrative/sections").forEach(s -> s.get("claims").forEach(c -> c.get("evidence").forEach(id -> {
                if (id.asText().startsWith("E")) {
                    cited.add(id.asText());
                } else if (id.asText().startsWith("F")) {
                    addressed.add(id.asText());
                }
            })));
            assertThat(evidence).as(run.name() + ": evidence ids cited").containsAll(cited);
            assertThat(evidence).as(run.name() + ": E1..En in order")
                    .containsExactlyElementsOf(numbered("E", evidence.size()));
            assertThat(findings).as(run.name() + ": F1..Fn in order")
                    .containsExactlyElementsOf(numbered("F", findings.size()));
            assertThat(items).as(run.name() + ": P1..Pn in order").containsExactlyElementsOf(numbered("P", items.size()));
            assertThat(findings).as(run.name() + ": finding ids cited").containsAll(addressed);
            List<String> itemIds = new ArrayList<>(); // quick wins and overlaps
            r.at("/plan/quickWins").forEach(id -> itemIds.add(id.asText()));
            r.at("/plan/items").forEach(i -> i.get("overlaps").forEach(id -> {
                assertThat(id.asText()).as(run.name() + ": an item does not overlap itself").isNotEqualTo(i.get("id").asText());
                itemIds.add(id.asText());
            }));
            assertThat(items).as(run.name() + ": item ids cited").containsAll(itemIds);
            citations += cited.size() + addressed.size() + itemIds.size();
        }
        assertThat(citations).as("citations checked").isGreaterThan(100);
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> ids = new LinkedHashSet<>();
        list.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<String> numbered(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
    }

    // --- the check can fail -------------------------------------------------------------------------------------

    private static ObjectNode realReport() {
        JsonNode report = report("contains-in-loop");
        assertThat(JsonSchemas.violations(SCHEMA, report)).isEmpty();
        assertThat(report.get("findings")).isNotEmpty();
        assertThat(report.at("/plan/items")).isNotEmpty();
        return report.deepCopy();
    }

    @Test
    void anUnknownMemberIsRejectedAtAnyDepth() {
        ObjectNode top = realReport();
        top.put("generatedAt", "2025-01-01T00:00:00Z");
        assertThat(JsonSchemas.violations(SCHEMA, top)).singleElement().asString()
                .startsWith("(root): ").contains("generatedAt").contains("not defined in the schema");

        ObjectNode nested = realReport();
        ((ObjectNode) nested.at("/plan/items/0")).put("owner", "team-a");
        assertThat(JsonSchemas.violations(SCHEMA, nested)).singleElement().asString()
                .startsWith("/plan/items/0: ").contains("owner");

        ObjectNode inEvidenceValue = realReport();
        ((ObjectNode) inEvidenceValue.at("/evidence/0/values/0")).put("precision", 3);
        assertThat(JsonSchemas.violations(SCHEMA, inEvidenceValue)).singleElement().asString()
                .startsWith("/evidence/0/values/0: ").contains("precision");
    }

    @Test
    void aMissingRequiredMemberIsRejected() {
        ObjectNode report = realReport();
        ((ObjectNode) report.at("/findings/0")).remove("confidence");
        assertThat(JsonSchemas.violations(SCHEMA, report)).singleElement().asString()
                .startsWith("/findings/0: ").contains("required property 'confidence' not found");

        ObjectNode noPlan = realReport();
        noPlan.remove("plan");
        assertThat(JsonSchemas.violations(SCHEMA, noPlan)).singleElement().asString()
                .startsWith("(root): ").contains("required property 'plan' not found");

        // a member that may be null must still be written: null is not the same as absent
        ObjectNode noGain = realReport();
        ((ObjectNode) noGain.at("/plan/items/0")).remove("gain");
        assertThat(JsonSchemas.violations(SCHEMA, noGain)).singleElement().asString()
                .startsWith("/plan/items/0: ").contains("required property 'gain' not found");

        // an empty list is written, not left out
        ObjectNode noOverlaps = realReport();
        assertThat(noOverlaps.at("/plan/items/0/overlaps").isArray()).isTrue();
        ((ObjectNode) noOverlaps.at("/plan/items/0")).remove("overlaps");
        assertThat(JsonSchemas.violations(SCHEMA, noOverlaps)).singleElement().asString()
                .startsWith("/plan/items/0: ").contains("required property 'overlaps' not found");
    }

    @Test
    void aValueOutsideItsEnumerationIsRejected() {
        ObjectNode level = realReport();
        ((ObjectNode) level.at("/findings/0/confidence")).put("level", "certain");
        assertThat(JsonSchemas.violations(SCHEMA, level)).singleElement().asString()
                .startsWith("/findings/0/confidence/level: ")
                .contains("enumeration").contains("[\"high\", \"medium\", \"low\"]");

        ObjectNode category = realReport();
        ((ObjectNode) category.at("/findings/0")).put("category", "network");
        assertThat(JsonSchemas.violations(SCHEMA, category)).singleElement().asString()
                .startsWith("/findings/0/category: ").contains("enumeration");

        ObjectNode bound = realReport();
        ((ObjectNode) bound.at("/bound/shares/0")).put("bound", "disk-bound");
        assertThat(JsonSchemas.violations(SCHEMA, bound)).singleElement().asString()
                .startsWith("/bound/shares/0/bound: ").contains("enumeration");
    }

    @Test
    void wrongTypesAndBrokenIdsAreRejected() {
        ObjectNode score = realReport();
        ((ObjectNode) score.at("/findings/0")).put("score", "92");
        assertThat(JsonSchemas.violations(SCHEMA, score)).singleElement().asString()
                .startsWith("/findings/0/score: ").contains("string").contains("integer");

        ObjectNode overlap = realReport();
        ((ObjectNode) overlap.at("/plan/items/0")).putArray("overlaps").add("F1");
        assertThat(JsonSchemas.violations(SCHEMA, overlap)).as("overlaps name plan items, not findings")
                .singleElement().asString().startsWith("/plan/items/0/overlaps/0: ").contains("pattern");

        ObjectNode citation = realReport();
        ((ArrayNode) citation.at("/findings/0/evidence")).set(0, "E0");
        assertThat(JsonSchemas.violations(SCHEMA, citation)).singleElement().asString()
                .startsWith("/findings/0/evidence/0: ").contains("pattern");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** Visits every subschema that describes a member, with its report path ({@code *} for array elements). */
    private static void walk(JsonNode root, JsonNode node, String path, BiConsumer<String, JsonNode> visit) {
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            assertThat(ref).startsWith("#/");
            walk(root, root.at(ref.substring(1)), path, visit);
        }
        visit.accept(path, node);
        if (node.has("properties")) {
            node.get("properties").fields().forEachRemaining(e -> walk(root, e.getValue(), path + "/" + e.getKey(), visit));
        }
        if (node.has("items")) {
            walk(root, node.get("items"), path + "/*", visit);
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            node.path(combinator).forEach(branch -> walk(root, branch, path, visit));
        }
    }

    /**
     * Records "path:type" for every member of a report; for strings of a closed set (the narrative's status)
     * and booleans, the value itself stands for the type.
     */
    private static void seen(JsonNode node, String path, Set<String> out) {
        if (node.isObject()) {
            if (!path.isEmpty()) {
                out.add(path + ":object");
            }
            node.fields().forEachRemaining(e -> seen(e.getValue(), path + "/" + e.getKey(), out));
        } else if (node.isArray()) {
            out.add(path + ":array");
            node.forEach(element -> seen(element, path + "/*", out));
        } else if (node.isNull()) {
            out.add(path + ":null");
        } else if (node.isBoolean()) {
            out.add(path + ":" + node.asBoolean());
        } else if (node.isNumber()) {
            out.add(path + ":number");
        } else {
            out.add(path + ":string");
            if (path.equals("/narrative/status")) {
                out.add(path + ":" + node.asText());
            }
        }
    }
}
