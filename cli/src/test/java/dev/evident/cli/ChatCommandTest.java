package dev.evident.cli;

import dev.evident.core.report.Report;
import dev.evident.llm.fake.Answers;
import dev.evident.llm.fake.FakeModelServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8 acceptance, part 3: {@code evident chat} driven through standard input, as a script would. */
class ChatCommandTest {
    private static final Path SAMPLE = Samples.of("contains-in-loop");
    private static final Report REPORT = Diagnose.report(SAMPLE);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int chat(String stdin, String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "chat";
        args[1] = SAMPLE.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    @Test
    void offlineCommandsWorkWithoutAModel() {
        int code = chat("findings\nfinding F1\nevidence E1\ntop 3 cpu\ntree distinctCustomerIds\nplan\nWhy is it slow?\n"
                + "finding F99\nquit\nfindings\n");
        assertThat(code).isZero();
        String s = out.toString();
        assertThat(s).startsWith("evident chat: " + REPORT.findings().size() + " finding(s), " + REPORT.evidence().size()
                + " evidence item(s). No model configured: offline commands only.");
        assertThat(s).contains("evident> findings\nF1   score  " + REPORT.findings().get(0).score())
                .contains("evident> finding F1\nF1 · " + REPORT.findings().get(0).title())
                .contains("Fix: " + REPORT.findings().get(0).fix())
                .contains("evident> evidence E1\nE1 · " + REPORT.evidence().get(0).kind() + "\n"
                        + REPORT.evidence().get(0).statement());
        // top: a table per CPU profile, the dedupe loop's callee on top of the collapsed stacks
        assertThat(s).contains("evident> top 3 cpu\n")
                .containsPattern(Pattern.compile("cpu\\.collapsed · CPU samples · total 815 samples\\n +flat +flat% +cum +cum% +method\\n"
                        + " +\\d+ samples +\\d+\\.\\d% .*\\n"));
        assertThat(s).contains("evident> tree distinctCustomerIds\n")
                .contains(": workload.dedupe.OrderDeduplicator.distinctCustomerIds — cum ")
                .contains("  callers\n").contains("workload.dedupe.OrderDeduplicator.main\n")
                .contains("  callees\n").contains("java.util.ArrayList.contains\n");
        assertThat(s).contains("evident> plan\n## Diagnosis\n").contains("| P1 ⚡ | Replace the list lookup with a hash lookup");
        assertThat(s).contains("evident> Why is it slow?\nNo model is configured, so questions cannot be answered");
        assertThat(s).contains("No finding F99; the findings are F1");
        // nothing after quit is read
        assertThat(s.indexOf("evident> findings")).isEqualTo(s.lastIndexOf("evident> findings"));
    }

    @Test
    void aQuestionGoesToTheModelWithThePackAndTheHistoryAndTheAnswerIsChecked() {
        String share = LlmAnalyzeCommandTest.share(REPORT);
        try (FakeModelServer server = FakeModelServer.openAi()) {
            server.answer(Answers.chat()
                            .say("answer", "ArrayList.contains in OrderDeduplicator.distinctCustomerIds takes " + share
                                    + " of CPU samples.", "F1")
                            .json())
                    .answer(Answers.chat()
                            .say("answer", "The fix is a LinkedHashSet, which keeps the first-seen order.", "F1")
                            .say("answer", "It would make the job 25x faster.", "F1")
                            .json())
                    .answer(Answers.chat()
                            .say("answer", "The fix is a LinkedHashSet, which keeps the first-seen order.", "F1")
                            .say("answer", "It would make the job 25x faster.", "F1")
                            .json());
            int code = chat("What takes the time?\ntop 1\nWhat should I change?\n", "--llm", "openai",
                    "--llm-base-url", server.baseUrl());
            assertThat(code).isZero();
            String s = out.toString();
            assertThat(s).contains("Questions go to the model.");
            assertThat(s).contains("evident> What takes the time?\nModel answer (every id and number checked against the "
                    + "evidence):\n  - ArrayList.contains in OrderDeduplicator.distinctCustomerIds takes " + share
                    + " of CPU samples. [F1]\n");
            assertThat(s).contains("evident> top 1\n");
            assertThat(s).contains("evident> What should I change?\nModel answer (every id and number checked against the "
                    + "evidence):\n  - The fix is a LinkedHashSet, which keeps the first-seen order. [F1]\n"
                    + "Unsupported by the evidence (not shown as fact):\n  - \"It would make the job 25x faster.\" — "
                    + "the number '25x' matches no number in F1 (within rounding)\n");

            assertThat(server.requests()).hasSize(3);
            // the first question carries the pack; the second the history (question, answer, question)
            assertThat(server.requests().get(0).userTurns()).hasSize(1);
            assertThat(server.requests().get(0).userTurns().get(0)).contains("evident evidence pack, version 1")
                    .endsWith("Question: What takes the time?\n");
            assertThat(server.requests().get(1).userTurns()).hasSize(2);
            assertThat(server.requests().get(1).promptText()).contains("What takes the time?")
                    .contains(share + " of CPU samples.").contains("What should I change?");
            // the re-prompt lists the problem
            assertThat(server.requests().get(2).userTurns().get(2)).contains("the number '25x' matches no number in F1");
            assertThat(server.requests().get(0).json().at("/response_format/json_schema/name").asText())
                    .isEqualTo("evident_chat_answer");
        }
    }

    @Test
    void aFailedModelCallIsReportedAndTheSessionGoesOn() {
        try (FakeModelServer server = FakeModelServer.openAi()) {
            server.fail(401, "invalid key");
            int code = chat("Why?\nplan\n", "--llm", "openai", "--llm-base-url", server.baseUrl());
            assertThat(code).isZero();
            assertThat(out.toString()).contains("evident> Why?\nNo answer: the model server at " + server.baseUrl()
                            + " refused the request (HTTP 401, authentication): no API key was sent; set OPENAI_API_KEY")
                    .contains("evident> plan\n## Diagnosis\n");
        }
    }
}
