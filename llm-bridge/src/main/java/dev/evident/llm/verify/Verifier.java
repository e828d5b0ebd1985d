package dev.evident.llm.verify;

import dev.evident.llm.pack.EvidencePack;
import dev.evident.llm.redact.RedactionMap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model's answer against the evidence pack, deterministically: no model judges a model.
 * For every statement:
 * <ul>
 *   <li>it cites at least one id, and every id it cites (in its list or in its text) is in the pack;</li>
 *   <li>every number in it equals a number of the cited items within the rounding the statement
 *       used, after unit normalization (ms/s/µs/ns, %, bytes in KB/KiB/MB/MiB/GB, counts written
 *       with separators or as 1.2k) — see {@link Mention#matches};</li>
 *   <li>every placeholder it uses was handed out by the redactor.</li>
 * </ul>
 * For the answer: it parses, it says something (or declines), and its hypothesis names the bound
 * evident measured, when evident measured one.
 */
public final class Verifier {
    /**
     * Ids named in a statement's text. E and F ids always count (a made-up E99 is caught); U and P
     * ids only when they exist, because "P99" in prose is a percentile, not a plan item.
     */
    private static final Pattern INLINE_ID = Pattern.compile("(?<![\\w{])([EFUP]\\d+)(?![\\w}])");

    private final PackFacts facts;
    private final RedactionMap redactions;
    private final String measuredBound;

    /**
     * @param measuredBound the bound evident measured, as the schema names it ({@code cpu}, {@code io},
     *                      ...), or {@code null} when it measured none
     */
    public Verifier(EvidencePack pack, RedactionMap redactions, String measuredBound) {
        this.facts = new PackFacts(pack);
        this.redactions = redactions;
        this.measuredBound = measuredBound;
    }

    /** Parses and checks a raw answer. */
    public Verdict verify(String rawAnswer) {
        try {
            return verify(AnswerParser.parse(rawAnswer));
        } catch (AnswerFormatException e) {
            return new Verdict(null, List.of(), List.of(e.getMessage()));
        }
    }

    public Verdict verify(ModelAnswer answer) {
        List<String> answerProblems = new ArrayList<>();
        if (answer.claims().isEmpty() && !answer.insufficientEvidence()) {
            answerProblems.add("the answer has no statements");
        }
        if (measuredBound != null && answer.bound() != null && !answer.insufficientEvidence()
                && !answer.bound().toLowerCase(Locale.ROOT).equals(measuredBound)) {
            answerProblems.add("the hypothesis names the bound '" + answer.bound() + "', but the evidence measures '"
                    + measuredBound + "'");
        }
        List<ClaimCheck> checks = new ArrayList<>();
        for (AnswerClaim claim : answer.claims()) {
            checks.add(check(claim));
        }
        return new Verdict(answer, checks, answerProblems);
    }

    ClaimCheck check(AnswerClaim claim) {
        String text = claim.fullText();
        Set<String> cited = new LinkedHashSet<>(claim.evidence());
        Matcher ids = INLINE_ID.matcher(text);
        while (ids.find()) {
            String id = ids.group(1);
            if (id.charAt(0) == 'E' || id.charAt(0) == 'F' || facts.exists(id)) {
                cited.add(id);
            }
        }
        Set<String> problems = new LinkedHashSet<>();
        if (cited.isEmpty()) {
            problems.add("cites no evidence");
        }
        for (String id : cited) {
            if (!facts.exists(id)) {
                problems.add("cites " + id + ", which is not in the evidence pack");
            }
        }
        List<Mention> allowed = facts.numbers(cited);
        for (Mention number : NumberExtractor.extract(text)) {
            if (allowed.stream().noneMatch(number::matches)) {
                List<String> valid = cited.stream().filter(facts::exists).toList();
                problems.add("the number '" + number.text().strip() + "' matches no number in "
                        + (valid.isEmpty() ? "the cited evidence" : String.join(", ", valid)) + " (within rounding)");
            }
        }
        Matcher placeholders = RedactionMap.PLACEHOLDER.matcher(text);
        while (placeholders.find()) {
            if (!redactions.knows(placeholders.group())) {
                problems.add("uses the placeholder " + placeholders.group() + ", which the evidence pack does not contain");
            }
        }
        return new ClaimCheck(claim, List.copyOf(cited), List.copyOf(problems));
    }
}
