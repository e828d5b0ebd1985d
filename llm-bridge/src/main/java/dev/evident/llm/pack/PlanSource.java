package dev.evident.llm.pack;

import dev.evident.core.model.Quantity;
import dev.evident.core.plan.Gain;
import dev.evident.core.plan.Hypothesis;
import dev.evident.core.plan.OptimizationPlan;
import dev.evident.core.plan.PlanItem;
import dev.evident.core.plan.ValidationPlan;
import dev.evident.core.report.Report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's optimization plan: the root-cause hypothesis (baseline stage), one citable item per
 * fix ({@code P1}, {@code P2}, ... with its expected gains, effort and the findings and evidence it
 * rests on), each fix's code as cheaper detail, and the validation plan. The gains are evident's
 * own computations from cited fractions, so the model may quote them and the verifier checks them
 * like any other number. Without plan items the model is told so and asked not to estimate gains.
 */
final class PlanSource implements PackSource {
    static final String NO_IMPACT = "This report has no optimization plan, so it has no impact estimates. For each fix, "
            + "name the measured share of time, samples or bytes it addresses, from the findings and evidence; do not "
            + "estimate a gain.";
    static final String NO_PLAN = "No planned fixes: each finding's fix field says what to change, and its score "
            + "says how much it matters. Order the changes by score.";
    static final String GAINS = "Expected gains are evident's estimates: Amdahl's law on the cited fraction with the fix "
            + "type's speedup range. Quote them as estimates with their range, never as measurements.";

    @Override
    public List<Candidate> candidates(Report report, Incident incident) {
        OptimizationPlan plan = report.plan();
        List<Candidate> out = new ArrayList<>();
        if (plan == null) {
            out.add(new Candidate(note(Stage.IMPACT, NO_IMPACT), ALWAYS));
            out.add(new Candidate(note(Stage.PLAN, NO_PLAN), ALWAYS));
            return out;
        }
        Hypothesis h = plan.hypothesis();
        List<PackItem.Field> hypothesis = new ArrayList<>(List.of(
                new PackItem.Field("statement", h.statement()),
                new PackItem.Field("confidence", h.confidence().level().label()),
                new PackItem.Field("confidenceReason", h.confidence().reason())));
        for (String reason : h.reasons()) {
            hypothesis.add(new PackItem.Field("reason", reason));
        }
        out.add(new Candidate(new PackItem(null, Stage.BASELINE, "hypothesis", hypothesis, List.of(),
                referencedIds(report, h)), ALWAYS));

        if (plan.items().isEmpty()) {
            out.add(new Candidate(note(Stage.IMPACT, NO_IMPACT), ALWAYS));
            out.add(new Candidate(note(Stage.PLAN, NO_PLAN), ALWAYS));
        } else {
            out.add(new Candidate(note(Stage.IMPACT, GAINS), ALWAYS));
        }
        List<Candidate> code = new ArrayList<>();
        for (PlanItem item : plan.items()) {
            List<PackItem.Field> fields = new ArrayList<>(List.of(
                    new PackItem.Field("title", item.title()),
                    new PackItem.Field("remedy", item.remedy().id()),
                    new PackItem.Field("guidance", item.guidance()),
                    new PackItem.Field("verify", item.verify())));
            List<Quantity> values = new ArrayList<>();
            values.add(Quantity.of("effort", item.effortHours(), "h"));
            List<String> refs = new ArrayList<>(item.findingIds());
            Gain g = item.gain();
            if (g != null) {
                fields.add(new PackItem.Field("gainOf", g.of()));
                fields.add(new PackItem.Field("gainBasis", g.basis()));
                values.add(Quantity.of("gain conservative", g.conservative() * 100, "%"));
                values.add(Quantity.of("gain realistic", g.realistic() * 100, "%"));
                values.add(Quantity.of("gain optimistic", g.optimistic() * 100, "%"));
                values.add(Quantity.of("gain per hour", item.priority(), "%/h"));
                refs.addAll(g.evidenceIds());
            } else {
                fields.add(new PackItem.Field("gain", "not estimated: no finding cites a fraction"));
            }
            if (item.quickWin()) {
                fields.add(new PackItem.Field("quickWin", "yes: under a day of work and over 30% of the time saved"));
            }
            out.add(new Candidate(new PackItem(item.id(), Stage.PLAN, "plan-item", fields, values, refs), FINDINGS));
            if (item.code() != null && !item.code().isBlank()) {
                code.add(new Candidate(new PackItem(null, Stage.PLAN, "plan-code",
                        List.of(new PackItem.Field("forItem", item.id()), new PackItem.Field("code", item.code().strip())),
                        List.of(), List.of(item.id())), DETAIL));
            }
        }
        out.addAll(code);

        ValidationPlan v = plan.validation();
        List<PackItem.Field> validation = new ArrayList<>();
        v.baseline().forEach(b -> validation.add(new PackItem.Field("baseline", b)));
        v.steps().forEach(s -> validation.add(new PackItem.Field("step", s)));
        if (v.loadTest() != null) {
            validation.add(new PackItem.Field("loadTest", v.loadTest()));
        }
        if (!validation.isEmpty()) {
            out.add(new Candidate(new PackItem(null, Stage.VALIDATION, "validation-plan", validation, List.of(),
                    plan.items().stream().limit(3).map(PlanItem::id).toList()), CITED_EVIDENCE));
        }
        return out;
    }

    /** Finding and evidence ids the hypothesis names, so its numbers can be checked against them. */
    private static List<String> referencedIds(Report report, Hypothesis h) {
        List<String> ids = new ArrayList<>();
        String all = h.statement() + " " + String.join(" ", h.reasons());
        report.findings().forEach(f -> {
            if (all.matches("(?s).*\\b" + f.id() + "\\b.*")) {
                ids.add(f.id());
            }
        });
        report.bound().shares().forEach(s -> {
            if (s.evidence() != null && !ids.contains(s.evidence().id())) {
                ids.add(s.evidence().id());
            }
        });
        return ids;
    }

    private static PackItem note(Stage stage, String text) {
        return new PackItem(null, stage, "note", List.of(new PackItem.Field("text", text)), List.of(), List.of());
    }
}
