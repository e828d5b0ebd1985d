package dev.evident.llm;

import dev.evident.core.detect.bound.Bound;
import dev.evident.core.report.Narrative;
import dev.evident.core.report.Report;
import dev.evident.llm.client.LlmCallException;
import dev.evident.llm.client.ModelClient;
import dev.evident.llm.pack.EvidencePack;
import dev.evident.llm.prompt.AnswerSchemas;
import dev.evident.llm.prompt.Prompts;
import dev.evident.llm.redact.RedactionMap;
import dev.evident.llm.verify.Verdict;
import dev.evident.llm.verify.Verifier;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ResponseFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Asks the model for the narrative and checks it: pack → prompt → answer → verifier; on failure
 * one re-prompt listing the problems; if the second answer fails too, the narrative is rejected and
 * its unsupported claims are listed. Whatever happens, it returns a {@link Narrative} and never
 * throws, so the deterministic report is always produced.
 */
public final class Narrator {
    private final ModelClient client;
    private final String author;
    private final Consumer<String> progress;

    public Narrator(ModelClient client, String author, Consumer<String> progress) {
        this.client = client;
        this.author = author;
        this.progress = progress;
    }

    public Narrative narrate(Report report, EvidencePack pack, RedactionMap redactions) {
        if (report.findings().isEmpty()) {
            return NarrativeAssembler.unavailable(null, "evident found nothing to explain, so no model was asked.");
        }
        List<ChatMessage> messages = new ArrayList<>(List.of(
                SystemMessage.from(Prompts.diagnoseSystem()),
                UserMessage.from(Prompts.diagnoseUser(pack.json()))));
        ResponseFormat format = AnswerSchemas.diagnosis(pack.ids());
        Verifier verifier = new Verifier(pack, redactions, measuredBound(report));
        try {
            String first = client.chat(messages, format);
            Verdict verdict = verifier.verify(first);
            if (verdict.declined()) {
                return NarrativeAssembler.declined(author, 1);
            }
            if (verdict.passed()) {
                progress.accept("the model's narrative passed the evidence check");
                return NarrativeAssembler.verified(verdict, redactions, author, 1);
            }
            progress.accept("the model's answer has " + verdict.problemLines().size()
                    + " unsupported point(s); asking once more with the problems listed");
            messages.add(AiMessage.from(first));
            messages.add(UserMessage.from(Prompts.reprompt(verdict.problemLines())));
            String second = client.chat(messages, format);
            Verdict again = verifier.verify(second);
            if (again.declined()) {
                return NarrativeAssembler.declined(author, 2);
            }
            if (again.passed()) {
                progress.accept("the corrected narrative passed the evidence check");
                return NarrativeAssembler.verified(again, redactions, author, 2);
            }
            progress.accept("the corrected answer still has " + again.problemLines().size()
                    + " unsupported point(s); the report lists them and shows no narrative");
            return NarrativeAssembler.rejected(again, redactions, author, 2);
        } catch (LlmCallException e) {
            progress.accept("no narrative: " + e.getMessage());
            return NarrativeAssembler.unavailable(author, "No narrative: " + e.getMessage());
        } catch (RuntimeException e) {
            // a bug or an unexpected library failure must not cost the user the deterministic report
            progress.accept("no narrative: unexpected " + e.getClass().getSimpleName());
            return NarrativeAssembler.unavailable(author, "No narrative: the model call failed unexpectedly ("
                    + e.getClass().getSimpleName() + ").");
        }
    }

    /**
     * The bound as the answer schema names it, or null when evident measured none or is unsure
     * (low confidence): only a measured bound is held against the model's hypothesis.
     */
    static String measuredBound(Report report) {
        if (report.bound() == null || report.bound().bound() == null
                || report.bound().confidence().level() == dev.evident.core.model.Confidence.Level.LOW) {
            return null;
        }
        Bound b = report.bound().bound();
        return b.name().toLowerCase(Locale.ROOT);
    }
}
