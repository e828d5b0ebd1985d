package dev.evident.core.render;

import dev.evident.core.plan.Gain;
import dev.evident.core.plan.Hypothesis;
import dev.evident.core.plan.OptimizationPlan;
import dev.evident.core.plan.PlanItem;
import dev.evident.core.plan.ValidationPlan;

import java.io.IOException;
import java.util.List;

/** The optimization plan as the {@code plan} member of the JSON report. */
final class PlanJson {
    private PlanJson() {
    }

    static void write(OptimizationPlan plan, JsonWriter w) throws IOException {
        w.name("plan").beginObject();
        Hypothesis h = plan.hypothesis();
        w.name("hypothesis").beginObject()
                .field("statement", h.statement())
                .field("bound", h.bound())
                .name("confidence").beginObject()
                .field("level", h.confidence().level().label())
                .field("reason", h.confidence().reason())
                .endObject();
        strings(w, "reasons", h.reasons());
        w.endObject();

        w.name("items").beginArray();
        for (PlanItem item : plan.items()) {
            w.beginObject();
            w.field("id", item.id());
            w.field("title", item.title());
            strings(w, "findings", item.findingIds());
            w.field("remedy", item.remedy().id());
            Gain g = item.gain();
            if (g == null) {
                w.field("gain", (String) null);
            } else {
                w.name("gain").beginObject()
                        .field("conservative", g.conservative() * 100)
                        .field("realistic", g.realistic() * 100)
                        .field("optimistic", g.optimistic() * 100)
                        .field("unit", "%")
                        .field("of", g.of())
                        .field("measured", g.measured())
                        .field("basis", g.basis());
                strings(w, "evidence", g.evidenceIds());
                w.endObject();
            }
            w.field("effortHours", item.effortHours());
            w.field("priority", item.priority());
            w.field("quickWin", item.quickWin());
            w.field("guidance", item.guidance());
            w.field("code", item.code());
            w.field("verify", item.verify());
            strings(w, "overlaps", item.overlaps());
            w.endObject();
        }
        w.endArray();
        strings(w, "quickWins", plan.quickWins());

        ValidationPlan v = plan.validation();
        w.name("validation").beginObject();
        strings(w, "baseline", v.baseline());
        strings(w, "steps", v.steps());
        w.field("loadTest", v.loadTest());
        w.field("alertRules", v.alertRules());
        w.endObject();
        w.endObject();
    }

    private static void strings(JsonWriter w, String name, List<String> values) throws IOException {
        w.name(name).beginArray();
        for (String s : values) {
            w.value(s);
        }
        w.endArray();
    }
}
