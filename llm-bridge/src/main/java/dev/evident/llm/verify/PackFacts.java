package dev.evident.llm.verify;

import dev.evident.core.model.Quantity;
import dev.evident.llm.pack.EvidencePack;
import dev.evident.llm.pack.PackItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbers a claim may use when it cites an id: those written in the cited item (its text and
 * its values), in the items it rests on (a finding's evidence), and in the uncitable context items
 * that rest on it (the bound classification rests on the evidence of its shares; a fix's code
 * example on its finding).
 */
final class PackFacts {
    private final Map<String, List<Mention>> own = new HashMap<>();
    private final Map<String, Set<String>> reach = new HashMap<>();
    private final Set<String> ids;

    PackFacts(EvidencePack pack) {
        ids = new LinkedHashSet<>(pack.ids());
        List<PackItem> items = pack.items();
        for (int i = 0; i < items.size(); i++) {
            PackItem item = items.get(i);
            String key = item.id() != null ? item.id() : "#" + i;
            own.put(key, mentions(item));
            Set<String> r = reach.computeIfAbsent(key, k -> new LinkedHashSet<>());
            r.add(key);
            r.addAll(item.refs());
            if (item.id() == null) {
                for (String ref : item.refs()) {
                    reach.computeIfAbsent(ref, k -> new LinkedHashSet<>()).add(key);
                }
            }
        }
    }

    boolean exists(String id) {
        return ids.contains(id);
    }

    /** Every number reachable from the cited ids. */
    List<Mention> numbers(Set<String> cited) {
        Set<String> keys = new LinkedHashSet<>();
        for (String id : cited) {
            if (exists(id)) {
                keys.addAll(reach.getOrDefault(id, Set.of(id)));
            }
        }
        List<Mention> out = new ArrayList<>();
        for (String key : keys) {
            out.addAll(own.getOrDefault(key, List.of()));
        }
        return out;
    }

    private static List<Mention> mentions(PackItem item) {
        List<Mention> out = new ArrayList<>();
        for (String text : item.texts()) {
            out.addAll(NumberExtractor.extract(text));
        }
        for (Quantity q : item.values()) {
            out.add(new Mention(q.name(), q.value(), 0, NumberUnit.parse(q.unit())));
        }
        return out;
    }
}
