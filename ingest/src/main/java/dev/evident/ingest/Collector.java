package dev.evident.ingest;

import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.Profile;
import dev.evident.core.model.TimeWindow;

import java.util.ArrayList;
import java.util.List;

/** The sink of one artifact: collects what its reader emits. */
final class Collector implements EvidenceSink {
    private static final int MAX_WARNINGS = 20;

    private final List<Profile> profiles = new ArrayList<>();
    private final List<JvmTimeline> timelines = new ArrayList<>();
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
