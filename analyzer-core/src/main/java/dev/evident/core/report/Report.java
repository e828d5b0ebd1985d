package dev.evident.core.report;

import dev.evident.core.detect.bound.BoundClassification;
import dev.evident.core.detect.latency.LatencySection;
import dev.evident.core.model.Artifact;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.Finding;
import dev.evident.core.model.SkippedArtifact;
import dev.evident.core.plan.OptimizationPlan;

import java.util.List;

/**
 * The result of one analysis, ready to render. Everything in it is deterministic for the same
 * input: no clock readings, stable orders, stable ids.
 *
 * @param tool      "evident" and its version
 * @param headline  one sentence: the top finding, or that nothing dominates
 * @param bound     what limits the workload (CPU, I/O, lock, GC, database), with confidence
 * @param artifacts inputs that were read
 * @param skipped   inputs that could not be used, with the reason
 * @param findings  diagnosed problems, most severe first ({@code F1} first)
 * @param evidence  every fact cited by a finding, then context facts ({@code E1} first)
 * @param gaps      evidence that is missing and how to collect it
 * @param warnings  problems of the analysis itself (a detector that failed on this input)
 * @param latency   latency baselines, objectives checked against them, incident descriptions
 * @param plan      the fixes in order of expected gain per hour, the root-cause hypothesis and the
 *                  validation plan
 * @param flames    every profile metric's call tree in drawable form (the HTML report's flame
 *                  graphs; not part of the JSON report)
 * @param narrative the optional model-written narrative, checked against the evidence, or
 *                  {@code null} when no model was configured (the default)
 */
public record Report(
        String tool,
        String headline,
        BoundClassification bound,
        List<Artifact> artifacts,
        List<SkippedArtifact> skipped,
        List<Finding> findings,
        List<Evidence> evidence,
        List<EvidenceGap> gaps,
        List<String> warnings,
        LatencySection latency,
        OptimizationPlan plan,
        List<FlameGraph> flames,
        Narrative narrative) {

    /** A report without a model-written narrative: what the analyzer produces. */
    public Report(String tool, String headline, BoundClassification bound, List<Artifact> artifacts,
                  List<SkippedArtifact> skipped, List<Finding> findings, List<Evidence> evidence, List<EvidenceGap> gaps,
                  List<String> warnings, LatencySection latency, OptimizationPlan plan, List<FlameGraph> flames) {
        this(tool, headline, bound, artifacts, skipped, findings, evidence, gaps, warnings, latency, plan, flames, null);
    }

    public Report {
        artifacts = List.copyOf(artifacts);
        skipped = List.copyOf(skipped);
        findings = List.copyOf(findings);
        evidence = List.copyOf(evidence);
        gaps = List.copyOf(gaps);
        warnings = List.copyOf(warnings);
        flames = List.copyOf(flames);
    }

    /** The same report with a narrative attached; the deterministic parts are unchanged. */
    public Report withNarrative(Narrative newNarrative) {
        return new Report(tool, headline, bound, artifacts, skipped, findings, evidence, gaps, warnings, latency, plan,
                flames, newNarrative);
    }
}
