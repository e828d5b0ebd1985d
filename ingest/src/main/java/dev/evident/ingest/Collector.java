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

/** The sink of one artifact: collects what its reader emits. */
final class Collector implements EvidenceSink {
    private static final int MAX_WARNINGS = 20;

    private final List<Profile> profiles = new ArrayList<>();
    private final List<JvmTimeline> timelines = new ArrayList<>();
    private final List<QueryPlan> plans = new ArrayList<>();
    private final List<SqlEvent> sqlEvents = new ArrayList<>();
    private final List<LatencySeries> latencies = new ArrayList<>();
    private final List<IncidentContext> incidents = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int droppedWarnings;
    private String producer;
    private TimeWindow window;

    @Override
    public synchronized void producer(String producer) {
        this.producer = producer;
    }

    @Override
    public synchronized void window(TimeWindow window) {
        this.window = this.window == null ? window : this.window.union(window);
    }

    @Override
    public synchronized void warning(String message) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(message);
        } else {
            droppedWarnings++;
        }
    }

    @Override
    public synchronized void profile(Profile profile) {
        profiles.add(profile);
    }

    @Override
    public synchronized void timeline(JvmTimeline timeline) {
        timelines.add(timeline);
    }

    @Override
    public synchronized void plan(QueryPlan plan) {
        plans.add(plan);
    }

    @Override
    public synchronized void sqlEvent(SqlEvent event) {
        sqlEvents.add(event);
    }

    @Override
    public synchronized void latency(LatencySeries series) {
        latencies.add(series);
    }

    @Override
    public synchronized void incident(IncidentContext incident) {
        incidents.add(incident);
    }

    /** True when the reader emitted anything at all. */
    synchronized boolean isEmpty() {
        return profiles.isEmpty() && timelines.isEmpty() && plans.isEmpty() && sqlEvents.isEmpty() && latencies.isEmpty()
                && incidents.isEmpty();
    }

    synchronized List<IncidentContext> incidents() {
        return List.copyOf(incidents);
    }

    synchronized List<QueryPlan> plans() {
        return List.copyOf(plans);
    }

    synchronized List<SqlEvent> sqlEvents() {
        return List.copyOf(sqlEvents);
    }

    synchronized List<LatencySeries> latencies() {
        return List.copyOf(latencies);
    }

    synchronized List<Profile> profiles() {
        return List.copyOf(profiles);
    }

    synchronized List<JvmTimeline> timelines() {
        return List.copyOf(timelines);
    }

    synchronized List<String> warnings() {
        List<String> out = new ArrayList<>(warnings);
        if (droppedWarnings > 0) {
            out.add(droppedWarnings + " more warnings not shown");
        }
        return out;
    }

    synchronized String producer() {
        return producer;
    }

    synchronized TimeWindow window() {
        return window;
    }
}
