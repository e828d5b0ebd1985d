package dev.evident.llm.pack;

import dev.evident.core.detect.bound.BoundClassification;
import dev.evident.core.detect.bound.BoundShare;
import dev.evident.core.model.Quantity;
import dev.evident.core.report.Report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's headline and its bound classification (what limits the workload). Neither has an
 * id of its own: a claim about the bound cites the evidence its shares come from.
 */
final class DiagnosisSource implements PackSource {

    @Override
    public List<Candidate> candidates(Report report, Incident incident) {
        List<Candidate> out = new ArrayList<>();
        out.add(new Candidate(new PackItem(null, Stage.BASELINE, "headline",
                List.of(new PackItem.Field("text", report.headline())), List.of(), List.of()), ALWAYS));
        BoundClassification bound = report.bound();
        if (bound != null) {
            List<PackItem.Field> fields = new ArrayList<>();
            fields.add(new PackItem.Field("bound", bound.bound() == null ? "unknown" : bound.bound().label()));
            fields.add(new PackItem.Field("statement", bound.statement()));
            fields.add(new PackItem.Field("confidence", bound.confidence().level().label()));
            fields.add(new PackItem.Field("confidenceReason", bound.confidence().reason()));
            List<Quantity> values = new ArrayList<>();
            List<String> refs = new ArrayList<>();
            for (BoundShare share : bound.shares()) {
                values.add(Quantity.of(share.bound().label(), share.share() * 100, "%"));
                if (share.evidence() != null && share.evidence().id() != null && !refs.contains(share.evidence().id())) {
                    refs.add(share.evidence().id());
                }
            }
            out.add(new Candidate(new PackItem(null, Stage.BASELINE, "bound", fields, values, refs), ALWAYS));
        }
        return out;
    }
}
