package dev.evident.bench;

import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.Profile;
import dev.evident.core.model.QueryPlan;
import dev.evident.core.model.SqlEvent;
import dev.evident.core.model.TimeWindow;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;

/** Keeps the one profile a reader emits, for in-process timing of readers. */
class BenchSink implements EvidenceSink {
    Profile profile;

    static Profile readOne(ArtifactReader reader, ArtifactInput input) throws Exception {
        BenchSink sink = new BenchSink();
        reader.read(input, sink);
        return sink.profile;
    }

    @Override
    public void producer(String producer) {
    }

    @Override
    public void window(TimeWindow window) {
    }

    @Override
    public void warning(String message) {
    }

    @Override
    public void profile(Profile p) {
        profile = p;
    }

    @Override
    public void timeline(JvmTimeline timeline) {
    }

    @Override
    public void plan(QueryPlan plan) {
    }

    @Override
    public void sqlEvent(SqlEvent event) {
    }

    @Override
    public void latency(LatencySeries series) {
    }
}
