package dev.evident.cli;

import dev.evident.core.report.Report;
import dev.evident.llm.fake.Answers;
import dev.evident.llm.fake.FakeModelServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8 acceptance, part 2: {@code evident analyze <sample> --llm openai --llm-base-url <server>} against an
 * in-process server speaking OpenAI's chat-completions protocol.
 */
class LlmAnalyzeCommandTest {
    private static final Path SAMPLE = Samples.of("contains-in-loop");
    private static final Report REPORT = Diagnose.report(SAMPLE);
    private static final String KEY = "sk-cli-test-9876543210zyxwvu";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final FakeModelServer server = FakeModelServer.openAi();

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(Map<String, String> env, String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), env, new ByteArrayInputStream(new byte[0]),
                args);
    }

    /** F1's headline share, as a faithful model quotes it. */
    static String share(Report report) {
        Matcher m = Pattern.compile("(\\d+\\.\\d)%").matcher(report.findings().get(0).title());
        assertThat(m.find()).isTrue();
        return m.group(1) + "%";
    }

    static String faithful(Report report) {
        String share = share(report);
        String boundEvidence = report.bound().shares().get(0).evidence().id();
        return Answers.diagnosis()
                .hypothesis("cpu", "high", "The de-duplication is CPU-bound: a linear list search takes " + share
                        + " of CPU samples.", "F1", boundEvidence)
                .say("bottleneck", "OrderDeduplicator.distinctCustomerIds calls ArrayList.contains for every order, "
                        + "which is " + share + " of CPU samples.", "F1")
                .say("impact", "Replacing the list lookup addresses the " + share + " of CPU samples it takes.", "F1")
                .plan("Use a LinkedHashSet", "Keep the seen ids in a LinkedHashSet so each check is one hash probe.", "F1")
                .say("validation", "Record a CPU profile again and check that ArrayList.contains no longer dominates.",
                        "F1")
                .json();
    }

    @Test
    void analyzeWithAModelProducesAVerifiedNarrative() {
        server.answer(faithful(REPORT));
        int code = run(Map.of(), "analyze", SAMPLE.toString(), "--llm", "openai", "--llm-base-url", server.baseUrl());

        assertThat(code).isZero();
        String report = out.toString();
        assertThat(report).startsWith("# evident diagnosis")
                .contains("## Narrative (model-written, verified by evident)")
                .contains("evident checked every evidence id and every number below against the evidence before showing it.")
                .contains("Model: openai gpt-4.1-mini at " + server.baseUrl() + ".")
                .contains("### Root-cause hypothesis (bound cpu, high confidence)")
                .contains("- OrderDeduplicator.distinctCustomerIds calls ArrayList.contains for every order, which is "
                        + share(REPORT) + " of CPU samples. [F1]")
                .contains("### Implementation plan\n\n- Use a LinkedHashSet: Keep the seen ids")
                .contains("## Findings").contains("## Evidence");
        assertThat(report.indexOf("## Narrative")).isLessThan(report.indexOf("## Findings"));
        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0).header("Authorization")).as("keyless local server").isNull();
        assertThat(server.requests().get(0).promptText()).contains(REPORT.findings().get(0).title());
        assertThat(err.toString()).contains("evident: asking openai gpt-4.1-mini at " + server.baseUrl())
                .contains("evident: the model's narrative passed the evidence check");
    }

    @Test
    void theFlagshipIncidentGetsAVerifiedNarrative() {
        Path flagship = Samples.of("dashboard-incident");
        Report report = Diagnose.report(flagship);
        String nPlusOne = report.findings().get(0).title();
        Matcher repeats = Pattern.compile("runs (\\d+\\.\\d) times").matcher(nPlusOne);
        assertThat(repeats.find()).as(nPlusOne).isTrue();
        String boundEvidence = report.bound().shares().get(0).evidence().id();
        String index = report.findings().stream().filter(f -> f.key().startsWith("seq-scan-index|")).findFirst()
                .orElseThrow().id();
        server.answer(Answers.diagnosis()
                .hypothesis("database", "high", "The dashboard waits on the database: one query per order runs "
                        + repeats.group(1) + " times per session.", "F1", boundEvidence)
                .say("bottleneck", "The order lines are loaded one order at a time, " + repeats.group(1) + " times per session.",
                        "F1")
                .plan("Add the missing index", "Index page_views on customer_id, so the activity count stops scanning "
                        + "the table.", index)
                .plan("Batch the order lines", "Load the lines of all orders in one query with order_id = any(?).", "F1")
                .json());
        int code = run(Map.of(), "analyze", flagship.toString(), "--llm", "openai", "--llm-base-url", server.baseUrl());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("## Narrative (model-written, verified by evident)")
                .contains("### Root-cause hypothesis (bound database, high confidence)")
                .contains("- Add the missing index: Index page_views on customer_id");
        assertThat(server.requests().get(0).promptText()).contains("runs " + repeats.group(1) + " times per session");
    }

    @Test
    void theJsonReportMarksTheNarrativeAsModelWrittenAndVerified() throws Exception {
        server.answer(faithful(REPORT));
        int code = run(Map.of("EVIDENT_LLM", "openai", "EVIDENT_LLM_BASE_URL", server.baseUrl()),
                "analyze", SAMPLE.toString(), "--format", "json");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"narrative\": {\n    \"status\": \"verified\",\n    \"modelWritten\": true,")
                .contains("\"verified\": true");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void withoutConfigurationNoModelIsAskedAndTheReportIsUnchanged() {
        assertThat(run(Map.of(), "analyze", SAMPLE.toString())).isZero();
        String plain = out.toString();
        assertThat(plain).doesNotContain("Narrative");
        out.getBuffer().setLength(0);
        assertThat(run(Map.of("EVIDENT_LLM", "openai", "EVIDENT_LLM_BASE_URL", server.baseUrl()),
                "analyze", SAMPLE.toString(), "--llm", "none")).isZero();
        assertThat(out.toString()).isEqualTo(plain);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aRejectedNarrativeLeavesTheDeterministicReportAndListsTheUnsupportedClaims() {
        String invented = Answers.diagnosis().hypothesis("cpu", "high", "CPU-bound.", "F1")
                .say("impact", "A HashSet makes it 12x faster, saving 4.2 s per batch.", "F1").json();
        server.answer(invented).answer(invented);
        assertThat(run(Map.of(), "analyze", SAMPLE.toString(), "--llm", "openai", "--llm-base-url", server.baseUrl()))
                .isZero();
        assertThat(out.toString()).contains("## Narrative (model-written): rejected, not shown")
                .contains("Unsupported claims of the model (not shown as fact):")
                .contains("- \"impact 1: A HashSet makes it 12x faster, saving 4.2 s per batch.\" [F1] — the number '12x' "
                        + "matches no number in F1 (within rounding); the number '4.2 s' matches no number in F1 (within rounding)")
                .doesNotContain("### Bottleneck")
                .contains("## Findings");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void anUnreachableServerStillGivesTheWholeReport() {
        server.close();
        assertThat(run(Map.of(), "analyze", SAMPLE.toString(), "--llm", "openai", "--llm-base-url", server.baseUrl(),
                "--llm-retries", "0")).isZero();
        assertThat(out.toString()).contains("## Narrative (model-written): not available")
                .contains("No narrative: cannot connect to " + server.baseUrl())
                .contains("## Findings").contains("## Evidence").contains("## Artifacts");
    }

    @Test
    void showPromptPrintsTheExactRequestAndSendsNothing(@TempDir Path dir) throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key"), KEY + "\n");
        int code = run(Map.of(), "analyze", SAMPLE.toString(), "--llm", "openai", "--llm-base-url", server.baseUrl(),
                "--llm-key-file", keyFile.toString(), "--show-prompt", "--symptom", "nightly dedupe takes 40 minutes");
        assertThat(code).isZero();
        assertThat(server.requests()).isEmpty();
        String shown = out.toString();
        assertThat(shown).startsWith("POST " + server.baseUrl() + "/chat/completions\n")
                .contains("Authorization: (the key from the file " + keyFile + "; not shown)")
                .contains("\"response_format\"").contains("evident evidence pack, version 1")
                .contains("nightly dedupe takes 40 minutes").doesNotContain("# evident diagnosis");
        assertThat(shown + err).doesNotContain(KEY);
        assertThat(err.toString()).contains("--show-prompt: nothing was sent");
    }

    @Test
    void aKeyFromAFileIsSentButNeverWrittenAnywhere(@TempDir Path dir) throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key"), KEY);
        server.answer(faithful(REPORT));
        Path report = dir.resolve("report.md");
        assertThat(run(Map.of(), "analyze", SAMPLE.toString(), "--llm", "openai", "--llm-base-url", server.baseUrl(),
                "--llm-key-file", keyFile.toString(), "-o", report.toString())).isZero();
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(Files.readString(report)).contains("verified by evident").doesNotContain(KEY);
        assertThat(out.toString() + err).doesNotContain(KEY);
        assertThat(server.requests().get(0).body()).as("the key is not in the prompt either").doesNotContain(KEY);
    }

    @Test
    void configurationErrorsAreUsageErrorsThatSayWhatToFix() {
        assertThat(run(Map.of(), "analyze", SAMPLE.toString(), "--llm", "openai")).isEqualTo(2);
        assertThat(err.toString()).contains("no API key for openai: set OPENAI_API_KEY or EVIDENT_LLM_API_KEY, or name "
                + "a file holding it with --llm-key-file (keys are never taken on the command line)");
        assertThat(run(Map.of(), "analyze", SAMPLE.toString(), "--llm", "gemini")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown --llm provider 'gemini'");
        assertThat(run(Map.of(), "analyze", SAMPLE.toString(), "--show-prompt")).isEqualTo(2);
        assertThat(err.toString()).contains("--show-prompt needs a provider");
        assertThat(run(Map.of(), "analyze", SAMPLE.toString(), "--llm", "ollama", "--llm-base-url",
                "http://user:hunter2@127.0.0.1:1/v1")).isEqualTo(2);
        assertThat(err.toString()).contains("must not carry credentials").doesNotContain("hunter2");
        assertThat(server.requests()).isEmpty();
    }
}
