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
        String example) {

    public Finding {
        evidence = List.copyOf(evidence);
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score out of range: " + score);
        }
    }

    public List<String> evidenceIds() {
        return evidence.stream().map(Evidence::id).toList();
    }

    public Finding withIdAndEvidence(String newId, List<Evidence> numbered) {
        return new Finding(newId, key, detector, category, title, score, confidence, support, numbered, explanation, fix,
                example);
    }
}
