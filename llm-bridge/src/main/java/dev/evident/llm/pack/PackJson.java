package dev.evident.llm.pack;

import dev.evident.core.model.Quantity;
import dev.evident.core.render.JsonWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the pack as compact JSON, one item per line: the citable ids first, then one array per
 * stage in the diagnosis order, then the evidence, then what was cut. Compact because every byte is
 * paid for in tokens; one item per line so {@code --show-prompt} stays readable. Numbers are printed
 * by the report's own rule ({@link JsonWriter#number}), so the text is byte-identical run to run.
 */
final class PackJson {
    static final String FORMAT = "evident evidence pack, version 1";

    private PackJson() {
    }

    static String write(List<PackItem> items, List<String> ids, EvidencePack.Omitted omitted, int budgetTokens) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"pack\": ").append(string(FORMAT)).append(",\n\"citableIds\": ").append(strings(ids));
        for (Stage stage : Stage.values()) {
            sb.append(",\n").append(string(stage.key())).append(": [");
            boolean first = true;
            for (PackItem item : items) {
                if (item.stage() == stage) {
                    sb.append(first ? "\n  " : ",\n  ").append(item(item));
                    first = false;
                }
            }
            sb.append(first ? "]" : "\n]");
        }
        if (omitted.count() > 0) {
            sb.append(",\n\"omitted\": {\"reason\": ")
                    .append(string("cut to fit a budget of about " + budgetTokens
                            + " tokens, lowest-impact first; these ids are not citable"))
                    .append(", \"items\": ").append(omitted.count())
                    .append(", \"ids\": ").append(strings(omitted.ids())).append('}');
        }
        return sb.append("\n}\n").toString();
    }

    /** One item on one line; also what its cost is estimated from. */
    static String item(PackItem item) {
        StringBuilder sb = new StringBuilder("{");
        if (item.id() != null) {
            sb.append("\"id\": ").append(string(item.id())).append(", ");
        }
        sb.append("\"kind\": ").append(string(item.kind()));
        for (PackItem.Field f : item.fields()) {
            sb.append(", ").append(string(f.name())).append(": ").append(string(f.text()));
        }
        if (!item.values().isEmpty()) {
            sb.append(", \"values\": [");
            for (int i = 0; i < item.values().size(); i++) {
                Quantity q = item.values().get(i);
                sb.append(i == 0 ? "" : ", ").append(string(q.name() + " = " + JsonWriter.number(q.value())
                        + (q.unit() == null || q.unit().isEmpty() ? "" : " " + q.unit())));
            }
            sb.append(']');
        }
        if (!item.refs().isEmpty()) {
            sb.append(", \"restsOn\": ").append(strings(item.refs()));
        }
        return sb.append('}').toString();
    }

    private static String strings(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(string(values.get(i)));
        }
        return sb.append(']').toString();
    }

    /** A JSON string literal, escaped by the report's own writer. */
    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        try {
            new JsonWriter(sb).value(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }
}
