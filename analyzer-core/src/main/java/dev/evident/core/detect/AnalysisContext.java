package dev.evident.core.detect;

import dev.evident.core.detect.profile.CallSiteAttribution;
import dev.evident.core.detect.profile.FrameClassifier;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.Profile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared state of one analysis run: the options, context evidence that no finding cites, and
 * derived views of profiles that several detectors need (computed once, on first use).
 */
public final class AnalysisContext {
    private final AnalysisOptions options;
    private final List<Evidence> notes = new ArrayList<>();
    private final Map<Profile, FrameClassifier> classifiers = new IdentityHashMap<>();
    private final Map<Profile, Map<Integer, CallSiteAttribution>> attributions = new IdentityHashMap<>();

    public AnalysisContext(AnalysisOptions options) {
        this.options = options;
    }

    public AnalysisOptions options() {
        return options;
    }

    /** Adds evidence that describes the data without supporting a finding. */
    public synchronized void note(Evidence evidence) {
        notes.add(evidence);
    }

    public synchronized List<Evidence> notes() {
        return List.copyOf(notes);
    }

    public synchronized FrameClassifier classifier(Profile profile) {
        return classifiers.computeIfAbsent(profile,
                p -> new FrameClassifier(p.frames(), options.applicationPackages()));
    }

    /** Self weight of one column grouped by the application frame that caused it. */
    public synchronized CallSiteAttribution attribution(Profile profile, int column) {
        return attributions.computeIfAbsent(profile, p -> new java.util.HashMap<>())
                .computeIfAbsent(column, c -> CallSiteAttribution.compute(profile, c, classifier(profile)));
    }
}
