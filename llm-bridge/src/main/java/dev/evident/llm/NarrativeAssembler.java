package dev.evident.llm;

import dev.evident.core.report.Narrative;
import dev.evident.llm.redact.RedactionMap;
import dev.evident.llm.verify.AnswerClaim;
import dev.evident.llm.verify.AnswerParser;
import dev.evident.llm.verify.ClaimCheck;
import dev.evident.llm.verify.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a checked answer into the report's narrative. Placeholders are mapped back to the real
 * values here, on the user's machine, after the check: the model only ever saw the placeholders.
 */
final class NarrativeAssembler {
    private NarrativeAssembler() {
    }

    static Narrative verified(Verdict verdict, RedactionMap redactions, String author, int answers) {
        List<Narrative.Section> sections = new ArrayList<>();
        String hypothesisTitle = "Root-cause hypothesis";
        if (verdict.answer().bound() != null || verdict.answer().confidence() != null) {
            hypothesisTitle += " (" + join(verdict.answer().bound() == null ? null : "bound " + verdict.answer().bound(),
                    verdict.answer().confidence() == null ? null : verdict.answer().confidence() + " confidence") + ")";
        }
        add(sections, hypothesisTitle, verdict, AnswerParser.HYPOTHESIS, redactions);
        add(sections, "Bottleneck", verdict, "bottleneck", redactions);
        add(sections, "Quantified impact", verdict, "impact", redactions);
        add(sections, "Implementation plan", verdict, "plan", redactions);
        add(sections, "Validation", verdict, "validation", redactions);
        add(sections, "Answer", verdict, AnswerParser.CHAT_SECTION, redactions);
        String note = "evident checked every evidence id and every number below against the evidence before showing it"
                + (answers > 1 ? "; the model's first answer failed that check and was corrected once" : "")
                + ". The findings remain the source of truth.";
        return new Narrative(Narrative.Status.VERIFIED, author, answers, note, sections, List.of());
    }

    static Narrative rejected(Verdict verdict, RedactionMap redactions, String author, int answers) {
        List<Narrative.Claim> unsupported = new ArrayList<>();
        for (String problem : verdict.answerProblems()) {
            unsupported.add(new Narrative.Claim("(the answer as a whole)", List.of(), List.of(problem)));
        }
        for (ClaimCheck c : verdict.failures()) {
            unsupported.add(claim(c, redactions));
        }
        String note = "The model's answer failed evident's check of evidence ids and numbers"
                + (answers > 1 ? " twice (the second time after being told what was wrong)" : "")
                + ", so none of it is shown as fact; the deterministic diagnosis below is complete on its own.";
        return new Narrative(Narrative.Status.REJECTED, author, answers, note, List.of(), unsupported);
    }

    static Narrative declined(String author, int answers) {
        return new Narrative(Narrative.Status.DECLINED, author, answers,
                "The model said the evidence is not enough for a diagnosis; the deterministic diagnosis below stands on its own.",
                List.of(), List.of());
    }

    static Narrative unavailable(String author, String reason) {
        return new Narrative(Narrative.Status.UNAVAILABLE, author, 0,
                reason + " The deterministic diagnosis below is complete on its own.", List.of(), List.of());
    }

    private static void add(List<Narrative.Section> sections, String title, Verdict verdict, String section,
                            RedactionMap redactions) {
        List<Narrative.Claim> claims = new ArrayList<>();
        for (ClaimCheck c : verdict.checks()) {
            if (c.claim().section().equals(section)) {
                claims.add(claim(c, redactions));
            }
        }
        if (!claims.isEmpty()) {
            sections.add(new Narrative.Section(title, claims));
        }
    }

    static Narrative.Claim claim(ClaimCheck c, RedactionMap redactions) {
        AnswerClaim claim = c.claim();
        List<String> problems = c.problems().stream().map(redactions::restore).toList();
        String where = claim.section().equals(AnswerParser.CHAT_SECTION) ? "" : claim.label() + ": ";
        String text = redactions.restore(claim.fullText());
        return new Narrative.Claim(c.supported() ? text : where + text, c.citations(), problems);
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + ", " + b.toLowerCase(Locale.ROOT);
    }
}
