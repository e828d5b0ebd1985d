package dev.evident.llm.pack;

import dev.evident.core.report.Report;

import java.util.ArrayList;
import java.util.List;

/** The user's own statements, citable as {@code U1}, {@code U2}, ... (only the ones given). */
final class IncidentSource implements PackSource {

    @Override
    public List<Candidate> candidates(Report report, Incident incident) {
        List<Candidate> out = new ArrayList<>();
        add(out, "symptom", incident.symptom());
        add(out, "stack", incident.stack());
        add(out, "sla", incident.sla());
        add(out, "traffic", incident.traffic());
        return out;
    }

    private static void add(List<Candidate> out, String name, String text) {
        if (Incident.blank(text)) {
            return;
        }
        String id = "U" + (out.size() + 1);
        out.add(new Candidate(new PackItem(id, Stage.BASELINE, "user-statement",
                List.of(new PackItem.Field("about", name), new PackItem.Field("statement", text.strip())),
                List.of(), List.of()), ALWAYS));
    }
}
