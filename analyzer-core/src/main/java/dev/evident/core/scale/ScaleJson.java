package dev.evident.core.scale;

import dev.evident.core.render.JsonWriter;

import java.io.IOException;

/** {@code evident scale} as JSON. */
public final class ScaleJson {
    private ScaleJson() {
    }

    public static void render(ScaleAnalysis a, Appendable out) throws IOException {
        JsonWriter w = new JsonWriter(out);
        w.beginObject().field("tool", a.tool()).field("headline", a.headline());
        w.name("series").beginArray();
        for (ScaleFit f : a.series()) {
            fit(f, w);
        }
        w.endArray();
        w.field("fastestMethod", a.fastest() == null ? null : a.fastest().subject());
        w.name("methods").beginArray();
        for (ScaleFit f : a.methods()) {
            fit(f, w);
        }
        w.endArray();
        w.name("notes").beginArray();
        for (String n : a.notes()) {
            w.value(n);
        }
        w.endArray();
        w.endObject();
    }

    private static void fit(ScaleFit f, JsonWriter w) throws IOException {
        w.beginObject().field("subject", f.subject()).field("kind", f.kind()).field("unit", f.unit());
        w.name("points").beginArray();
        for (int i = 0; i < f.n().length; i++) {
            w.beginObject().field("n", f.n()[i]).field("cost", f.cost()[i]).endObject();
        }
        w.endArray();
        w.field("k", f.fit().k()).field("kCiLow", f.fit().kLow()).field("kCiHigh", f.fit().kHigh())
                .field("rSquared", f.fit().rSquared()).field("complexity", f.best().label())
                .field("application", f.application()).field("shareAtLargest", f.shareAtLargest());
        if (!Double.isNaN(f.at())) {
            w.name("extrapolation").beginObject().field("n", f.at()).field("cost", f.predicted())
                    .field("predictionLow", f.low()).field("predictionHigh", f.high()).endObject();
        }
        w.endObject();
    }
}
