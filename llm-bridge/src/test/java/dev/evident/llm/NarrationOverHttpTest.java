package dev.evident.llm;

import dev.evident.core.model.Finding;
import dev.evident.core.report.Narrative;
import dev.evident.core.report.Report;
import dev.evident.llm.client.LlmOptions;
import dev.evident.llm.client.LlmSettings;
import dev.evident.llm.fake.Answers;
import dev.evident.llm.fake.FakeModelServer;
import dev.evident.llm.fake.SampleReports;
import dev.evident.llm.pack.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8 acceptance, part 1: the bridge against real HTTP servers in this process that speak
 * OpenAI's chat-completions protocol and Anthropic's messages API. The report is the real one of
 * samples/llm-redaction, whose recording carries an AWS secret in its environment and an e-mail
 * address in a SQL literal (see {@link SecretsNeverLeaveTest} for how they are kept out).
 */
class NarrationOverHttpTest {
    static final String KEY = "sk-test-0123456789abcdefghij";
    static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String EMAIL = "jane.doe@example.com";
    private static final Report REPORT = SampleReports.report("llm-redaction");

    private final List<String> progress = new ArrayList<>();
    private final List<Long> sleeps = new ArrayList<>();
    private FakeModelServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private LlmBridge bridge(String provider, int timeoutSeconds) {
        Map<String, String> env = Map.of("OPENAI_API_KEY", KEY, "ANTHROPIC_API_KEY", KEY);
        LlmSettings settings = LlmSettings.resolve(
                new LlmOptions(provider, null, server.baseUrl(), null, timeoutSeconds, 2, null, true), env).orElseThrow();
        return LlmBridge.create(settings, env, progress::add, sleeps::add);
    }

    private Narrative narrate(String provider) {
        return bridge(provider, 5).narrate(REPORT, new Incident("customer lookups are slow", null, "p95 under 50 ms", null));
    }

    /** The first percentage of F1's title, as the model would quote it. */
    private static String topShare() {
        Matcher m = Pattern.compile("(\\d+\\.\\d)%").matcher(REPORT.findings().get(0).title());
        assertThat(m.find()).as("F1 title has a share: %s", REPORT.findings().get(0).title()).isTrue();
        return m.group(1) + "%";
    }

    /** An answer that uses only ids and numbers of the pack. */
    static String faithful(Report report) {
        Finding f1 = report.findings().get(0);
        Matcher m = Pattern.compile("(\\d+\\.\\d)%").matcher(f1.title());
        m.find();
        String share = m.group(1) + "%";
        String bound = report.bound().shares().get(0).evidence().id();
        return Answers.diagnosis()
                .hypothesis("cpu", "high", "The workload is CPU-bound, and one method dominates: it takes " + share
                        + " of the CPU samples.", "F1", bound)
                .say("bottleneck", "CustomerLookup.findCustomer scans a list and compares every e-mail with "
                        + "String.equalsIgnoreCase, which takes " + share + " of CPU samples.", "F1")
                .say("impact", "A fix removes most of the " + share + " of CPU samples spent in that scan.", "F1")
                .plan("Index the customers", "Keep the customers in a HashMap keyed by the lower-cased e-mail, so a "
                        + "lookup is one hash probe instead of a scan.", "F1")
                .say("validation", "Profile again and check that CustomerLookup.findCustomer no longer dominates the "
                        + "CPU samples; the user's objective is p95 under 50 ms.", "F1", "U2")
                .json();
    }

    private static String invented(Report report) {
        return Answers.diagnosis()
                .hypothesis("cpu", "high", "The workload is CPU-bound.", "F1")
                .say("impact", "A HashMap makes lookups 40x faster and cuts p95 latency by 73.4%.", "F1")
                .say("validation", "The regression is confirmed by E999.", "E999")
                .json();
    }

    @Test
    void openAiRequestCarriesThePackAndNoSecretAndAFaithfulAnswerIsVerified() {
        server = FakeModelServer.openAi().answer(faithful(REPORT));
        Narrative narrative = narrate("openai");

        assertThat(server.requests()).hasSize(1);
        FakeModelServer.Recorded request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        String prompt = request.promptText();
        assertThat(prompt).contains("evident evidence pack, version 1").contains("\"citableIds\"")
                .contains(REPORT.findings().get(0).title()).contains(REPORT.evidence().get(0).statement())
                .contains("customer lookups are slow");
        assertThat(request.json().path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(request.json().path("response_format").path("json_schema").path("strict").asBoolean()).isTrue();
        var ids = request.json().at("/response_format/json_schema/schema/properties/hypothesis/properties/evidence/items/enum");
        assertThat(ids.toString()).startsWith("[\"U1\",\"U2\",\"F1\",\"F2\",\"F3\",").contains("\"E1\"")
                .doesNotContain("E99");
        assertThat(request.body()).doesNotContain(AWS_SECRET).doesNotContain(EMAIL).doesNotContain("jane.doe");
        assertThat(prompt).doesNotContain(AWS_SECRET).doesNotContain(EMAIL);

        assertThat(narrative.status()).isEqualTo(Narrative.Status.VERIFIED);
        assertThat(narrative.answers()).isEqualTo(1);
        assertThat(narrative.author()).isEqualTo("openai gpt-4.1-mini at " + server.baseUrl());
        assertThat(narrative.sections()).extracting(Narrative.Section::title).containsExactly(
                "Root-cause hypothesis (bound cpu, high confidence)", "Bottleneck", "Quantified impact",
                "Implementation plan", "Validation");
        assertThat(narrative.sections().get(1).claims().get(0).text()).contains(topShare());
        assertThat(narrative.sections().get(3).claims().get(0).text()).startsWith("Index the customers: ");
        assertThat(narrative.unsupported()).isEmpty();
    }

    @Test
    void anthropicRequestCarriesThePackAndNoSecretAndAFaithfulAnswerIsVerified() {
        server = FakeModelServer.anthropic().answer(faithful(REPORT));
        Narrative narrative = narrate("anthropic");

        FakeModelServer.Recorded request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo(KEY);
        assertThat(request.header("anthropic-version")).isNotBlank();
        assertThat(request.json().path("model").asText()).isEqualTo("claude-sonnet-4-6");
        assertThat(request.json().path("output_config").path("format").path("type").asText()).isEqualTo("json_schema");
        assertThat(request.promptText()).contains("evident evidence pack, version 1")
                .contains(REPORT.findings().get(0).title());
        assertThat(request.body()).doesNotContain(AWS_SECRET).doesNotContain(EMAIL);
        assertThat(narrative.status()).isEqualTo(Narrative.Status.VERIFIED);
        assertThat(narrative.author()).startsWith("anthropic claude-sonnet-4-6 at http://127.0.0.1:");
    }

    @Test
    void ollamaIsReachedThroughItsOpenAiCompatibleEndpointWithoutAKey() {
        server = FakeModelServer.openAi().answer(faithful(REPORT));
        Narrative narrative = narrate("ollama");
        FakeModelServer.Recorded request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.json().path("model").asText()).isEqualTo("llama3.1");
        assertThat(narrative.status()).isEqualTo(Narrative.Status.VERIFIED);
    }

    @Test
    void anInventedNumberAndIdAreCaughtRepromptedAndFinallyShownAsUnsupported() {
        server = FakeModelServer.openAi().answer(invented(REPORT)).answer(invented(REPORT));
        Narrative narrative = narrate("openai");

        assertThat(server.requests()).hasSize(2);
        List<String> turns = server.requests().get(1).userTurns();
        assertThat(turns).hasSize(2);
        assertThat(turns.get(1)).startsWith("evident checked your answer against the evidence pack and found these problems:")
                .contains("impact 1: the number '40x' matches no number in F1 (within rounding)")
                .contains("impact 1: the number '73.4%' matches no number in F1 (within rounding)")
                .contains("validation 1: cites E999, which is not in the evidence pack");
        assertThat(narrative.status()).isEqualTo(Narrative.Status.REJECTED);
        assertThat(narrative.answers()).isEqualTo(2);
        assertThat(narrative.sections()).isEmpty();
        assertThat(narrative.unsupported()).extracting(Narrative.Claim::text).containsExactly(
                "impact 1: A HashMap makes lookups 40x faster and cuts p95 latency by 73.4%.",
                "validation 1: The regression is confirmed by E999.");
        assertThat(narrative.unsupported().get(1).problems()).containsExactly("cites E999, which is not in the evidence pack");
    }

    @Test
    void aCorrectedSecondAnswerIsVerified() {
        server = FakeModelServer.openAi().answer(invented(REPORT)).answer(faithful(REPORT));
        Narrative narrative = narrate("openai");
        assertThat(narrative.status()).isEqualTo(Narrative.Status.VERIFIED);
        assertThat(narrative.answers()).isEqualTo(2);
        assertThat(narrative.note()).contains("first answer failed that check and was corrected once");
    }

    @Test
    void rateLimitedThenOkSucceedsAfterABackoff() {
        server = FakeModelServer.openAi().fail(429, "Rate limit reached").answer(faithful(REPORT));
        Narrative narrative = narrate("openai");
        assertThat(narrative.status()).isEqualTo(Narrative.Status.VERIFIED);
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeps).containsExactly(1000L);
        assertThat(progress).contains("the model server answered HTTP 429 (rate limited); retrying in 1 s (attempt 2 of 3)");
    }

    @Test
    void serverErrorsAreRetriedWithGrowingBackoffThenGiveUp() {
        server = FakeModelServer.openAi().fail(500, "boom").fail(503, "busy").fail(502, "bad gateway");
        Narrative narrative = narrate("openai");
        assertThat(server.requests()).hasSize(3);
        assertThat(sleeps).containsExactly(1000L, 2000L);
        assertThat(narrative.status()).isEqualTo(Narrative.Status.UNAVAILABLE);
        assertThat(narrative.note()).contains("still failed with HTTP 502 after 3 attempt(s): ")
                .contains("The deterministic diagnosis below is complete on its own.");
    }

    @Test
    void unauthorizedFailsFastWithAClearMessageAndNoKey() {
        // servers often echo part of the request; this one echoes the whole key
        server = FakeModelServer.openAi().fail(401, "Incorrect API key provided: " + KEY);
        Narrative narrative = narrate("openai");
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeps).isEmpty();
        assertThat(narrative.status()).isEqualTo(Narrative.Status.UNAVAILABLE);
        assertThat(narrative.note()).contains("refused the request (HTTP 401, authentication)")
                .contains("check the key from the OPENAI_API_KEY environment variable").doesNotContain(KEY);
        assertThat(String.join("\n", progress)).doesNotContain(KEY);
    }

    @Test
    void notFoundNamesTheModelAndTheBaseUrl() {
        server = FakeModelServer.openAi().fail(404, "The model does not exist");
        Narrative narrative = narrate("openai");
        assertThat(server.requests()).hasSize(1);
        assertThat(narrative.note()).contains("answered HTTP 404: the model 'gpt-4.1-mini' or the endpoint does not exist")
                .contains("--llm-base-url");
    }

    @Test
    void aHangingServerTimesOut() {
        server = FakeModelServer.openAi().hang();
        Narrative narrative = bridge("openai", 1).narrate(REPORT, Incident.NONE);
        assertThat(server.requests()).hasSize(1);
        assertThat(narrative.status()).isEqualTo(Narrative.Status.UNAVAILABLE);
        assertThat(narrative.note()).contains("gave no answer within 1 s; raise --llm-timeout");
    }

    @Test
    void aDeclineIsReportedAsSuch() {
        server = FakeModelServer.openAi().answer(Answers.diagnosis().insufficient().json());
        Narrative narrative = narrate("openai");
        assertThat(narrative.status()).isEqualTo(Narrative.Status.DECLINED);
        assertThat(narrative.sections()).isEmpty();
    }
}
