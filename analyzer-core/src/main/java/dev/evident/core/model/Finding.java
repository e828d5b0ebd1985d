package dev.evident.core.model;

import java.util.List;

/**
 * One diagnosed pattern.
 *
 * @param id          {@code F<n>} once the report is assembled, {@code null} before
 * @param key         identity of the diagnosed subject, stable across artifacts, so the same
 *                    problem seen in two recordings becomes one finding
 * @param detector    the id of the detector that produced it
 * @param category    area of the problem
 * @param title       one line naming the problem and where it is
 * @param score       severity 0..100: 25 and above is worth reading, 75 and above is a problem
 * @param confidence  how sure, and why
 * @param support     number of events (samples, statements, requests) the score rests on; when
 *                    several artifacts show the same problem, the best-supported one sets the score
 * @param evidence    the facts it rests on
 * @param explanation why this matters, in terms of the cited numbers
 * @param fix         what to change, with the real names from the evidence
 * @param example     a code or SQL example of the change, built from those names, or {@code null}
 * @param remedy      the kind of fix, a key of the planner's remedy table (e.g. {@code hash-lookup},
 *                    {@code add-index}), or {@code null} when the finding names no specific fix
 * @param impact      the fraction of a measured quantity the finding is about, or {@code null}
 * @param subject     what the fix changes (a method, a table, a statement) when the key does not name
 *                    it, so findings about the same code become one plan item; {@code null} to use the key
 */
public record Finding(
        String id,
        String key,
        String detector,
        Category category,
        String title,
        int score,
        Confidence confidence,
        long support,
        List<Evidence> evidence,
        String explanation,
        String fix,
        String example,
        String remedy,
        Impact impact,
        String subject) {

    public Finding {
        evidence = List.copyOf(evidence);
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score out of range: " + score);
        }
    }

    /** A finding without a remedy type or impact (most context findings). */
    public Finding(String id, String key, String detector, Category category, String title, int score,
                   Confidence confidence, long support, List<Evidence> evidence, String explanation, String fix,
                   String example) {
        this(id, key, detector, category, title, score, confidence, support, evidence, explanation, fix, example, null,
                null, null);
    }

    /** This finding with the planner's inputs: its fix type and the fraction it addresses. */
    public Finding withRemedy(String newRemedy, Impact newImpact) {
        return new Finding(id, key, detector, category, title, score, confidence, support, evidence, explanation, fix,
                example, newRemedy, newImpact, subject);
    }

    /** This finding with the code or object its fix changes, when the key names something else. */
    public Finding withSubject(String newSubject) {
        return new Finding(id, key, detector, category, title, score, confidence, support, evidence, explanation, fix,
                example, remedy, impact, newSubject);
    }

    public List<String> evidenceIds() {
        return evidence.stream().map(Evidence::id).toList();
    }

    public Finding withIdAndEvidence(String newId, List<Evidence> numbered) {
        return new Finding(newId, key, detector, category, title, score, confidence, support, numbered, explanation, fix,
                example, remedy, impact, subject);
    }
}
