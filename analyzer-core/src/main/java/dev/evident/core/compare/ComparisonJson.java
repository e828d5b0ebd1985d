package dev.evident.core.compare;

import dev.evident.core.model.Artifact;
import dev.evident.core.model.SkippedArtifact;
import dev.evident.core.render.JsonWriter;

import java.io.IOException;

/**
 * {@code evident compare} as JSON. {@code profiles[].flameGraph} is the differential flame graph
 * data set: a tree of frames with inclusive ({@code before}, {@code after}) and self shares of each
 * side's total, children heaviest first.
 */
public final class ComparisonJson {
    private ComparisonJson() {
    }

    public static void render(Comparison c, Appendable out) throws IOException {
        JsonWriter w = new JsonWriter(out);
        w.beginObject();
        w.field("tool", c.tool());
        w.field("headline", c.headline());
        w.field("verdict", c.verdict().label());
        w.field("failed", c.failed());
        w.name("options").beginObject().field("noiseBand", c.options().noiseBand()).field("alpha", c.options().alpha())
                .field("failOnRegression", c.options().failOnRegression()).endObject();
        w.name("latency").beginArray();
        for (SeriesComparison s : c.latency()) {
            w.beginObject().field("series", s.key()).field("verdict", s.verdict().label()).field("note", s.note())
                    .field("countBefore", s.before().count()).field("countAfter", s.after().count())
                    .field("sourceBefore", s.before().source()).field("sourceAfter", s.after().source());
            if (s.mannWhitney() != null) {
                w.name("mannWhitney").beginObject().field("u", s.mannWhitney().u()).field("z", s.mannWhitney().z())
                        .field("p", s.mannWhitney().p()).field("superiority", s.mannWhitney().superiority()).endObject();
            }
            w.name("changes").beginArray();
            for (MetricChange m : s.changes()) {
                w.beginObject().field("statistic", m.metric()).field("beforeMs", m.before()).field("afterMs", m.after())
                        .field("relative", m.relative()).field("ciLow", m.low()).field("ciHigh", m.high()).field("p", m.p())
                        .field("method", m.method()).field("verdict", m.verdict().label()).endObject();
            }
            w.endArray().endObject();
        }
        w.endArray();
        w.name("unpaired").beginArray();
        for (String u : c.unpaired()) {
            w.value(u);
        }
        w.endArray();
        w.name("profiles").beginArray();
        for (ProfileComparison p : c.profiles()) {
            w.beginObject().field("metric", p.metric()).field("unit", p.unit()).field("totalBefore", p.totalBefore())
                    .field("totalAfter", p.totalAfter());
            w.name("methods").beginArray();
            for (MethodDelta d : p.methods()) {
                w.beginObject().field("method", d.method()).field("selfBefore", d.selfBefore()).field("selfAfter", d.selfAfter())
                        .field("selfDelta", d.selfDelta()).field("selfP", d.selfP()).field("totalBefore", d.totalBefore())
                        .field("totalAfter", d.totalAfter()).field("totalDelta", d.totalDelta()).field("totalP", d.totalP())
                        .endObject();
            }
            w.endArray();
            w.name("flameGraph");
            node(p.flameGraph(), w);
            w.endObject();
        }
        w.endArray();
        w.name("findings").beginArray();
        for (FindingChange f : c.findings()) {
            w.beginObject().field("key", f.key()).field("title", f.title()).field("status", f.status())
                    .field("scoreBefore", f.scoreBefore()).field("scoreAfter", f.scoreAfter()).endObject();
        }
        w.endArray();
        artifacts("before", c.before(), w);
        artifacts("after", c.after(), w);
        w.name("skipped").beginArray();
        for (SkippedArtifact s : c.skipped()) {
            w.beginObject().field("path", s.path()).field("reason", s.reason()).endObject();
        }
        w.endArray();
        w.endObject();
    }

    private static void node(DiffNode n, JsonWriter w) throws IOException {
        w.beginObject().field("name", n.name()).field("before", n.before()).field("after", n.after())
                .field("selfBefore", n.selfBefore()).field("selfAfter", n.selfAfter());
        if (!n.children().isEmpty()) {
            w.name("children").beginArray();
            for (DiffNode child : n.children()) {
                node(child, w);
            }
            w.endArray();
        }
        w.endObject();
    }

    private static void artifacts(String name, java.util.List<Artifact> list, JsonWriter w) throws IOException {
        w.name(name).beginArray();
        for (Artifact a : list) {
            w.beginObject().field("path", a.path()).field("format", a.format()).field("sha256", a.sha256()).endObject();
        }
        w.endArray();
    }
}
