package dev.evident.llm.pack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the model is given: evident's findings, evidence and context, redacted and cut to a token
 * budget. Never raw artifacts.
 *
 * @param items           the kept items, most important first
 * @param omitted         what the budget cut
 * @param budgetTokens    the token budget
 * @param estimatedTokens the estimate for {@link #json()}
 * @param json            the text sent to the model
 */
public record EvidencePack(List<PackItem> items, Omitted omitted, int budgetTokens, int estimatedTokens, String json) {

    public EvidencePack {
        items = List.copyOf(items);
    }

    /**
     * What the budget cut.
     *
     * @param count how many items
     * @param ids   the citable ids among them, in the order they were cut
     */
    public record Omitted(int count, List<String> ids) {
        public Omitted {
            ids = List.copyOf(ids);
        }

        public static final Omitted NOTHING = new Omitted(0, List.of());
    }

    /** The ids the model may cite, in pack order: the allowed values of the answer schema. */
    public List<String> ids() {
        return items.stream().map(PackItem::id).filter(id -> id != null).toList();
    }

    public Optional<PackItem> item(String id) {
        return Optional.ofNullable(byId().get(id));
    }

    private Map<String, PackItem> byId() {
        Map<String, PackItem> map = new LinkedHashMap<>();
        for (PackItem item : items) {
            if (item.id() != null) {
                map.put(item.id(), item);
            }
        }
        return map;
    }
}
