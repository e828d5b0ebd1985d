package dev.evident.llm.verify;

import dev.evident.core.model.Quantity;
import dev.evident.llm.fake.Answers;
import dev.evident.llm.pack.EvidencePack;
import dev.evident.llm.pack.PackItem;
import dev.evident.llm.pack.Stage;
import dev.evident.llm.redact.RedactionContext;
import dev.evident.llm.redact.RedactionMap;
import dev.evident.llm.redact.Redactor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerifierTest {
    private final RedactionMap redactions = new RedactionMap();
    private final EvidencePack pack = pack();
    private final Verifier verifier = new Verifier(pack, redactions, "cpu");

    private EvidencePack pack() {
        String host = Redactor.standard(RedactionContext.none()).redact("db7.prod.internal", redactions);
        PackItem f1 = new PackItem("F1", Stage.BOTTLENECK, "finding",
                List.of(new PackItem.Field("title", "Dedup.ids: linear search takes 89.1% of CPU samples")),
                List.of(Quantity.of("score", 95, "of 100")), List.of("E1", "E2"));
        PackItem e1 = new PackItem("E1", Stage.EVIDENCE, "evidence:call-site",
                List.of(new PackItem.Field("statement", "Dedup.ids: 90.7% of CPU samples (739 of 815 samples; 95% CI 88.5–92.5%)")),
                List.of(Quantity.of("share", 90.72, "%"), Quantity.of("samples", 815, "samples")), List.of());
        PackItem e2 = new PackItem("E2", Stage.EVIDENCE, "evidence:gc-pauses",
                List.of(new PackItem.Field("statement", "GC paused for 24.3 ms of 8.0 s on " + host)),
                List.of(Quantity.of("paused", 24.3, "ms")), List.of());
        PackItem e3 = new PackItem("E3", Stage.EVIDENCE, "evidence:profile-summary",
                List.of(new PackItem.Field("statement", "242.0 MiB of allocation bytes")), List.of(), List.of());
        PackItem bound = new PackItem(null, Stage.BASELINE, "bound",
                List.of(new PackItem.Field("confidenceReason", "99.7 points ahead of the next")), List.of(), List.of("E2"));
        return new EvidencePack(List.of(bound, f1, e1, e2, e3), EvidencePack.Omitted.NOTHING, 6000, 100, "{}");
    }

    @Test
    void aFaithfulAnswerPasses() {
        Verdict v = verifier.verify(Answers.diagnosis()
                .hypothesis("cpu", "high", "The workload is CPU-bound; Dedup.ids takes 90.7% of CPU samples.", "E1")
                .say("bottleneck", "A linear search takes 89.1% of CPU samples (F1, score 95), seen in 815 samples.", "F1")
                .say("impact", "The fix addresses roughly 91% of CPU samples, about 0.74 thousand samples.", "E1")
                .say("validation", "GC paused for only 24.3 ms, i.e. 0.0243 s, on {HOST_1}; the bound is 99.7 points ahead.", "E2")
                .plan("Use a HashSet", "Replace the list in Dedup.ids [E1]; allocation stays near 242 MiB.", "F1", "E3")
                .json());
        assertThat(v.problemLines()).isEmpty();
        assertThat(v.passed()).isTrue();
        assertThat(v.checks()).hasSize(5);
        assertThat(v.checks().stream().filter(c -> c.claim().section().equals("plan")).findFirst().orElseThrow().citations())
                .containsExactly("F1", "E3", "E1");
    }

    @Test
    void anInventedNumberIsCaught() {
        Verdict v = verifier.verify(Answers.diagnosis()
                .hypothesis("cpu", "high", "CPU-bound at 90.7%.", "E1")
                .say("impact", "Switching to a HashSet cuts latency by 73.4% and saves 350 ms.", "F1")
                .json());
        assertThat(v.passed()).isFalse();
        assertThat(v.problemLines()).containsExactly(
                "impact 1: the number '73.4%' matches no number in F1 (within rounding)",
                "impact 1: the number '350 ms' matches no number in F1 (within rounding)");
    }

    @Test
    void aNumberFromEvidenceThatIsNotCitedIsCaught() {
        Verdict v = verifier.verify(Answers.diagnosis()
                .hypothesis("cpu", "high", "GC paused for 24.3 ms.", "E1").json());
        assertThat(v.problemLines()).containsExactly("hypothesis 1: the number '24.3 ms' matches no number in E1 (within rounding)");
    }

    @Test
    void unknownIdsMissingCitationsAndForeignPlaceholdersAreCaught() {
        Verdict v = verifier.verify(Answers.diagnosis()
                .hypothesis("cpu", "high", "See E99 for the cause.", "E1")
                .say("bottleneck", "The list search is slow.")
                .say("validation", "Check {HOST_7} again.", "E2", "F9")
                .json());
        assertThat(v.problemLines()).containsExactly(
                "hypothesis 1: cites E99, which is not in the evidence pack",
                "bottleneck 1: cites no evidence",
                "validation 1: cites F9, which is not in the evidence pack",
                "validation 1: uses the placeholder {HOST_7}, which the evidence pack does not contain");
    }

    @Test
    void theHypothesisMustNameTheMeasuredBound() {
        Verdict v = verifier.verify(Answers.diagnosis().hypothesis("database", "high", "The database is slow.", "F1").json());
        assertThat(v.answerProblems()).containsExactly(
                "the hypothesis names the bound 'database', but the evidence measures 'cpu'");
    }

    @Test
    void malformedAnswersAndDeclines() {
        assertThat(verifier.verify("Sorry, I cannot help.").answerProblems()).containsExactly("the answer is not a JSON object");
        assertThat(verifier.verify("{\"bottleneck\": 3}").answerProblems())
                .containsExactly("'bottleneck' must be a list of statements");
        assertThat(verifier.verify("{\"bottleneck\": []}").answerProblems()).containsExactly("the answer has no statements");
        Verdict declined = verifier.verify(Answers.diagnosis().insufficient().json());
        assertThat(declined.declined()).isTrue();
        assertThat(declined.passed()).isTrue();
        // a fenced answer from a server without schema enforcement is still read
        assertThat(verifier.verify("```json\n" + Answers.diagnosis().hypothesis("cpu", "high", "CPU-bound.", "E1").json()
                + "\n```").passed()).isTrue();
    }
}
