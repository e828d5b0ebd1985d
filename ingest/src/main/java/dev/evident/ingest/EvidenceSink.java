package dev.evident.ingest;

import dev.evident.core.model.IncidentContext;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.Profile;
import dev.evident.core.model.QueryPlan;
import dev.evident.core.model.SqlEvent;
import dev.evident.core.model.TimeWindow;

/** Where a reader puts what it found in one artifact. */
public interface EvidenceSink {

    /** The tool that wrote the artifact, e.g. "async-profiler 4.6". */
    void producer(String producer);

    /** The time the artifact covers. */
    void window(TimeWindow window);

    /** A problem the reader worked around, naming the place (offset, line) and what it did. */
    void warning(String message);

    void profile(Profile profile);

    void timeline(JvmTimeline timeline);

    void plan(QueryPlan plan);

    void sqlEvent(SqlEvent event);

    void latency(LatencySeries series);

    /**
     * An incident description (symptom, stack, traffic, latency objectives). A default so that sinks
     * written before incident files existed still compile; they say what they dropped.
     */
    default void incident(IncidentContext incident) {
        warning("this sink does not keep incident descriptions; " + incident.source() + " was ignored");
    }
}
