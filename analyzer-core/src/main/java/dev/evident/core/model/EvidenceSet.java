package dev.evident.core.model;

import java.util.List;

/**
 * Everything ingested in one run, in a deterministic order (by artifact path). Below ingest,
 * nothing knows file formats: detectors read only this.
 */
public record EvidenceSet(
        List<Artifact> artifacts,
        List<SkippedArtifact> skipped,
        List<Profile> profiles,
        List<JvmTimeline> timelines) {

    public EvidenceSet {
        artifacts = List.copyOf(artifacts);
        skipped = List.copyOf(skipped);
        profiles = List.copyOf(profiles);
        timelines = List.copyOf(timelines);
    }

    public boolean isEmpty() {
        return artifacts.isEmpty();
    }

    public boolean hasMetric(MetricKind kind) {
        return profiles.stream().anyMatch(p -> p.metrics().stream().anyMatch(m -> m.kind() == kind));
    }
}
