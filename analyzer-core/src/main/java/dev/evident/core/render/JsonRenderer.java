package dev.evident.core.render;

import dev.evident.core.model.Artifact;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.Finding;
import dev.evident.core.model.Quantity;
import dev.evident.core.model.SkippedArtifact;
import dev.evident.core.report.EvidenceGap;
import dev.evident.core.report.Report;

import java.io.IOException;
import java.time.Instant;

/** The report as JSON for machines: every finding, every evidence item with its numbers. */
public final class JsonRenderer implements Renderer {

    @Override
    public String format() {
        return "json";
    }

    @Override
    public void render(Report report, Appendable out) throws IOException {
        JsonWriter w = new JsonWriter(out);
        w.beginObject();
        w.field("tool", report.tool());
        w.field("headline", report.headline());
        w.name("bound").beginObject();
        w.field("bound", report.bound().bound() == null ? null : report.bound().bound().label());
        w.name("confidence").beginObject()
                .field("level", report.bound().confidence().level().label())
                .field("reason", report.bound().confidence().reason())
                .endObject();
        w.field("statement", report.bound().statement());
        w.name("shares").beginArray();
        for (var s : report.bound().shares()) {
            w.beginObject().field("bound", s.bound().label()).field("share", s.share() * 100)
                    .field("events", s.events()).field("evidence", s.evidence().id()).endObject();
        }
        w.endArray();
        w.endObject();
        LatencyJson.write(report.latency(), w);
        NarrativeJson.write(report.narrative(), w);

        w.name("findings").beginArray();
        for (Finding f : report.findings()) {
            w.beginObject();
            w.field("id", f.id());
            w.field("key", f.key());
            w.field("detector", f.detector());
            w.field("category", f.category().label());
            w.field("title", f.title());
            w.field("score", f.score());
            w.name("confidence").beginObject()
                    .field("level", f.confidence().level().label())
                    .field("reason", f.confidence().reason())
                    .endObject();
            w.name("evidence").beginArray();
            for (String id : f.evidenceIds()) {
                w.value(id);
            }
            w.endArray();
            w.field("explanation", f.explanation());
            w.field("fix", f.fix());
            w.field("example", f.example());
            w.field("remedy", f.remedy());
            if (f.impact() != null) {
                w.name("impact").beginObject()
                        .field("of", f.impact().of())
                        .field("share", f.impact().share() * 100)
                        .field("low", f.impact().low() * 100)
                        .field("high", f.impact().high() * 100)
                        .field("unit", "%")
                        .endObject();
            }
            w.endObject();
        }
        w.endArray();

        PlanJson.write(report.plan(), w);

        w.name("evidence").beginArray();
        for (Evidence e : report.evidence()) {
            w.beginObject();
            w.field("id", e.id());
            w.field("key", e.key());
            w.field("kind", e.kind());
            w.field("statement", e.statement());
            w.name("values").beginArray();
            for (Quantity q : e.values()) {
                w.beginObject().field("name", q.name()).field("value", q.value()).field("unit", q.unit()).endObject();
            }
            w.endArray();
            w.field("source", e.source());
            w.field("location", e.location());
            w.endObject();
        }
        w.endArray();

        w.name("gaps").beginArray();
        for (EvidenceGap g : report.gaps()) {
            w.beginObject().field("missing", g.missing()).field("consequence", g.consequence())
                    .field("command", g.command()).endObject();
        }
        w.endArray();

        w.name("artifacts").beginArray();
        for (Artifact a : report.artifacts()) {
            w.beginObject();
            w.field("path", a.path());
            w.field("format", a.format());
            w.field("sizeBytes", a.sizeBytes());
            w.field("sha256", a.sha256());
            w.field("producer", a.producer());
            if (a.window() != null) {
                w.field("start", Instant.ofEpochSecond(0, a.window().startEpochNanos()).toString());
                w.field("durationSeconds", a.window().seconds());
            }
            w.name("warnings").beginArray();
            for (String warning : a.warnings()) {
                w.value(warning);
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();

        w.name("skipped").beginArray();
        for (SkippedArtifact s : report.skipped()) {
            w.beginObject().field("path", s.path()).field("sizeBytes", s.sizeBytes()).field("reason", s.reason())
                    .endObject();
        }
        w.endArray();

        w.name("warnings").beginArray();
        for (String warning : report.warnings()) {
            w.value(warning);
        }
        w.endArray();
        w.endObject();
    }
}
