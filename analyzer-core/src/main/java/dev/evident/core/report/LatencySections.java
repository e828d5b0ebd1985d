package dev.evident.core.report;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.latency.LatencyBaseline;
import dev.evident.core.detect.latency.LatencyBaselines;
import dev.evident.core.detect.latency.LatencySection;
import dev.evident.core.detect.latency.SlaCheck;
import dev.evident.core.detect.latency.SlaChecks;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the report's latency section and gives its evidence the report's ids. */
final class LatencySections {
    private LatencySections() {
    }

    /** Computes baselines and objective checks; their evidence becomes context evidence of the report. */
    static LatencySection note(EvidenceSet evidence, AnalysisContext context) {
        List<LatencyBaseline> baselines = LatencyBaselines.of(evidence);
        List<SlaCheck> checks = SlaChecks.of(baselines, context.options().slas(), evidence);
        for (SlaCheck c : checks) {
            context.note(c.evidence());
        }
        for (LatencyBaseline b : baselines) {
            context.note(b.evidence());
        }
        return new LatencySection(baselines, checks, evidence.incidents());
    }

    static LatencySection withNumberedEvidence(LatencySection section, Map<String, Evidence> numbered) {
        List<LatencyBaseline> baselines = new ArrayList<>();
        for (LatencyBaseline b : section.baselines()) {
            baselines.add(b.withEvidence(numbered.get(b.evidence().key())));
        }
        List<SlaCheck> checks = new ArrayList<>();
        for (SlaCheck c : section.slaChecks()) {
            checks.add(c.withEvidence(numbered.get(c.evidence().key()),
                    c.baseline().withEvidence(numbered.get(c.baseline().evidence().key()))));
        }
        return new LatencySection(baselines, checks, section.incidents());
    }
}
