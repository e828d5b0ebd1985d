package dev.evident.llm;

import dev.evident.core.model.Evidence;
import dev.evident.core.model.Finding;
import dev.evident.core.report.Narrative;
import dev.evident.core.report.Report;
import dev.evident.llm.client.LlmOptions;
import dev.evident.llm.client.LlmSettings;
import dev.evident.llm.fake.Answers;
import dev.evident.llm.fake.FakeModelServer;
import dev.evident.llm.fake.SampleReports;
import dev.evident.llm.pack.EvidencePack;
import dev.evident.llm.pack.Incident;
import dev.evident.llm.pack.PackBuilder;
import dev.evident.llm.redact.RedactionContext;
import dev.evident.llm.redact.RedactionMap;
import dev.evident.llm.redact.Redactor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recording samples/llm-redaction/secrets-profile.jfr was made with AWS_SECRET_ACCESS_KEY in the
 * process environment and a SQL statement with an e-mail literal in a system property and on the
 * command line. Neither may reach a model: first because the pack is built from evident's model
 * only, which never holds them; second because the redactor removes them wherever they turn up.
 */
class SecretsNeverLeaveTest {
    private static final String AWS_SECRET = NarrationOverHttpTest.AWS_SECRET;
    private static final String EMAIL = NarrationOverHttpTest.EMAIL;
    private static final Path JFR = SampleReports.sample("llm-redaction/secrets-profile.jfr");

    /** What the JDK wrote into the recording: environment, system properties, JVM and program arguments. */
    private static List<String> privateTextOfTheRecording() throws IOException {
        List<String> out = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(JFR)) {
            switch (e.getEventType().getName()) {
                case "jdk.InitialEnvironmentVariable", "jdk.InitialSystemProperty" ->
                        out.add(e.getString("key") + "=" + e.getString("value"));
                case "jdk.JVMInformation" -> {
                    out.add("jvmArguments = \"" + e.getString("jvmArguments") + "\"");
                    out.add("javaArguments = \"" + e.getString("javaArguments") + "\"");
                }
                default -> {
                }
            }
        }
        return out;
    }

    @Test
    void theRecordingReallyHoldsTheSecrets() throws IOException {
        String all = String.join("\n", privateTextOfTheRecording());
        assertThat(all).contains("AWS_SECRET_ACCESS_KEY=" + AWS_SECRET).contains("'" + EMAIL + "'")
                .contains("-Dcustomer.lookup.query=SELECT id, name FROM customers WHERE email = '" + EMAIL + "'");
    }

    @Test
    void firstLineThePackIsBuiltFromTheModelOnlyEvenWithoutRedaction() {
        Report report = SampleReports.report("llm-redaction");
        assertThat(report.findings()).isNotEmpty();
        EvidencePack pack = PackBuilder.standard(100_000, Redactor.secretsOnly(RedactionContext.none()))
                .build(report, Incident.NONE, new RedactionMap());
        assertThat(pack.json()).doesNotContain(AWS_SECRET).doesNotContain("AWS_SECRET_ACCESS_KEY").doesNotContain(EMAIL)
                .doesNotContain("customer.lookup.query").contains("CustomerLookup.findCustomer");
    }

    /** The report of the recording, as if a future reader had surfaced the recording's private text. */
    private static Report withLeakedText() throws IOException {
        Report report = SampleReports.report("llm-redaction");
        List<Evidence> evidence = new ArrayList<>(report.evidence());
        Evidence first = evidence.get(0);
        String leaked = String.join("; ", privateTextOfTheRecording());
        evidence.set(0, new Evidence(first.id(), first.key(), first.kind(), first.statement() + " Context: " + leaked,
                first.values(), first.source(), first.location()));
        List<Finding> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            findings.add(new Finding(f.id(), f.key(), f.detector(), f.category(), f.title(), f.score(), f.confidence(),
                    f.support(), f.evidence(), f.explanation() + (f.id().equals("F1") ? " " + leaked : ""), f.fix(),
                    f.example()));
        }
        return new Report(report.tool(), report.headline(), report.bound(), report.artifacts(), report.skipped(),
                findings, evidence, report.gaps(), report.warnings(), report.latency(), report.plan(), report.flames());
    }

    @Test
    void secondLineTheRedactorCatchesThemAnywhereInTheText() throws IOException {
        Report leaky = withLeakedText();
        assertThat(leaky.evidence().get(0).statement()).contains(AWS_SECRET).contains(EMAIL);
        RedactionMap map = new RedactionMap();
        EvidencePack pack = PackBuilder.standard(100_000, Redactor.standard(RedactionContext.none()))
                .build(leaky, Incident.NONE, map);
        assertThat(pack.json()).doesNotContain(AWS_SECRET).doesNotContain(EMAIL).doesNotContain("jane.doe")
                .contains("AWS_SECRET_ACCESS_KEY={SECRET_1}").contains("{CMDLINE_");
        assertThat(map.counts()).containsKeys("SECRET", "CMDLINE", "ENV", "PROPERTY", "SQL_LITERAL");
        assertThat(pack.json()).contains("customer.lookup.query={PROPERTY_").contains("java.class.path={PROPERTY_");
        // without the pattern rules the same text would have gone out: the redactor is what stops it
        EvidencePack unredacted = PackBuilder.standard(100_000, Redactor.secretsOnly(RedactionContext.none()))
                .build(leaky, Incident.NONE, new RedactionMap());
        assertThat(unredacted.json()).contains(AWS_SECRET).contains(EMAIL);
    }

    @Test
    void overTheWireNothingLeaksAndPlaceholdersAreMappedBackLocally() throws IOException {
        Report leaky = withLeakedText();
        try (FakeModelServer server = FakeModelServer.openAi()) {
            String cited = leaky.evidence().get(0).id();
            server.answer(Answers.diagnosis()
                    .hypothesis("cpu", "high", "The recording's environment holds AWS_SECRET_ACCESS_KEY={SECRET_1}, "
                            + "which does not matter for the diagnosis.", cited)
                    .say("bottleneck", "CustomerLookup.findCustomer dominates the CPU samples.", "F1")
                    .json());
            Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-test-0123456789abcdefghij");
            LlmSettings settings = LlmSettings.resolve(
                    new LlmOptions("openai", null, server.baseUrl(), null, 5, 0, 100_000, true), env).orElseThrow();
            Narrative narrative = LlmBridge.create(settings, env, s -> { }, ms -> { }).narrate(leaky, Incident.NONE);

            String body = server.requests().get(0).body();
            assertThat(body).doesNotContain(AWS_SECRET).doesNotContain(EMAIL).doesNotContain("jane.doe")
                    .doesNotContain("sk-test-0123456789abcdefghij");
            assertThat(narrative.status()).isEqualTo(Narrative.Status.VERIFIED);
            // the local report shows the real value again: it came from the user's own report
            assertThat(narrative.sections().get(0).claims().get(0).text()).contains("AWS_SECRET_ACCESS_KEY=" + AWS_SECRET);
        }
    }
}
