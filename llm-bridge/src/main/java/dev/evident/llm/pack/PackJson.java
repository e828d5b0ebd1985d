package dev.evident.llm.pack;

import dev.evident.core.model.Quantity;
import dev.evident.core.render.JsonWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the pack as JSON: the citable ids first, then one array per stage in the diagnosis
 * order, then the evidence, then what was cut. Uses the report's own JSON writer, so numbers are
 * printed the same way as in {@code --format json} and the text is byte-identical run to run.
 */
final class PackJson {
    static final String FORMAT = "evident evidence pack, version 1";

    private PackJson() {
    }

    static String write(List<PackItem> items, List<String> ids, EvidencePack.Omitted omitted, int budgetTokens) {
        StringBuilder sb = new StringBuilder();
        try {
            JsonWriter w = new JsonWriter(sb);
            w.beginObject();
            w.field("pack", FORMAT);
            w.name("citableIds").beginArray();
            for (String id : ids) {
                w.value(id);
            }
            w.endArray();
            for (Stage stage : Stage.values()) {
                w.name(stage.key()).beginArray();
                for (PackItem item : items) {
                    if (item.stage() == stage) {
                        item(item, w);
                    }
                }
                w.endArray();
            }
            if (omitted.count() > 0) {
                w.name("omitted").beginObject();
                w.field("reason", "cut to fit a budget of about " + budgetTokens
                        + " tokens, lowest-impact first; these ids are not citable");
                w.field("items", omitted.count());
                w.name("ids").beginArray();
                for (String id : omitted.ids()) {
                    w.value(id);
                }
                w.endArray();
                w.endObject();
            }
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** One item alone, to estimate its cost before deciding whether it fits. */
    static String item(PackItem item) {
        StringBuilder sb = new StringBuilder();
        try {
            item(item, new JsonWriter(sb));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    private static void item(PackItem item, JsonWriter w) throws IOException {
        w.beginObject();
        if (item.id() != null) {
            w.field("id", item.id());
        }
        w.field("kind", item.kind());
        for (PackItem.Field f : item.fields()) {
            w.field(f.name(), f.text());
        }
        if (!item.values().isEmpty()) {
            w.name("values").beginArray();
            for (Quantity q : item.values()) {
                w.beginObject().field("name", q.name()).field("value", q.value()).field("unit", q.unit()).endObject();
            }
            w.endArray();
        }
        if (!item.refs().isEmpty()) {
            w.name("restsOn").beginArray();
            for (String ref : item.refs()) {
                w.value(ref);
            }
            w.endArray();
        }
        w.endObject();
    }
}
