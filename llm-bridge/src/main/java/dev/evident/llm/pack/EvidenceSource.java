package dev.evident.llm.pack;

import dev.evident.core.detect.bound.BoundShare;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.Finding;
import dev.evident.core.report.Report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbered evidence, highest impact first: what the bound classification rests on, then what
 * each finding cites in the findings' order (most severe first), then the context facts nothing
 * cites. Never the raw artifacts: only each item's statement, numbers and source path.
 */
final class EvidenceSource implements PackSource {

    @Override
    public List<Candidate> candidates(Report report, Incident incident) {
        Map<String, Evidence> byId = new LinkedHashMap<>();
        for (Evidence e : report.evidence()) {
            byId.put(e.id(), e);
        }
        Map<String, Integer> order = new LinkedHashMap<>();
        if (report.bound() != null) {
            for (BoundShare share : report.bound().shares()) {
                if (share.evidence() != null && share.evidence().id() != null) {
                    order.putIfAbsent(share.evidence().id(), CITED_EVIDENCE);
                }
            }
        }
        for (Finding f : report.findings()) {
            for (String id : f.evidenceIds()) {
                order.putIfAbsent(id, CITED_EVIDENCE);
            }
        }
        for (String id : byId.keySet()) {
            order.putIfAbsent(id, CONTEXT);
        }
        List<Candidate> out = new ArrayList<>();
        order.forEach((id, tier) -> {
            Evidence e = byId.get(id);
            if (e != null) {
                out.add(new Candidate(item(e), tier));
            }
        });
        return out;
    }

    static PackItem item(Evidence e) {
        List<PackItem.Field> fields = new ArrayList<>();
        fields.add(new PackItem.Field("statement", e.statement()));
        if (e.source() != null) {
            fields.add(new PackItem.Field("source", e.source()));
        }
        return new PackItem(e.id(), Stage.EVIDENCE, "evidence:" + e.kind(), fields, e.values(), List.of());
    }
}
