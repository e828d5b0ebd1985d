package dev.evident.core.compare;

import dev.evident.core.model.Artifact;
import dev.evident.core.model.SkippedArtifact;

import java.util.List;

/**
 * Everything {@code evident compare} found: latency per series, profiles per metric, findings, and
 * the overall verdict.
 *
 * @param tool            "evident" and its version
 * @param options         noise band, α, fail-on-regression
 * @param latency         per paired series
 * @param unpaired        series present on one side only ("before: ab x" / "after: ...")
 * @param profiles        per metric
 * @param findings        finding changes, disappeared first
 * @param verdict         regressed if any series regressed, improved if any improved, else no change
 * @param failed          true when a regression reaches {@code --fail-on-regression}
 * @param headline        one sentence
 * @param before          artifacts read before
 * @param after           artifacts read after
 * @param skipped         inputs of either side that could not be read
 */
public record Comparison(String tool, CompareOptions options, List<SeriesComparison> latency, List<String> unpaired,
                         List<ProfileComparison> profiles, List<FindingChange> findings, Verdict verdict, boolean failed,
                         String headline, List<Artifact> before, List<Artifact> after, List<SkippedArtifact> skipped) {

    public Comparison {
        latency = List.copyOf(latency);
        unpaired = List.copyOf(unpaired);
        profiles = List.copyOf(profiles);
        findings = List.copyOf(findings);
        before = List.copyOf(before);
        after = List.copyOf(after);
        skipped = List.copyOf(skipped);
    }
}
