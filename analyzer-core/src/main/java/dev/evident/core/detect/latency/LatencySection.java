package dev.evident.core.detect.latency;

import dev.evident.core.model.IncidentContext;
import dev.evident.core.model.Sla;

import java.util.List;

/**
 * The latency part of a report: a baseline per series, the objectives checked against it, and the
 * incident descriptions that came with the artifacts.
 */
public record LatencySection(List<LatencyBaseline> baselines, List<SlaCheck> slaChecks, List<IncidentContext> incidents) {

    public LatencySection {
        baselines = List.copyOf(baselines);
        slaChecks = List.copyOf(slaChecks);
        incidents = List.copyOf(incidents);
    }

    public static LatencySection empty() {
        return new LatencySection(List.of(), List.of(), List.of());
    }

    public List<SlaCheck> breaches() {
        return slaChecks.stream().filter(SlaCheck::breached).toList();
    }

    /** Every distinct objective: those checked, then those of the incidents that no series could check. */
    public List<Sla> objectives() {
        java.util.LinkedHashSet<Sla> out = new java.util.LinkedHashSet<>();
        slaChecks.forEach(c -> out.add(c.sla()));
        incidents.forEach(i -> out.addAll(i.slas()));
        return List.copyOf(out);
    }
}
