package dev.evident.llm.pack;

import dev.evident.core.report.EvidenceGap;
import dev.evident.core.report.Report;

import java.util.ArrayList;
import java.util.List;

/** What the input lacks and the command that collects it: the raw material of the validation stage. */
final class GapSource implements PackSource {

    @Override
    public List<Candidate> candidates(Report report, Incident incident) {
        List<Candidate> out = new ArrayList<>();
        for (EvidenceGap g : report.gaps()) {
            out.add(new Candidate(new PackItem(null, Stage.VALIDATION, "gap",
                    List.of(new PackItem.Field("missing", g.missing()),
                            new PackItem.Field("consequence", g.consequence()),
                            new PackItem.Field("command", g.command())),
                    List.of(), List.of()), FINDINGS));
        }
        return out;
    }
}
