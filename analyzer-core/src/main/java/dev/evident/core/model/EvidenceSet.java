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
        List<JvmTimeline> timelines,
        List<QueryPlan> plans,
        List<SqlEvent> sqlEvents,
        List<LatencySeries> latencies,
        List<IncidentContext> incidents) {

    public EvidenceSet {
        artifacts = List.copyOf(artifacts);
        skipped = List.copyOf(skipped);
        profiles = List.copyOf(profiles);
        timelines = List.copyOf(timelines);
        plans = List.copyOf(plans);
        sqlEvents = List.copyOf(sqlEvents);
        latencies = List.copyOf(latencies);
        incidents = List.copyOf(incidents);
    }

    /** An evidence set without incident descriptions. */
    public EvidenceSet(List<Artifact> artifacts, List<SkippedArtifact> skipped, List<Profile> profiles,
                       List<JvmTimeline> timelines, List<QueryPlan> plans, List<SqlEvent> sqlEvents,
                       List<LatencySeries> latencies) {
        this(artifacts, skipped, profiles, timelines, plans, sqlEvents, latencies, List.of());
    }

    /** An evidence set with profiles and timelines only (the JVM readers' output), for tests and tools. */
    public static EvidenceSet ofProfiles(List<Profile> profiles, List<JvmTimeline> timelines) {
        return new EvidenceSet(List.of(), List.of(), profiles, timelines, List.of(), List.of(), List.of());
    }

    public static EvidenceSet empty() {
        return ofProfiles(List.of(), List.of());
    }

    public boolean isEmpty() {
        return artifacts.isEmpty();
    }

    public boolean hasMetric(MetricKind kind) {
        return profiles.stream().anyMatch(p -> p.metrics().stream().anyMatch(m -> m.kind() == kind));
    }
}
