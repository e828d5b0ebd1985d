package dev.evident.llm.chat;

import dev.evident.core.report.Narrative;
import dev.evident.llm.client.LlmCallException;
import dev.evident.llm.client.ModelClient;
import dev.evident.llm.pack.EvidencePack;
import dev.evident.llm.prompt.AnswerSchemas;
import dev.evident.llm.prompt.Prompts;
import dev.evident.llm.redact.RedactionMap;
import dev.evident.llm.redact.Redactor;
import dev.evident.llm.verify.ClaimCheck;
import dev.evident.llm.verify.Verdict;
import dev.evident.llm.verify.Verifier;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Follow-up questions to the model over one evidence pack. The pack goes with the first question;
 * every later question carries the history. Each answer is checked like the narrative (ids and
 * numbers), with one re-prompt; supported statements are shown as such and unsupported ones are
 * listed apart, never as fact. Questions are redacted like the pack.
 */
public final class Conversation {
    private final ModelClient client;
    private final EvidencePack pack;
    private final RedactionMap redactions;
    private final Redactor redactor;
    private final Verifier verifier;
    private final List<ChatMessage> history = new ArrayList<>();

    public Conversation(ModelClient client, EvidencePack pack, RedactionMap redactions, Redactor redactor) {
        this.client = client;
        this.pack = pack;
        this.redactions = redactions;
        this.redactor = redactor;
        this.verifier = new Verifier(pack, redactions, null);
    }

    /**
     * One answer.
     *
     * @param supported   statements that passed the check
     * @param unsupported statements that failed it, with their problems
     * @param note        a sentence for the user when there is no plain answer, or {@code null}
     */
    public record Reply(List<Narrative.Claim> supported, List<Narrative.Claim> unsupported, String note) {
        public Reply {
            supported = List.copyOf(supported);
            unsupported = List.copyOf(unsupported);
        }
    }

    public Reply ask(String question) {
        String redacted = redactor.redact(question.strip(), redactions);
        int mark = history.size();
        history.add(UserMessage.from(history.isEmpty() ? Prompts.chatFirstQuestion(pack.json(), redacted) : redacted));
        try {
            String raw = client.chat(messages(), AnswerSchemas.chat(pack.ids()));
            history.add(AiMessage.from(raw));
            Verdict verdict = verifier.verify(raw);
            if (!verdict.passed() && !verdict.declined()) {
                history.add(UserMessage.from(Prompts.reprompt(verdict.problemLines())));
                raw = client.chat(messages(), AnswerSchemas.chat(pack.ids()));
                history.add(AiMessage.from(raw));
                verdict = verifier.verify(raw);
            }
            return reply(verdict);
        } catch (LlmCallException e) {
            // forget the unanswered question so the history stays a clean question/answer sequence
            history.subList(mark, history.size()).clear();
            return new Reply(List.of(), List.of(), "No answer: " + e.getMessage());
        }
    }

    private Reply reply(Verdict verdict) {
        if (verdict.declined()) {
            return new Reply(List.of(), List.of(), "The model says the evidence does not answer this question.");
        }
        List<Narrative.Claim> supported = new ArrayList<>();
        List<Narrative.Claim> unsupported = new ArrayList<>();
        for (String problem : verdict.answerProblems()) {
            unsupported.add(new Narrative.Claim("(the answer as a whole)", List.of(), List.of(problem)));
        }
        for (ClaimCheck c : verdict.checks()) {
            Narrative.Claim claim = new Narrative.Claim(redactions.restore(c.claim().fullText()), c.citations(),
                    c.problems().stream().map(redactions::restore).toList());
            (c.supported() ? supported : unsupported).add(claim);
        }
        return new Reply(supported, unsupported, null);
    }

    private List<ChatMessage> messages() {
        List<ChatMessage> all = new ArrayList<>();
        all.add(SystemMessage.from(Prompts.chatSystem()));
        all.addAll(history);
        return all;
    }
}
