package dev.evident.ingest;

import dev.evident.core.model.IncidentContext;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.Profile;
import dev.evident.core.model.QueryPlan;
import dev.evident.core.model.SqlEvent;
import dev.evident.core.model.TimeWindow;

import java.util.ArrayList;
import java.util.List;

/** Collects what a reader emits, for assertions. */
public final class TestSink implements EvidenceSink {
    public final List<Profile> profiles = new ArrayList<>();
    public final List<JvmTimeline> timelines = new ArrayList<>();
    public final List<QueryPlan> plans = new ArrayList<>();
    public final List<SqlEvent> sqlEvents = new ArrayList<>();
    public final List<LatencySeries> latencies = new ArrayList<>();
    public final List<IncidentContext> incidents = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public String producer;
    public TimeWindow window;

    @Override
    public void producer(String producer) {
        this.producer = producer;
    }

    @Override
    public void window(TimeWindow window) {
        this.window = window;
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }

    @Override
    public void profile(Profile profile) {
        profiles.add(profile);
    }

    @Override
    public void timeline(JvmTimeline timeline) {
        timelines.add(timeline);
    }

    @Override
    public void plan(QueryPlan plan) {
        plans.add(plan);
    }

    @Override
    public void sqlEvent(SqlEvent event) {
        sqlEvents.add(event);
    }

    @Override
    public void latency(LatencySeries series) {
        latencies.add(series);
    }

    public Profile onlyProfile() {
        if (profiles.size() != 1) {
            throw new AssertionError("expected one profile, got " + profiles.size());
        }
        return profiles.get(0);
    }

    @Override
    public void incident(IncidentContext incident) {
        incidents.add(incident);
    }
}
