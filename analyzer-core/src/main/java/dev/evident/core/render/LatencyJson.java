package dev.evident.core.render;

import dev.evident.core.detect.latency.LatencyBaseline;
import dev.evident.core.detect.latency.LatencySection;
import dev.evident.core.detect.latency.SlaCheck;
import dev.evident.core.model.IncidentContext;
import dev.evident.core.model.LatencySeries;

import java.io.IOException;

/** The JSON of the report's latency section. Numbers are milliseconds; null where unknown. */
final class LatencyJson {
    private LatencyJson() {
    }

    static void write(LatencySection latency, JsonWriter w) throws IOException {
        w.name("latency").beginObject();
        w.name("slaChecks").beginArray();
        for (SlaCheck c : latency.slaChecks()) {
            w.beginObject().field("objective", c.sla().text()).field("origin", c.sla().origin())
                    .field("metric", c.sla().metricName()).field("limitMs", c.sla().limitMs())
                    .field("series", c.baseline().series().key()).field("measuredMs", c.measured())
                    .field("ciLowMs", c.low()).field("ciHighMs", c.high()).field("breached", c.breached())
                    .field("excessPercent", c.excess() * 100).field("evidence", c.evidence().id()).endObject();
        }
        w.endArray();
        w.name("baselines").beginArray();
        for (LatencyBaseline b : latency.baselines()) {
            LatencySeries s = b.series();
            w.beginObject().field("tool", s.tool()).field("label", s.label()).field("source", s.source())
                    .field("requests", s.count()).field("errors", s.errors())
                    .field("rawSamples", s.hasSamples()).field("exact", s.hasSamples() && s.distribution().exact())
                    .field("p50Ms", b.p50()).field("p90Ms", b.p90()).field("p95Ms", b.p95())
                    .field("p95CiLowMs", b.p95Low()).field("p95CiHighMs", b.p95High()).field("p99Ms", b.p99())
                    .field("p99CiLowMs", b.p99Low()).field("p99CiHighMs", b.p99High()).field("p999Ms", b.p999())
                    .field("maxMs", b.max()).field("meanMs", b.mean()).field("throughputPerSecond", b.throughput())
                    .field("errorRate", b.errorRate()).field("tailRatio", b.tailRatio());
            w.name("parameters").beginObject();
            for (var p : s.parameters().entrySet()) {
                w.field(p.getKey(), p.getValue());
            }
            w.endObject();
            if (s.hasSamples()) {
                // the distribution itself, for latency charts (issue 7's HTML report): distinct values and counts
                w.name("histogram").beginObject();
                w.name("valuesMs").beginArray();
                for (double v : s.distribution().valuesMs()) {
                    w.value(v);
                }
                w.endArray();
                w.name("counts").beginArray();
                for (long n : s.distribution().counts()) {
                    w.value(n);
                }
                w.endArray();
                w.endObject();
            }
            w.field("evidence", b.evidence().id()).endObject();
        }
        w.endArray();
        w.name("incidents").beginArray();
        for (IncidentContext i : latency.incidents()) {
            w.beginObject().field("source", i.source()).field("symptom", i.symptom()).field("stack", i.stack())
                    .field("traffic", i.traffic()).field("endpoint", i.endpoint());
            w.name("slas").beginArray();
            i.slas().forEach(sla -> {
                try {
                    w.value(sla.text());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
}
