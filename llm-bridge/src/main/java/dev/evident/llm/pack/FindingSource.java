package dev.evident.llm.pack;

import dev.evident.core.model.Finding;
import dev.evident.core.model.Quantity;
import dev.evident.core.report.Report;

import java.util.ArrayList;
import java.util.List;

/**
 * Every finding, most severe first (the report's order), with its explanation and fix; the code
 * example of each fix is a separate, cheaper-to-lose item under the plan stage.
 */
final class FindingSource implements PackSource {

    @Override
    public List<Candidate> candidates(Report report, Incident incident) {
        List<Candidate> out = new ArrayList<>();
        List<Candidate> examples = new ArrayList<>();
        for (Finding f : report.findings()) {
            List<PackItem.Field> fields = List.of(
                    new PackItem.Field("title", f.title()),
                    new PackItem.Field("category", f.category().label()),
                    new PackItem.Field("confidence", f.confidence().level().label()),
                    new PackItem.Field("confidenceReason", f.confidence().reason()),
                    new PackItem.Field("explanation", f.explanation()),
                    new PackItem.Field("fix", f.fix()));
            out.add(new Candidate(new PackItem(f.id(), Stage.BOTTLENECK, "finding", fields,
                    List.of(Quantity.of("score", f.score(), "of 100")), f.evidenceIds()), FINDINGS));
            if (f.example() != null && !f.example().isBlank()) {
                examples.add(new Candidate(new PackItem(null, Stage.PLAN, "fix-example",
                        List.of(new PackItem.Field("forFinding", f.id()), new PackItem.Field("code", f.example().strip())),
                        List.of(), List.of(f.id())), DETAIL));
            }
        }
        out.addAll(examples);
        return out;
    }
}
