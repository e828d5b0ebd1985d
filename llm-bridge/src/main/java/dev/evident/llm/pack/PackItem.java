package dev.evident.llm.pack;

import dev.evident.core.model.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One entry of the evidence pack: a finding, an evidence item, the bound, a user-stated fact, a
 * gap, or a note. Its text fields and values are what the model may quote; the verifier accepts a
 * number in a claim only if it appears here (or in the items this one rests on).
 *
 * @param id     the citable id ({@code F3}, {@code E12}, {@code U1}; later {@code P2}), or {@code null}
 *               for context that cannot be cited on its own (its numbers come from the items in {@code refs})
 * @param stage  where it goes in the diagnosis order
 * @param kind   {@code finding}, {@code evidence:<kind>}, {@code bound}, {@code incident}, {@code gap}, {@code note}, ...
 * @param fields text fields in output order
 * @param values numbers with units
 * @param refs   ids of the items this one rests on (a finding's evidence)
 */
public record PackItem(String id, Stage stage, String kind, List<Field> fields, List<Quantity> values, List<String> refs) {

    public PackItem {
        fields = List.copyOf(fields);
        values = List.copyOf(values);
        refs = List.copyOf(refs);
    }

    /** A named piece of text. */
    public record Field(String name, String text) {
    }

    /** The same item with every text (field texts and value names) passed through {@code redact}. */
    public PackItem mapText(UnaryOperator<String> redact) {
        List<Field> f = new ArrayList<>();
        for (Field field : fields) {
            f.add(new Field(field.name(), redact.apply(field.text())));
        }
        List<Quantity> v = new ArrayList<>();
        for (Quantity q : values) {
            v.add(new Quantity(redact.apply(q.name()), q.value(), q.unit()));
        }
        return new PackItem(id, stage, kind, f, v, refs);
    }

    /** All text of the item, for number extraction. */
    public List<String> texts() {
        return fields.stream().map(Field::text).toList();
    }
}
