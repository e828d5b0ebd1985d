package dev.evident.llm.pack;

import dev.evident.core.report.Report;

import java.util.List;

/**
 * The impact and implementation-plan stages. <b>Extension point for issue 7:</b> the report has no
 * optimization plan yet, so today this source only tells the model so, and the model is asked to
 * name the measured share each fix addresses instead of estimating gains. When {@code Report}
 * carries an {@code OptimizationPlan}, this is the one class to change: emit its hypothesis (stage
 * {@link Stage#BASELINE}) and one item per {@code PlanItem} with id {@code P1}, {@code P2}, ... (stage
 * {@link Stage#PLAN}; fields title, effort, code, validation; values conservative / realistic /
 * optimistic gain; refs the findings it addresses), and drop the notes below. The ids then become
 * citable and the verifier checks gains against them like any other number.
 */
final class PlanSource implements PackSource {
    static final String NO_IMPACT = "This report has no optimization plan, so it has no impact estimates. For each fix, "
            + "name the measured share of time, samples or bytes it addresses, from the findings and evidence; do not "
            + "estimate a gain.";
    static final String NO_PLAN = "No planned fixes yet: each finding's fix field says what to change, and its score "
            + "says how much it matters. Order the changes by score.";

    @Override
    public List<Candidate> candidates(Report report, Incident incident) {
        return List.of(
                new Candidate(note(Stage.IMPACT, NO_IMPACT), ALWAYS),
                new Candidate(note(Stage.PLAN, NO_PLAN), ALWAYS));
    }

    private static PackItem note(Stage stage, String text) {
        return new PackItem(null, stage, "note", List.of(new PackItem.Field("text", text)), List.of(), List.of());
    }
}
