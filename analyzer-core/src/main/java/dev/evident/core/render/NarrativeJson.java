package dev.evident.core.render;

import dev.evident.core.report.Narrative;

import java.io.IOException;

/** The JSON of the model-written narrative; absent when no model was configured. */
final class NarrativeJson {
    private NarrativeJson() {
    }

    static void write(Narrative narrative, JsonWriter w) throws IOException {
        if (narrative == null) {
            return;
        }
        w.name("narrative").beginObject();
        w.field("status", narrative.status().label());
        w.field("modelWritten", true);
        w.field("author", narrative.author());
        w.field("answers", narrative.answers());
        w.field("note", narrative.note());
        w.name("sections").beginArray();
        for (Narrative.Section section : narrative.sections()) {
            w.beginObject().field("title", section.title());
            w.name("claims").beginArray();
            for (Narrative.Claim claim : section.claims()) {
                claim(claim, w);
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.name("unsupported").beginArray();
        for (Narrative.Claim claim : narrative.unsupported()) {
            claim(claim, w);
        }
        w.endArray();
        w.endObject();
    }

    private static void claim(Narrative.Claim claim, JsonWriter w) throws IOException {
        w.beginObject().field("text", claim.text());
        w.name("evidence").beginArray();
        for (String id : claim.citations()) {
            w.value(id);
        }
        w.endArray();
        w.field("verified", claim.verified());
        w.name("problems").beginArray();
        for (String problem : claim.problems()) {
            w.value(problem);
        }
        w.endArray();
        w.endObject();
    }
}
